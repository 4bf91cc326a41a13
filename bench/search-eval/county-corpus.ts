/**
 * A second corpus for `npm run search:eval -- --corpus county`, written independently of
 * bench/synthetic.ts so search is measured on text it was not tuned on: a fictional county
 * (青禾县) whose words are drawn from a lexicon generated from ~450 common characters (tens of
 * thousands of distinct bigrams, where the synthetic portal has a few hundred), with tables,
 * attachments, full-width digits and letters, 发文字号 cited in five bracket styles, and one
 * policy in twenty 20,000–32,000 characters long. Deterministic from the seed.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../src/config/schema.ts";
import { random } from "../synthetic.ts";

const CHARS =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质较世区族团完受转该感况南指保打百北造增争料";
const COUNTY = "青禾县";
const TOWNS = ["柳溪镇", "石门乡", "河口镇", "长岭乡", "桃源街道", "北坪镇", "东湾乡"];
const ISSUERS = ["青禾政发", "青禾政办发", "青禾农发", "青禾财预", "县发改发"];
const BRACKETS: [string, string][] = [
  ["〔", "〕"],
  ["[", "]"],
  ["（", "）"],
  ["【", "】"],
  ["(", ")"],
];
const WIDE = (s: string) => s.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

export interface CountyOptions {
  count: number;
  seed?: number;
}

/** Writes `count` items into `contentDir` (emptied first); returns how many of each type. */
export function generateCountyCorpus(
  site: Site,
  contentDir: string,
  options: CountyOptions,
): Record<string, number> {
  const rand = random(options.seed ?? 11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const lexicon = Array.from({ length: 6000 }, () =>
    Array.from({ length: int(2, 4) }, () => CHARS[Math.floor(rand() * CHARS.length)]).join(""),
  );
  // Zipf-like: early words are much more common.
  const word = () => lexicon[Math.floor(lexicon.length * rand() ** 2.2)];
  const docNos: string[] = [];
  const cite = () => {
    if (!docNos.length) return "";
    const no = pick(docNos);
    const [open, close] = pick(BRACKETS);
    return `根据${no.replace("〔", open).replace("〕", close)}文件，`;
  };
  const sentence = () => {
    const parts = Array.from({ length: int(2, 5) }, () => Array.from({ length: int(2, 5) }, word).join(""));
    let s = parts.join(pick(["，", "、", "，", "；"]));
    const r = rand();
    if (r < 0.08) s = cite() + s;
    else if (r < 0.16) s += `，同比增长${WIDE(String(int(1, 30)))}．${WIDE(String(int(0, 9)))}％`;
    else if (r < 0.2) s = `${pick(TOWNS)}${s}，涉及ＧＤＰ和5G应用`;
    return `${s}。`;
  };
  const paragraph = () => Array.from({ length: int(2, 7) }, sentence).join("");
  const table = () => {
    const rows = Array.from(
      { length: int(3, 8) },
      () => `| ${pick(TOWNS)} | ${word()}${word()} | ${int(10, 9999)} | ${WIDE(String(int(1, 99)))}％ |`,
    );
    return `| 乡镇 | 项目 | 金额（万元） | 完成率 |\n| --- | --- | ---: | ---: |\n${rows.join("\n")}`;
  };
  const body = (minChars: number) => {
    const blocks: string[] = [];
    let chars = 0;
    while (chars < minChars) {
      const b = rand() < 0.12 ? table() : paragraph();
      blocks.push(b);
      chars += b.length;
    }
    return blocks.join("\n\n");
  };

  rmSync(contentDir, { recursive: true, force: true });
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const file = path.join(contentDir, rel);
    if (!made.has(path.dirname(file))) {
      mkdirSync(path.dirname(file), { recursive: true });
      made.add(path.dirname(file));
    }
    writeFileSync(file, text);
  };
  const counts: Record<string, number> = {};
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  for (let i = 0; i < options.count; i++) {
    const year = 2019 + Math.floor((i / options.count) * 7);
    const date = `${year}-${pad(int(1, 12))}-${pad(int(1, 28))} ${pad(int(8, 17))}:${pad(int(0, 59))}`;
    const dept = pick(site.departments).name;
    const title = `${COUNTY}${pick(TOWNS)}${word()}${word()}${pick(["工作情况", "实施方案", "通报", "的通知", "公示"])}`;
    const attachments =
      rand() < 0.25
        ? `attachments:\n${Array.from({ length: int(1, 3) }, (_, k) => `  - { title: ${word()}${word()}${pick(["明细表", "汇总表", "名单", "申请表"])}, file: /media/county/a${i}-${k}.pdf }`).join("\n")}\n`
        : "";
    for (const [m] of attachments.matchAll(/\/media\/[a-z0-9/.-]+/g)) write(m.slice(1), "x");
    if (rand() < 0.55) {
      write(
        `news/${year}/c${pad(i, 6)}.md`,
        `---\ntitle: ${title}\ndate: ${date}\ncolumn: ${pick(site.columns).name}\nsource: ${dept}\ndepartment: ${dept}\n${attachments}---\n${body(int(300, 2500))}\n`,
      );
      counts.news = (counts.news ?? 0) + 1;
    } else {
      const no = `${pick(ISSUERS)}〔${year}〕${docNos.length + 1}号`;
      docNos.push(no);
      const long = rand() < 0.05;
      write(
        `policies/${year}/c${pad(i, 6)}.md`,
        `---\ntitle: ${title}\nindex_no: 11152200MB0000002X/${year}-${pad(i % 100000, 5)}\ncategory: ${pick(site.categories).name}\nissuer: ${dept}\ndoc_no: ${no}\nwritten: ${date.slice(0, 10)}\ndate: ${date}\nkind: 其他文件\nvalidity: 有效\ndepartment: ${dept}\n${attachments}---\n${body(long ? int(20_000, 31_000) : int(800, 4000))}\n`,
      );
      counts.policy = (counts.policy ?? 0) + 1;
    }
  }
  return counts;
}
