/**
 * Writes a portal whose 2012 content reproduces the seed's statistics table (阿尔山市 2012年政务公开
 * 和政务服务工作统计表), plus items that must not count: drafts, future-dated items and items just
 * either side of the year boundary in the site's zone.
 */
import type { Fixture } from "../helpers/fixture.ts";

export const SEED_2012 = {
  "city-news": 536,
  "dept-news": 1341,
  reprints: 425,
  notices: 4,
  press: 5,
  documents: 47,
  "video-news": 135,
  "promo-videos": 7,
  "periodical-issues": 22,
  housing: 14,
  "food-safety": 15,
  environment: 8,
  land: 1,
  accidents: 0,
  prices: 1,
  "farm-subsidies": 82,
  permits: 178,
  "non-permits": 68,
  services: 10,
} as const;

/** The seed's manual figures, as the report file gives them and the page prints them. */
export const SEED_MANUAL: Record<string, number | string> = {
  requests: 0,
  reviews: 0,
  lawsuits: 5,
  "reading-points": 2,
  "reading-visits": 130,
  "center-area": 220,
  "online-services": "是",
  "cases-received": 20582,
  "cases-completed": 20582,
  "items-stationed": 217,
  "agency-points": 0,
  offices: 76,
  "full-time-staff": 10,
  "part-time-staff": 76,
  meetings: 6,
  training: "4次/106人",
  funding: 9.5,
};

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** The n-th moment of 2012, spread over the year (n < 8000). */
const when = (n: number) =>
  `2012-${pad(1 + (n % 12))}-${pad(1 + (n % 28))} ${pad(8 + (n % 10))}:${pad(n % 60)}`;

export function writeSeedPortal(fx: Fixture): void {
  let n = 0;
  const topicsQueue: string[] = [];
  for (const [topic, count] of [
    ["保障性住房", 14],
    ["食品安全", 15],
    ["环境保护", 8],
    ["征地拆迁", 1],
    ["价格收费", 1],
    ["惠农惠牧", 82],
  ] as const) {
    for (let i = 0; i < count; i++) topicsQueue.push(topic);
  }
  const news = (column: string, count: number, folder: string) => {
    for (let i = 0; i < count; i++, n++) {
      // The 部门动态 items carry the 重大民生/热点 topics, one each.
      const topic = column === "部门动态" ? topicsQueue.shift() : undefined;
      const date = column === "市级新闻" && i === 0 ? "2012-01-01 00:10" : when(n);
      fx.write(
        `news/2012/${folder}-${pad(i, 4)}.md`,
        `---\ntitle: ${column}第${i + 1}条\ndate: ${date}\ncolumn: ${column}\nsource: 市政府办公室\ndepartment: 白桦岭市人民政府办公室\n${topic ? `topics: [${topic}]\n` : ""}---\n正文。\n`,
      );
    }
  };
  news("市级新闻", SEED_2012["city-news"], "city");
  news("部门动态", SEED_2012["dept-news"], "dept");
  news("转载", SEED_2012.reprints, "reprint");
  news("通知公告", SEED_2012.notices, "notice");
  news("发布会", SEED_2012.press, "press");
  // Media the items refer to must exist: the build checks every referenced file.
  for (const file of ["x.pdf", "v.mp4", "v.jpg", "v.vtt"]) fx.write(`media/${file}`, "stand-in");
  for (let i = 0; i < SEED_2012.documents; i++, n++) {
    const date = when(n);
    fx.write(
      `policies/2012/doc-${pad(i, 3)}.md`,
      `---\ntitle: 文件${i + 1}\nindex_no: 11152299MB0000001X/2012-${pad(i + 1, 5)}\ncategory: 综合政务\nissuer: 白桦岭市人民政府\ndoc_no: 白政发〔2012〕${i + 1}号\nwritten: ${date.slice(0, 10)}\ndate: ${date}\nkind: ${i % 3 ? "其他文件" : "行政规范性文件"}\ndepartment: 白桦岭市人民政府办公室\n---\n正文。\n`,
    );
  }
  const videos = (kind: string, count: number, folder: string) => {
    for (let i = 0; i < count; i++, n++) {
      fx.write(
        `videos/2012/${folder}-${pad(i, 3)}.md`,
        `---\ntitle: ${kind}${i + 1}\ndate: ${when(n)}\nkind: ${kind}\ndepartment: 市融媒体中心\nsource: 市融媒体中心\nvideo: /media/v.mp4\nposter: { src: /media/v.jpg, alt: 视频截图 }\nduration: "01:30"\ncaptions: /media/v.vtt\n---\n文字实录。\n`,
      );
    }
  };
  videos("视频新闻", SEED_2012["video-news"], "news");
  videos("宣传片", SEED_2012["promo-videos"], "promo");
  for (let i = 0; i < SEED_2012["periodical-issues"]; i++, n++) {
    fx.write(
      `periodicals/bhlx/2012-${pad(i + 1)}.md`,
      `---\ntitle: 《白桦岭讯》2012年第${i + 1}期\nperiodical: 白桦岭讯\nissue: ${i + 1}\ndate: ${when(n)}\npdf: /media/x.pdf\n---\n`,
    );
  }
  const guides = (type: string, count: number, folder: string) => {
    for (let i = 0; i < count; i++, n++) {
      fx.write(
        `guides/${folder}-${pad(i, 3)}.md`,
        `---\ntitle: ${type}事项${i + 1}\nitem_type: ${type}\ndepartment: 市政务服务局\ndate: ${when(n)}\nbasis: [依据]\nconditions: [条件]\nmaterials:\n  - { name: 申请书, form: 原件 }\nprocess: [受理, 决定]\nlocation: 政务服务中心\nhours: 工作日\nlegal_days: 20\npromised_days: 10\nfee: { charged: false }\nphone: 0482-7121234\ncomplaint_phone: 0482-7125678\n---\n`,
      );
    }
  };
  guides("行政许可", SEED_2012.permits, "permit");
  guides("行政非许可", SEED_2012["non-permits"], "non-permit");
  guides("公共服务", SEED_2012.services, "service");

  // Not in any 2012 tally: a draft, scheduled items, and the neighbouring years' edges.
  const extra = (file: string, date: string, more = "", topic = "保障性住房") =>
    fx.write(
      file,
      `---\ntitle: 不计入\ndate: ${date}\ncolumn: 市级新闻\nsource: 市政府办公室\ndepartment: 白桦岭市人民政府办公室\ntopics: [${topic}]\n${more}---\n正文。\n`,
    );
  extra("news/2012/draft.md", "2012-06-01 09:00", "draft: true\n");
  extra("news/2012/draft-accident.md", "2012-06-02 09:00", "draft: true\n", "安全事故");
  extra("news/2027/scheduled.md", "2027-01-05 09:00");
  extra("news/2011/last-minute.md", "2011-12-31 23:50");
  extra("news/2013/first-minute.md", "2013-01-01 00:05");
  fx.write(
    "guides/draft-permit.md",
    `---\ntitle: 草稿事项\nitem_type: 行政许可\ndepartment: 市政务服务局\ndate: 2012-05-01 09:00\ndraft: true\nbasis: [依据]\nconditions: [条件]\nmaterials:\n  - { name: 申请书, form: 原件 }\nprocess: [受理]\nlocation: 中心\nhours: 工作日\nlegal_days: 20\npromised_days: 10\nfee: { charged: false }\nphone: 0482-7121234\ncomplaint_phone: 0482-7125678\n---\n`,
  );

  const figures = Object.entries({ ...SEED_MANUAL, website: 2306 })
    .map(([key, value]) => `  ${key}: ${typeof value === "string" ? JSON.stringify(value) : value}`)
    .join("\n");
  fx.write(
    "reports/2012.md",
    `---\ntitle: 白桦岭市2012年政务公开和政务服务工作统计\nfigures:\n${figures}\n---\n`,
  );
}
