/**
 * The harness's default queries: the cases of issue 14 as written there (they find pages on the
 * sample portal and on corpora like the issue's), then queries taken from the corpus at hand, so
 * every kind is exercised whatever the site: a 发文字号 typed with other brackets and full-width
 * digits, a topic page's title, two words apart, a quoted phrase, a 200-character passage, ten terms;
 * then the kinds of reader-queries.ts.
 */
import type { TruthPage } from "./report.ts";
import { readerQueries } from "./reader-queries.ts";

const ISSUE_CASES = [
  "附着物补偿明细表",
  "社区工作者岗位表",
  "发改价格规〔2016〕2559号",
  "每增加一本证书加收工本费10元",
  "乡村振兴",
  "工作",
  "一揽子惠企纾困",
  "５Ｇ",
  "5G",
  "青政发[2023]5号",
  "秸秆 禁烧",
  '"乡村振兴"',
  "（一）",
  "县政府党组成员、副县长",
  "〔2023〕",
  "智慧农机",
];

const CLASSIC = [
  "公务",
  "务公",
  "低保",
  "行政许可",
  "食品安全",
  "阿尔山",
  "市市场监督管理局",
  "疫情防控",
  "公",
];

const WIDE = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

/** Queries drawn from the corpus (deterministic: the same pages give the same queries). */
function fromCorpus(pages: readonly TruthPage[]): string[] {
  const out: string[] = [];
  const docNo = pages.map((p) => /\p{Script=Han}+〔\d{4}〕\d+号/u.exec(p.shown)?.[0]).find(Boolean);
  if (docNo)
    out.push(
      docNo.replace("〔", "[").replace("〕", "]"),
      WIDE(docNo).replace("〔", "（").replace("〕", "）"),
    );
  const topic = pages.find((p) => p.url.includes("/topics/"));
  if (topic) out.push(topic.shown.split("\n")[0]);
  // The longest line of a page a third of the way down the corpus by length: a paragraph.
  const body = [...pages].sort((a, b) => b.shown.length - a.shown.length)[Math.floor(pages.length / 3)];
  const line = body?.shown.split("\n").sort((a, b) => b.length - a.length)[0] ?? "";
  if (line.length >= 40) {
    const at = (i: number) => Math.floor((i * line.length) / 12);
    const words = Array.from({ length: 10 }, (_, i) => line.slice(at(i + 1), at(i + 1) + 2));
    out.push(`${words[0]} ${words[6]}`, `“${line.slice(at(5), at(5) + 6)}”`, words.join(" "));
  }
  if (body) {
    // A pasted passage runs across paragraphs; its line breaks become spaces, so it is several terms.
    const flat = body.shown.replace(/\n/g, " ");
    out.push(flat.slice(Math.floor(flat.length / 4), Math.floor(flat.length / 4) + 200));
  }
  return out;
}

export function defaultQueries(pages: readonly TruthPage[]): string[] {
  return [
    ...CLASSIC.slice(0, 1),
    ...ISSUE_CASES,
    ...fromCorpus(pages),
    ...CLASSIC.slice(1),
    ...readerQueries(pages),
  ];
}
