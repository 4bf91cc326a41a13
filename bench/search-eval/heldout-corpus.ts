/**
 * A third corpus for `npm run search:eval -- --corpus heldout`, written apart from bench/synthetic.ts
 * and county-corpus.ts (its own fictional city, 澄川市, and its own text: heldout-blocks.ts) to play
 * the independent check of issue 14 with new cases: items of every type with every field a reader
 * sees (guides with all fields, policies with attachments and keywords, videos with posters,
 * periodicals with covers, pages, topic pages), titles with characters outside the BMP, emoji and
 * full-width text, long attachment names, and bodies in the shapes a real portal's editors write,
 * raw HTML included (the site keeps it, sanitised: `allowHtml`). The queries are
 * heldout-queries.txt. Deterministic from the seed.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../../src/config/schema.ts";
import { random } from "../synthetic.ts";
import { TOWNS, blocks } from "./heldout-blocks.ts";

/** The site the corpus is built with: the sample portal's settings, raw HTML kept, three more 专题. */
export function heldoutSite(site: Site): Site {
  const extra = [
    { key: "smart-city", name: "智慧澄川", group: "专题" as const },
    { key: "clean-air", name: "蓝天保卫战", group: "专题" as const },
    { key: "rare-script", name: "古籍与地名", group: "专题" as const },
  ];
  return { ...site, allowHtml: true, topics: [...site.topics, ...extra] };
}

const q = (s: string) => JSON.stringify(s);
const ISSUERS = ["澄政发", "澄政办发", "澄卫健发", "澄环字", "澄大数据发"];
const SUBJECTS = ["澄川市", "市大数据局", "市生态环境局", "市住建局", ...TOWNS];
const WORKS = [
  "推进PM2.5与臭氧协同治理",
  "开展Wi-Fi全覆盖Ⅱ期建设",
  "召开二〇二三年度12345热线工作会",
  "发布𠀾山寺保护规划",
  "完成ＧＤＰ核算👍",
  "推动COVID-19疫苗接种",
  "公布㎡单价指导价",
  "部署“一网通办”3.0版",
];
const TAILS = ["", "（第Ⅱ期）", "工作情况", "的通知", "公示", "实施方案"];

export interface HeldoutOptions {
  count: number;
  seed?: number;
}

/** Writes `count` items (and the topic pages) into `contentDir`, emptied first; returns counts by type. */
export function generateHeldoutCorpus(
  site: Site,
  contentDir: string,
  options: HeldoutOptions,
): Record<string, number> {
  const rand = random(options.seed ?? 22);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  rmSync(contentDir, { recursive: true, force: true });
  const made = new Set<string>();
  const write = (rel: string, text: string) => {
    const file = path.join(contentDir, rel);
    if (!made.has(path.dirname(file))) mkdirSync(path.dirname(file), { recursive: true });
    made.add(path.dirname(file));
    writeFileSync(file, text);
    for (const [m] of text.matchAll(/\/media\/[A-Za-z0-9._/-]+/g)) {
      const media = path.join(contentDir, m.slice(1));
      mkdirSync(path.dirname(media), { recursive: true });
      writeFileSync(media, m.endsWith(".svg") ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : "x");
    }
  };
  const docNos: string[] = [];
  const body = (n: number) => blocks(rand, docNos, n).join("\n\n");
  const counts: Record<string, number> = {};
  const count = (type: string) => (counts[type] = (counts[type] ?? 0) + 1);
  const topicNames = () => (rand() < 0.3 ? `[${q(pick(site.topics).name)}]` : "[]");
  const attachments = (i: number) =>
    rand() < 0.3
      ? `attachments:\n${Array.from(
          { length: int(1, 3) },
          (_, k) =>
            `  - title: ${q(`附件${k + 1}：澄川市2023年度城镇老旧小区改造项目（第Ⅱ批）实施计划表及资金安排明细（含PM2.5监测点位调整说明）${pick(["", "𠀾", "📎"])}`)}\n    file: /media/heldout/a${i}-${k}.${pick(["pdf", "xlsx", "docx"])}`,
        ).join("\n")}\n`
      : "";

  for (const topic of site.topics.filter((t) => t.group === "专题")) {
    write(
      `topics/${topic.key}.md`,
      `---\ntitle: ${q(topic.name)}\ntopic: ${q(topic.name)}\ndate: 2021-01-01 09:00\nbanner: { src: /media/heldout/topic-${topic.key}.svg, alt: ${q(`${topic.name}专题横幅：鹭洲湿地🌿`)} }\n---\n${body(3)}\n`,
    );
    count("topic");
  }
  let serial = 0;
  let issue = 0;
  for (let i = 0; i < options.count; i++) {
    const year = 2020 + Math.floor((i / options.count) * 6);
    const date = `${year}-${pad(int(1, 12))}-${pad(int(1, 28))} ${pad(int(8, 17))}:${pad(int(0, 59))}`;
    const dept = pick(site.departments).name;
    const title = `${pick(SUBJECTS)}${pick(WORKS)}${pick(TAILS)}（${i}）`;
    const roll = rand();
    if (roll < 0.45) {
      const cover =
        rand() < 0.1 ? `cover: { src: /media/heldout/c${i}.svg, alt: ${q("封面：云岙镇👍新貌𠀾")} }\n` : "";
      write(
        `news/${year}/h${pad(i, 6)}.md`,
        `---\ntitle: ${q(title)}\ndate: ${date}\ncolumn: ${q(pick(site.columns).name)}\nsource: ${q(dept)}\ndepartment: ${q(dept)}\ntopics: ${topicNames()}\nsummary: ${q("仅列表显示的摘要：澄川摘要专用语")}\n${cover}${attachments(i)}---\n${body(int(3, 7))}\n`,
      );
      count("news");
    } else if (roll < 0.7) {
      const no = `${pick(ISSUERS)}〔${year}〕${++serial}号`;
      docNos.push(no);
      write(
        `policies/${year}/h${pad(i, 6)}.md`,
        `---\ntitle: ${q(title)}\nindex_no: 11370100MB2200022X/${year}-${pad(serial, 5)}\ncategory: ${q(pick(site.categories).name)}\nissuer: ${q(dept)}\ndoc_no: ${q(no)}\nwritten: ${date.slice(0, 10)}\ndate: ${date}\nkind: ${pick(["行政规范性文件", "其他文件"])}\nvalidity: 有效\ndepartment: ${q(dept)}\nkeywords: [${q("Wi-Fi")}, ${q("PM2.5")}, ${q("二〇二三年")}]\nsummary: ${q("内容概述：澄川概述专用语")}\ntopics: ${topicNames()}\n${attachments(i)}---\n${body(int(4, 9))}\n`,
      );
      count("policy");
    } else if (roll < 0.78) {
      write(
        `videos/${year}/h${pad(i, 6)}.md`,
        `---\ntitle: ${q(`视频：${title}`)}\ndate: ${date}\nkind: ${q(pick(site.videoKinds).name)}\ndepartment: ${q(dept)}\nsource: ${q(dept)}\nvideo: /media/heldout/v${i}.webm\nposter: { src: /media/heldout/v${i}.svg, alt: ${q("视频封面：梅溪街道📹夜景Ⅱ")} }\nduration: "0${int(1, 8)}:${pad(int(0, 59))}"\ncaptions: /media/heldout/v${i}.vtt\ntopics: ${topicNames()}\n---\n${body(2)}\n`,
      );
      count("video");
    } else if (roll < 0.9) {
      const legal = int(10, 30);
      const charged = rand() < 0.5;
      const fee = charged
        ? `fee:\n  charged: true\n  standard: ${q("每件80元；每增加一本证书加收工本费10元（㎡以下免收）")}\n  basis: ${q("《澄川市不动产登记收费标准》（澄发改价﹝2023﹞7号）")}\n`
        : "fee: { charged: false }\n";
      write(
        `guides/h${pad(i, 6)}.md`,
        `---\ntitle: ${q(`${pick(["不动产登记", "Wi-Fi热点备案", "𠀾山寺文物修缮许可", "ＰＭ２．５监测数据申请"])}办理（${i}）`)}\nitem_type: ${q(pick(site.guideTypes).name)}\ndepartment: ${q(dept)}\ndate: ${date}\nsummary: ${q("事项概述：澄川事项概述")}\nbasis:\n  - ${q("《中华人民共和国行政许可法》第十二条")}\n  - ${q("《澄川市政务服务管理办法》（澄政规〔2022〕3号）")}\nconditions:\n  - ${q("申请人年满18周岁")}\n  - ${q("持有澄川市居住证（Ⅱ类）")}\nmaterials:\n  - { name: ${q("申请表（A4纸双面打印）")}, form: 原件, copies: 1, required: true, note: ${q("可在“澄川通”App下载")} }\n  - { name: ${q("身份证明")}, form: 复印件, copies: 2, required: false, note: ${q("验原件后退还👍")} }\nprocess:\n  - ${q("网上申请：https://zwfw.chengchuan.gov.cn")}\n  - ${q("受理（1个工作日）")}\n  - ${q("审查、决定")}\nlocation: ${q("澄川市民中心Ｂ区３号窗口")}\nhours: ${q("工作日 8:30～12:00，14:00—17:30（法定节假日除外）")}\nlegal_days: ${legal}\npromised_days: ${Math.floor(legal / 2)}\n${fee}phone: "0531-12345678"\ncomplaint_phone: "(0531) 12345"\nonline_url: https://zwfw.chengchuan.gov.cn/item/h${i}\nresult: ${q("《澄川市文物修缮许可决定书》")}\n---\n${body(int(1, 3))}\n`,
      );
      count("guide");
    } else if (roll < 0.96 && site.periodicals[0]) {
      const p = site.periodicals[0];
      issue++;
      write(
        `periodicals/${p.key}/h${year}-${pad(issue, 5)}.md`,
        `---\ntitle: ${q(`《${p.name}》${year}年第${issue}期（澄川）`)}\nperiodical: ${q(p.name)}\nissue: ${issue}\ndate: ${date}\npdf: /media/heldout/p${i}.pdf\ncover: { src: /media/heldout/pc${i}.svg, alt: ${q("期刊封面：二〇二三年Ⅳ季度")} }\nsummary: ${q("本期要目：澄川要目专用语")}\n---\n${body(2)}\n`,
      );
      count("periodical");
    } else {
      write(
        `pages/h${pad(i, 6)}.md`,
        `---\ntitle: ${q(`澄川市概况（${i}）`)}\ndate: ${date}\n---\n${body(int(2, 5))}\n`,
      );
      count("page");
    }
  }
  return counts;
}
