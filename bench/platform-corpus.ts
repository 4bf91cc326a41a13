/**
 * A synthetic 集约化 platform for the benchmark: `sites` sites (a portal and departments / towns,
 * half on their own domain, half on a path of the portal's), the sample site's taxonomies shared,
 * `total` items split among them (the portal a larger share), and one dept news item in
 * `shareEvery` shared to the portal. The organs' 公开平台 (content/organs/, ~85 pages per organ)
 * are on the portal only, as a platform's 政府信息公开平台 is one on the portal's site; with
 * `organsEverywhere` every site has all of them (19 organs × 20 sites: ~32k extra pages).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { validateSite } from "../src/config/load.ts";
import type { SiteInput } from "../src/config/schema.ts";
import { SHARED_TAXONOMIES } from "../src/platform/config.ts";
import { generateSyntheticPortal } from "./synthetic.ts";

export interface PlatformCorpus {
  root: string;
  config: string;
  sites: { key: string; items: number; shared: number }[];
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

export function generatePlatform(
  sample: SiteInput,
  root: string,
  options: { sites: number; total: number; shareEvery?: number; organsEverywhere?: boolean },
): PlatformCorpus {
  const { sites: count, total, shareEvery = 50, organsEverywhere = false } = options;
  const shared = Object.fromEntries(SHARED_TAXONOMIES.map((k) => [k, sample[k]]));
  const own = Object.fromEntries(
    Object.entries(sample).filter(([k]) => !(SHARED_TAXONOMIES as readonly string[]).includes(k)),
  );
  const portalItems = count === 1 ? total : Math.round(total * 0.15);
  const rest = total - portalItems;
  const keys = Array.from({ length: count }, (_, i) => (i === 0 ? "portal" : `s${pad(i, 2)}`));
  const result: PlatformCorpus = { root, config: path.join(root, "platform.config.ts"), sites: [] };
  keys.forEach((key, i) => {
    const input = {
      ...own,
      ...shared,
      name: i === 0 ? sample.name : `${sample.name}第${i}部门`,
      siteIdCode: `152299${pad(i + 1, 4)}`,
      // Odd sites on a path of the portal's domain, even ones on a domain of their own.
      baseUrl: i % 2 === 0 && i > 0 ? `https://${key}.baihualing.gov.cn` : sample.baseUrl,
      pathPrefix: i % 2 === 1 ? `/${key}/` : "/",
    } as SiteInput;
    const siteDir = path.join(root, "sites", key);
    mkdirSync(siteDir, { recursive: true });
    const withoutShared = Object.fromEntries(
      Object.entries(input).filter(([k]) => !(SHARED_TAXONOMIES as readonly string[]).includes(k)),
    );
    writeFileSync(path.join(siteDir, "site.config.ts"), `export default ${JSON.stringify(withoutShared)};\n`);
    const items = i === 0 ? portalItems : Math.floor(rest / (count - 1)) + (i <= rest % (count - 1) ? 1 : 0);
    const contentDir = path.join(siteDir, "content");
    generateSyntheticPortal(validateSite(input), contentDir, {
      count: items,
      seed: i + 1,
      organs: i === 0 || organsEverywhere,
    });
    let sharedCount = 0;
    if (i > 0) {
      const newsDir = path.join(contentDir, "news");
      const files = readdirSync(newsDir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
        .sort();
      files.forEach((file, k) => {
        if (k % shareEvery !== 0) return;
        const text = readFileSync(file, "utf8");
        // A copy names the home site's /media/ files, which the portal does not have (docs/platform.md: limits).
        if (text.includes("/media/")) return;
        writeFileSync(file, text.replace(/^---\n/, "---\nshare: [portal]\n"));
        sharedCount++;
      });
    }
    result.sites.push({ key, items, shared: sharedCount });
  });
  const platform = {
    name: `${sample.name}政府网站集约化平台`,
    baseUrl: `${sample.baseUrl}/platform/`,
    shared,
    sites: keys.map((key) => ({
      key,
      config: `sites/${key}/site.config.ts`,
      content: `sites/${key}/content`,
    })),
  };
  writeFileSync(result.config, `export default ${JSON.stringify(platform)};\n`);
  return result;
}
