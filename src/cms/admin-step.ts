/**
 * The editor page in the public build, only when the operator asks (`cms.publishAdmin`): admin/
 * with the page, the generated config (the operator's Git host and workflow) and Decap's scripts
 * from node_modules, and an `admin/*` rule in `_headers` with the page's own policy
 * (src/cms/admin-page.ts). Without the setting the build has no admin/ at all.
 */
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HEADERS_FILE } from "../build/headers-file.ts";
import type { BuildStep } from "../build/steps.ts";
import type { Site } from "../config/schema.ts";
import { cmsConfigYaml } from "../editors/cms-config.ts";
import {
  ADMIN_STYLE,
  BOOT_SCRIPT,
  DECAP_DIST,
  adminHtml,
  adminScript,
  adminSecurityPolicy,
  decapFiles,
} from "./admin-page.ts";

export const ADMIN_FOLDER = "/admin/";

/** The origins the editor page talks to: the Git host's API and its sign-in server. */
export function adminOrigins(site: Site): string[] {
  const backend = site.cms.backend;
  if (!backend) return [];
  const defaults: Record<string, string> = { github: "https://api.github.com", gitlab: "https://gitlab.com" };
  const urls = [backend.apiRoot ?? defaults[backend.name], backend.baseUrl].filter((u): u is string =>
    Boolean(u),
  );
  return [...new Set(urls.map((u) => new URL(u).origin))];
}

export const adminStep: BuildStep = {
  name: "admin",
  after: ["_headers"],
  outputs: (state) => (state.portal.site.cms.publishAdmin ? [ADMIN_FOLDER] : []),
  run(state, outDir) {
    const site = state.portal.site;
    if (!site.cms.publishAdmin) return;
    const dir = path.join(outDir, ADMIN_FOLDER);
    mkdirSync(dir, { recursive: true });
    const types = state.portal.types.map((t) => t.type);
    writeFileSync(path.join(dir, "index.html"), adminHtml(site.name));
    writeFileSync(path.join(dir, "config.yml"), cmsConfigYaml(site, { types: state.portal.types }));
    writeFileSync(path.join(dir, "cms-boot.js"), BOOT_SCRIPT);
    writeFileSync(path.join(dir, "cms.js"), adminScript(types, undefined));
    writeFileSync(path.join(dir, "cms.css"), ADMIN_STYLE);
    for (const name of decapFiles()) copyFileSync(path.join(DECAP_DIST, name), path.join(dir, name));
    const origins = adminOrigins(site);
    appendFileSync(
      path.join(outDir, HEADERS_FILE),
      `\n${site.pathPrefix}admin/*\n  Content-Security-Policy: ${adminSecurityPolicy(origins, origins)}\n  Cache-Control: no-cache\n`,
    );
  },
};
