/**
 * The theme seam: a second site, with its own config file and folder, sets its colours, logo,
 * banner and footer lines and replaces the footer, a home block and a detail layout, without any
 * change to src/ or layouts/. Its config is validated like any other (wrong colours, unknown parts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createFixture, FIXTURE_SITE, news } from "../helpers/fixture.ts";
import { loadSiteConfig, validateSite } from "../../src/config/load.ts";
import { buildSite } from "../../src/build/build-site.ts";
import { parseLocalDate } from "../../src/content/fields.ts";
import { ContentError } from "../../src/problems/problems.ts";

const repo = (rel: string) =>
  JSON.stringify(pathToFileURL(path.resolve(import.meta.dirname, "../..", rel)).href);

/** other/site.config.ts and other/theme/*.ts, as a second site's team would write them. */
function writeOtherSite(root: string): string {
  const dir = path.join(root, "other");
  mkdirSync(path.join(dir, "theme"), { recursive: true });
  writeFileSync(
    path.join(dir, "theme", "footer.ts"),
    `import { html } from ${repo("src/html/html.ts")};
import type { FooterOverride } from ${repo("layouts/overrides.ts")};
export const footer: FooterOverride = (ctx, original) =>
  html\`<div class="other-footer"><p>另一站点的页脚：\${ctx.site.sponsor}</p></div>\${original()}\`;
`,
  );
  writeFileSync(
    path.join(dir, "theme", "parts.ts"),
    `import { html } from ${repo("src/html/html.ts")};
import type { DetailOverride, HomeBlockOverride } from ${repo("layouts/overrides.ts")};
export const notice: HomeBlockOverride = () => html\`<section class="home-block"><h2>便民提示</h2><p>本市今冬供暖已启动。</p></section>\`;
export const newsDetail: DetailOverride = (ctx, record, body, original) =>
  html\`<p class="other-detail">\${record.fields.title}</p>\${original()}\`;
`,
  );
  const { guideTypes, ...rest } = FIXTURE_SITE;
  writeFileSync(
    path.join(dir, "site.config.ts"),
    `import { defineSite } from ${repo("src/config/load.ts")};
import { defineOverrides } from ${repo("layouts/overrides.ts")};
import { footer } from "./theme/footer.ts";
import { notice, newsDetail } from "./theme/parts.ts";
export default defineSite({
  ...${JSON.stringify({ ...rest, guideTypes, name: "另一市人民政府", copyrightSince: 2020 })},
  theme: {
    colors: { brand: "#0b4f8a", brandDark: "#083a66", accent: "#0b4f8a" },
    logo: "/media/logo.svg",
    banner: { color: "#083a66", tagline: "山水之城" },
    footerText: ["本站由另一市大数据中心运行维护"],
    overrides: defineOverrides({ footer, homeBlocks: { notice }, detail: { news: newsDetail } }),
  },
  home: { rows: [[{ type: "custom", name: "notice", span: "half" }, { type: "news", columns: ["city-news"], span: "half" }]] },
});
`,
  );
  return path.join(dir, "site.config.ts");
}

test("a second site's theme and overrides reach its pages; the generator's files are untouched", async () => {
  const fixture = createFixture({
    "news/2026/a.md": news("另一市召开常务会议", "2026-03-01 09:00"),
    "media/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"/>',
  });
  const site = await loadSiteConfig(writeOtherSite(fixture.root));
  const now = parseLocalDate("2026-06-30 12:00", site.timeZone)!.toMillis();
  await buildSite({ site, contentDir: fixture.contentDir, outDir: fixture.outDir, now });

  const home = fixture.read("/");
  assert.match(home, /<div class="other-footer"><p>另一站点的页脚：测试市人民政府办公室<\/p><\/div>/);
  assert.match(home, /<footer class="site-footer">/, "the override wrapped the original footer");
  assert.match(home, /版权所有 © <span class="nowrap">2020—2026<\/span> 另一市人民政府/);
  assert.match(home, /<p>本站由另一市大数据中心运行维护<\/p>/);
  assert.match(home, /<img src="\/media\/logo\.svg" alt="" width="48" height="48">/);
  assert.match(home, /<p class="tagline">山水之城<\/p>/);
  assert.match(home, /<h2>便民提示<\/h2><p>本市今冬供暖已启动。<\/p>/);
  assert.match(home, /<a href="\/news\/2026\/a\/">另一市召开常务会议<\/a>/);
  assert.doesNotMatch(home, /id="h-services"|id="h-focus"/, "only the rows the site configured");

  const css = fixture.read("/assets/theme.css");
  assert.match(css, /--brand: #0b4f8a;/);
  assert.match(css, /--brand-dark: #083a66;/);
  assert.match(css, /--banner: #083a66;/);
  assert.match(fixture.read("/news/2026/a/"), /<p class="other-detail">另一市召开常务会议<\/p>/);
  assert.match(fixture.read("/news/2026/a/"), /class="other-footer"/);
});

test("a theme is validated like the rest of the config: unreadable colours and unknown parts are errors", () => {
  const problems = (theme: object) => {
    try {
      validateSite({ ...FIXTURE_SITE, theme });
      return [];
    } catch (err) {
      assert.ok(err instanceof ContentError);
      return err.problems.map((p) => `${p.field}: ${p.message}`);
    }
  };
  const pale = problems({ colors: { brand: "#f0c0c0" } });
  assert.equal(pale.length, 1);
  assert.match(pale[0], /^theme\.colors\.brand.*对比度为 1\.\d\d:1，至少需要 4\.5:1/);
  const unknown = problems({ overrides: { sidebar: () => "" } });
  assert.match(unknown.join("\n"), /theme\.overrides/);
  assert.match(
    problems({ overrides: { footer: "footer.ts" } }).join("\n"),
    /theme\.overrides\.footer.*应为函数/,
  );
  assert.match(problems({ logo: "logo.svg" }).join("\n"), /theme\.logo.*\/media\//);
  assert.deepEqual(problems({ colors: { brand: "#0b4f8a" } }), []);
});

test("home rows are checked against the columns and the overrides", () => {
  try {
    validateSite({
      ...FIXTURE_SITE,
      home: {
        rows: [
          [
            { type: "news", columns: ["city-news", "citynews"] },
            { type: "custom", name: "weather" },
          ],
        ],
      },
    });
    assert.fail("accepted");
  } catch (err) {
    assert.ok(err instanceof ContentError);
    const messages = err.problems.map((p) => `${p.field}: ${p.message}`);
    assert.equal(messages.length, 2);
    assert.match(
      messages[0],
      /^home\.rows\[0\]\[0\]\.columns\[1\]: 栏目“citynews”未在 columns 中声明；应为：city-news、/,
    );
    assert.match(
      messages[1],
      /^home\.rows\[0\]\[1\]\.name: 自定义区块“weather”需要在 theme\.overrides\.homeBlocks/,
    );
  }
});
