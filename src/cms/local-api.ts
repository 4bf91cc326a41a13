/**
 * The local backend of `npm run cms`: Decap's own file-system API (decap-server's `local_fs`
 * middleware, which keeps every path inside the repository) behind two filters of ours:
 * - saves go through the round-trip normalizer (src/cms/normalize.ts), so an unchanged item is
 *   written back byte for byte and a changed field changes only its own lines;
 * - uploads are refused unless their type is on the site's media allow-list (`mediaTypes`) and
 *   their name is one the build accepts (ASCII letters, digits, . _ -).
 * decap-server answers any origin (CORS *); a page on another site must not write into the
 * working copy, so requests whose Origin is not the editor's own are refused before it.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { refusedType } from "../media/allow-list.ts";
import type { JsonSchema } from "../editors/json-schema.ts";
import { normalizeSave } from "./normalize.ts";

/** express as decap-server depends on it (the version its middleware is written for). */
const decapRequire = createRequire(
  createRequire(import.meta.url).resolve("decap-server/dist/middlewares.js"),
);
type Express = ((...args: unknown[]) => unknown) & { json(o: object): unknown };
const express = decapRequire("express") as Express;
const decapServer = decapRequire("./middlewares.js") as {
  registerLocalFs: (app: unknown, options: { logLevel?: string }) => Promise<void>;
};

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}
interface Asset {
  path: string;
  content: string;
  encoding: string;
}

export interface LocalApiOptions {
  /** The repository root (the folder that holds content/). */
  repoRoot: string;
  /** Content folder relative to the root, / separated: "content/news" → the news schema. */
  schemas: Map<string, JsonSchema>;
  mediaTypes: readonly string[];
  /** True when two Markdown bodies render to the same HTML. */
  sameHtml: (a: string, b: string) => boolean;
  /** The origin the editor page is served from (requests from any other are refused). */
  origin: () => string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const NAME = /^[A-Za-z0-9._-]+$/;

function schemaOf(schemas: Map<string, JsonSchema>, file: string): JsonSchema | undefined {
  let best: [string, JsonSchema] | undefined;
  for (const entry of schemas)
    if (file.startsWith(`${entry[0]}/`) && (!best || entry[0].length > best[0].length)) best = entry;
  return best?.[1];
}

async function readIfExists(file: string): Promise<string | undefined> {
  return readFile(file, "utf8").catch(() => undefined);
}

/** The express app answering POST /api/v1. */
export async function localApi(o: LocalApiOptions): Promise<Handler> {
  const app = (express as unknown as () => Record<string, (...a: unknown[]) => void>)();
  app.use(express.json({ limit: "100mb" }));
  app.use(
    "/api/v1",
    (
      req: IncomingMessage & { body?: { action?: string; params?: Record<string, unknown> } },
      res: ServerResponse & { status(n: number): { json(o: object): void } },
      next: () => void,
    ) => {
      if (req.headers.origin !== undefined && req.headers.origin !== o.origin()) {
        res.status(403).json({ error: "只接受本机内容管理页面的请求" });
        return;
      }
      if (req.method !== "POST") return next();
      const body = req.body;
      if (body?.action !== "persistEntry" && body?.action !== "persistMedia") return next();
      filterSave(o, body.action, body.params ?? {}).then(
        (problem) => (problem ? res.status(422).json({ error: problem }) : next()),
        (err: unknown) => res.status(500).json({ error: String(err) }),
      );
    },
  );
  process.env.GIT_REPO_DIRECTORY = o.repoRoot;
  await decapServer.registerLocalFs(app, { logLevel: "warn" });
  return app as unknown as Handler;
}

/** Normalizes the files of a save in place; a reason (Chinese) when the save must be refused. */
async function filterSave(
  o: LocalApiOptions,
  action: string,
  params: Record<string, unknown>,
): Promise<string | undefined> {
  const assets = (
    action === "persistMedia" ? [params.asset] : ((params.assets as Asset[] | undefined) ?? [])
  ) as Asset[];
  for (const asset of assets) {
    if (!asset) continue;
    const name = path.posix.basename(asset.path);
    if (!NAME.test(name))
      return `文件名“${name}”只能使用英文字母、数字和 . _ -（不要用中文或空格）；请改名后再上传`;
    const refused = refusedType(`/${asset.path}`, o.mediaTypes);
    if (refused) return `${name}：${refused}`;
  }
  if (action !== "persistEntry") return undefined;
  const entry = params.entry as DataFile | undefined;
  const files = (params.dataFiles as DataFile[] | undefined) ?? (entry ? [entry] : []);
  for (const file of files) {
    const schema = schemaOf(o.schemas, file.path);
    if (!schema || typeof file.raw !== "string") continue;
    const original = await readIfExists(path.join(o.repoRoot, file.path));
    file.raw = normalizeSave(original, file.raw, { schema, sameHtml: o.sameHtml });
  }
  return undefined;
}
