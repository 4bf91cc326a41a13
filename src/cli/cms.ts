/**
 * `npm run cms`: the web editor on this machine (docs/cms.md). Decap CMS edits content/ of this
 * working copy through its local backend; beside the form, the site as `npm start --drafts`
 * builds it, reloaded on every save. Saving writes the file (round-trip normalised); committing
 * stays with git. Options as for `npm start`, --port default 8081; the preview goes to _preview/.
 */
import path from "node:path";
import YAML from "yaml";
import { checkOutputFolder } from "../build/publish.ts";
import { startDevSession } from "../dev/dev-session.ts";
import { DEFAULT_TYPES } from "../content-types/index.ts";
import { cmsConfig } from "../editors/cms-config.ts";
import { jsonSchemaFor } from "../editors/json-schema.ts";
import { renderMarkdown } from "../markdown/render.ts";
import { localApi } from "../cms/local-api.ts";
import { startCmsServer } from "../cms/server.ts";
import { readCliOptions } from "./options.ts";
import { runCli } from "./report.ts";

await runCli(
  async () => {
    const argv = process.argv.slice(2);
    const options = await readCliOptions(argv, "cms");
    const { site, contentDir } = options;
    const outDir = argv.includes("--out") ? options.outDir : path.resolve("_preview");
    checkOutputFolder(outDir, options);
    const repoRoot = path.dirname(contentDir);
    const contentFolder = path.basename(contentDir);
    const types = DEFAULT_TYPES;

    console.log("正在生成网站预览……");
    const session = await startDevSession({ ...options, outDir, includeDrafts: true, port: 0 });
    const schemas = new Map(
      types.map((t) => [`${contentFolder}/${t.folder}`, jsonSchemaFor(site, t.type, types)]),
    );
    const render = (body: string) => renderMarkdown(body, site.pathPrefix, { allowHtml: site.allowHtml });
    let origin = "";
    const api = await localApi({
      repoRoot,
      schemas,
      mediaTypes: site.mediaTypes,
      sameHtml: (a, b) => render(a) === render(b),
      origin: () => origin,
    });
    const server = await startCmsServer({
      port: options.port,
      siteName: site.name,
      types: types.map((t) => t.type),
      configYaml: (at) =>
        YAML.stringify(cmsConfig(site, { localApi: `${at}/api/v1`, contentFolder, types }), { lineWidth: 0 }),
      api,
      devUrl: () => session.server.url,
      pageOf: (type, slug) => {
        const spec = types.find((t) => t.type === type);
        const state = session.site()?.state;
        if (!spec || !state) return undefined;
        const record = state.portal.records.find((r) => r.id === `${spec.folder}/${slug}`);
        return record ? `${site.pathPrefix}${record.url.replace(/^\//, "")}` : undefined;
      },
    });
    origin = new URL(server.url).origin;
    await session.started;
    console.log(`内容管理：${server.url}（按 Ctrl+C 退出）`);
    const stop = () => {
      void Promise.all([server.close(), session.close()]).then(() => process.exit(0));
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  },
  { exitOnError: true },
);
