/**
 * 互动交流 and 留言办理 (issue 15): channels and identity links on every page, letters as files held to
 * their reply deadlines at the build clock, and the letter statistics equal to their audit lists.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { createFixture, news, textOf } from "../helpers/fixture.ts";
import { ContentError } from "../../src/problems/problems.ts";
import { validateSite } from "../../src/config/load.ts";
import { FIXTURE_SITE } from "../helpers/fixture.ts";
import { letter } from "./letter-file.ts";

const site = createFixture(
  {
    "news/2026/a.md": news("春耕", "2026-03-01 09:00"),
    // Answered in 8 days, public.
    "letters/2026/bus-route.md": letter(
      {
        title: "关于开通城区至青松镇公交线路的咨询",
        date: "2026-03-10 16:00",
        received: "2026-03-02",
        letter_text: "想了解何时开通公交线路。",
        consent: true,
        replied: "2026-03-10",
        replied_by: "市政府办公室",
      },
      "您好！线路计划于今年开通。",
    ),
    // Answered in 18 days, not public: counted, never shown.
    "letters/2026/shop.md": letter(
      {
        title: "关于某商户的投诉",
        kind: "投诉",
        public: false,
        received: "2026-03-15",
        received_by: "市市场监督管理局",
        replied: "2026-04-02",
        replied_by: "市市场监督管理局",
      },
      "已处理。",
    ),
    // Answered in 26 days.
    "letters/2026/park.md": letter(
      {
        title: "关于增设公园座椅的建议",
        kind: "建议",
        date: "2026-05-06 10:00",
        received: "2026-04-10",
        referred_to: ["市市场监督管理局"],
        replied: "2026-05-06",
        replied_by: "市政府办公室",
      },
      "已采纳。",
    ),
    // Pending for 36 days: past 15 working days (a warning), within 60 days.
    "letters/2026/heating.md": letter({
      title: "关于供暖的求助",
      kind: "求助",
      date: "2026-05-26 09:00",
      received: "2026-05-25",
    }),
    // Pending for 10 days: nothing to say yet.
    "letters/2026/road.md": letter({
      title: "关于道路维修的投诉",
      kind: "投诉",
      date: "2026-06-21 09:00",
      received: "2026-06-20",
    }),
  },
  { conacId: "bm15000001" },
);
const built = await site.build({ now: "2026-06-30 12:00" });
const pages = site.files().filter((f) => f.endsWith(".html"));
const urlOf = (file: string) => `/${file.replace(/index\.html$/, "")}`;

test("every page links to the 咨询建言 channels, 互动交流, 找错 (its own URL and the 标识码) and the site's 党政机关标识 record", () => {
  assert.ok(pages.length > 30);
  for (const file of pages) {
    const page = site.read(file);
    const footer = page.slice(page.indexOf('<footer class="site-footer"'));
    for (const href of ["https://12345.test.gov.cn/mayor", "mailto:12345@test.gov.cn", "/interaction/"])
      assert.ok(footer.includes(`href="${href}"`), `${file}: no footer link to ${href}`);
    const encoded = encodeURIComponent(`https://www.test.gov.cn${urlOf(file)}`);
    assert.ok(
      footer.includes(
        `href="https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=1500000001&amp;url=${encoded}"`,
      ),
      `${file}: 找错 link without its own address`,
    );
    assert.ok(footer.includes('href="https://bszs.conac.cn/sitename?method=show&amp;id=bm15000001"'), file);
    assert.match(page, /<nav class="main-nav"[\s\S]*<a href="\/interaction\/"[^>]*>互动交流<\/a>/, file);
  }
  assert.match(site.read("/letters/"), /<a href="\/interaction\/" aria-current="page">互动交流<\/a>/);
});

test("a site without a channel is refused with a Chinese message naming the setting", () => {
  assert.throws(
    () => validateSite({ ...FIXTURE_SITE, interaction: { channels: [] } }),
    (err: ContentError) =>
      err.problems.some((p) => p.field?.startsWith("interaction.channels") && /咨询建言渠道/.test(p.message)),
  );
  assert.throws(
    () => validateSite({ ...FIXTURE_SITE, interaction: undefined }),
    (err: ContentError) =>
      err.problems.some((p) => p.field?.startsWith("interaction") && /单项否决/.test(p.message)),
  );
  assert.throws(
    () =>
      validateSite({
        ...FIXTURE_SITE,
        interaction: { channels: [{ label: "信箱", url: "javascript:alert(1)" }] },
      }),
    (err: ContentError) => err.problems.some((p) => /https:\/\/ 开头的网址/.test(p.message)),
  );
});

test("the 互动交流 page lists the channels and the letters; public letters have pages, the others none", () => {
  const ix = site.read("/interaction/");
  assert.match(ix, /<a href="https:\/\/12345.test.gov.cn\/mayor" rel="noopener noreferrer">市长信箱<\/a>/);
  assert.match(textOf(ix), /已公开来信 4 件，其中已答复 2 件、办理中 2 件/);
  const detail = textOf(site.read("/letters/2026/bus-route/"));
  for (const text of [
    "受理日期 2026-03-02",
    "受理单位 市政府办公室",
    "答复日期 2026-03-10",
    "答复单位 市政府办公室",
    "来信内容 想了解何时开通公交线路。",
    "线路计划于今年开通",
  ])
    assert.ok(detail.includes(text), text);
  assert.match(textOf(site.read("/letters/2026/heating/")), /办理状态 办理中 .*正在办理中，答复后将在此公开/);
  assert.equal(site.exists("/letters/2026/shop/"), false);
  assert.ok(!site.read("/letters/").includes("关于某商户的投诉"));
  assert.ok(!site.read("/sitemap.xml").includes("/letters/2026/shop/"));
  // Lists by 类型 and 办理状态.
  assert.match(textOf(site.read("/letters/type/suggestion/")), /关于增设公园座椅的建议/);
  assert.ok(!textOf(site.read("/letters/type/suggestion/")).includes("供暖"));
  const pending = textOf(site.read("/letters/status/pending/"));
  assert.ok(
    pending.includes("关于供暖的求助") && pending.includes("关于道路维修的投诉") && !pending.includes("公交"),
  );
  // Search filters.
  assert.match(site.read("/search/"), /留言类型[\s\S]*办理状态/);
});

test("a letter unanswered for 15 working days warns, naming the file and both dates", () => {
  const warnings = built.state.warnings.filter((p) => p.file.startsWith("content/letters/"));
  assert.equal(warnings.length, 1, JSON.stringify(warnings));
  assert.equal(warnings[0].file, "content/letters/2026/heating.md");
  assert.equal(warnings[0].severity, "warning");
  assert.match(warnings[0].message, /2026-05-25.*2026-06-30.*个工作日未答复/);
});

/** Count links of one row of a letter statistics table: [received, answered] with their audit URLs. */
function row(page: string, label: string) {
  const tr = page.match(new RegExp(`<tr[^>]*><th scope="row">${label}</th>([\\s\\S]*?)</tr>`))?.[1];
  assert.ok(tr, `no row ${label}`);
  const links = [...tr.matchAll(/<a href="([^"]+)"[^>]*>(\d+)<\/a>/g)].map((m) => ({
    url: m[1],
    n: Number(m[2]),
  }));
  const cells = [...tr.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((m) => m[1]);
  return { received: links[0], answered: links[1], average: cells[0], longest: cells[1] };
}

const auditRows = (url: string) => (site.read(url).match(/<tr><td class="title"/g) ?? []).length;

test("monthly and yearly reply statistics equal the letters on their audit lists", () => {
  const page = site.read("/statistics/letters/2026/");
  const expected: Record<string, [number, number]> = {
    "2026年全年": [5, 3],
    "3月": [2, 1],
    "4月": [1, 1],
    "5月": [1, 1],
    "6月": [1, 0],
    "1月": [0, 0],
  };
  for (const [label, [received, answered]] of Object.entries(expected)) {
    const r = row(page, label);
    assert.equal(r.received.n, received, `${label} received`);
    assert.equal(r.answered.n, answered, `${label} answered`);
    assert.equal(auditRows(r.received.url), received, `${label}: audit list of received`);
    assert.equal(auditRows(r.answered.url), answered, `${label}: audit list of answered`);
  }
  // Reply times: 8, 18 and 26 days.
  assert.deepEqual([row(page, "2026年全年").average, row(page, "2026年全年").longest], ["17.3", "26"]);
  assert.deepEqual([row(page, "4月").average, row(page, "4月").longest], ["18", "18"]);
  // By 类型 and 受理单位.
  assert.equal(row(page, "投诉").received.n, 2);
  assert.equal(row(page, "市市场监督管理局").answered.n, 1);
  // The letter not made public is on the audit list, without title or link.
  const april = site.read(row(page, "4月").answered.url);
  assert.match(april, /不公开的来信/);
  assert.ok(!april.includes("关于某商户的投诉"));
  // Open data: the same figures, with the address of each audit list.
  const json = JSON.parse(site.read("/open-data/letters.json"));
  const y = json.years.find((x: { year: number }) => x.year === 2026);
  assert.equal(y.total.received, 5);
  assert.equal(y.total.averageReplyDays, 17.3);
  const march = y.months[2];
  assert.equal(march.received, 2);
  assert.equal(march.answeredItems, `https://www.test.gov.cn${row(page, "3月").answered.url}`);
  // Outside January the home page carries no 年度报表 notice.
  assert.ok(!site.read("/").includes("website-report-notice"));
  // Reached from the statistics pages.
  assert.match(site.read("/statistics/"), /href="\/statistics\/letters\/2026\/"/);
});
