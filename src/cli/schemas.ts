/**
 * `npm run schemas`: writes schemas/<type>.schema.json for editors' tools and schemas/cms.config.yml
 * for the web editor (docs/cms.md), and `npm run docs:fields`
 * (`--docs`): writes docs/fields.md and the field reference in README.md. Both from the zod schemas and site.config.ts; rerun after
 * changing either (a test fails while they are stale).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadSiteConfig } from "../config/load.ts";
import { allJsonSchemas } from "../editors/json-schema.ts";
import { CMS_CONFIG_FILE, cmsConfigYaml } from "../editors/cms-config.ts";
import { fieldReference, withFieldReference } from "../editors/field-docs.ts";
import { runCli } from "./report.ts";
import { parseCommandLine } from "./arguments.ts";
import { usageOf } from "./usage.ts";

await runCli(
  async () => {
    const { values } = parseCommandLine(
      {
        options: {
          config: { type: "string", default: "site.config.ts" },
          docs: { type: "boolean", default: false },
        },
      },
      usageOf("schemas"),
    );
    const site = await loadSiteConfig(values.config);
    if (values.docs) {
      mkdirSync("docs", { recursive: true });
      writeFileSync(path.join("docs", "fields.md"), fieldReference(site));
      writeFileSync("README.md", withFieldReference(readFileSync("README.md", "utf8"), site));
      console.log("docs/fields.md\nREADME.md");
      return;
    }
    mkdirSync("schemas", { recursive: true });
    for (const [name, text] of allJsonSchemas(site)) {
      writeFileSync(path.join("schemas", name), text);
      console.log(`schemas/${name}`);
    }
    writeFileSync(CMS_CONFIG_FILE, cmsConfigYaml(site));
    console.log(CMS_CONFIG_FILE);
  },
  { afterError: "" },
);
