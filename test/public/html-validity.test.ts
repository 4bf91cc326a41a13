/**
 * The W3C Nu Html Checker (vnu-jar, run with Java, once over all files for speed) reports no
 * errors on one page of every template.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { buildTemplatePortal } from "./template-pages.ts";

const VNU = path.resolve(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");

async function javaMissing(): Promise<string | false> {
  if (process.env.CI) return false;
  try {
    await promisify(execFile)("java", ["-version"]);
    return existsSync(VNU) ? false : `no ${VNU}`;
  } catch {
    return "no java";
  }
}

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

test("every template is valid HTML (Nu Html Checker: 0 errors)", { skip: await javaMissing() }, async () => {
  const { outDir, pages } = await buildTemplatePortal();
  const files = pages.map((p) => path.join(outDir, p.file));
  // vnu exits with 1 when it reports errors; the JSON on stderr is what we read either way.
  const stderr = await new Promise<string>((resolve, reject) => {
    execFile("java", ["-jar", VNU, "--errors-only", "--format", "json", ...files], { maxBuffer: 32 * 1024 * 1024 }, (error, _out, err) => {
      if (error && !err.trim().startsWith("{")) reject(error);
      else resolve(err);
    });
  });
  const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
  const errors = messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map((m) => `${path.relative(outDir, decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? "?"}: ${m.message} ${m.extract ?? ""}`);
  assert.deepEqual(errors, [], errors.join("\n"));
});
