/**
 * Synthetic portals for the benchmark and the search harness: realistic mixed content (every
 * type, Chinese text, columns, topics, attachments referenced) in the sample site's vocabulary,
 * generated deterministically from a seed.
 */
import { mkdirSync, writeFileSync, rmSync } from "node:fs";
import path from "node:path";
import type { Site } from "../src/config/schema.ts";

/** Small, fast, deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  "市政府",
  "市政务服务局",
  "各镇街",
  "市直各部门",
  "白桦岭市",
  "阿尔山市",
  "市人大代表",
  "驻村工作队",
  "市场监管部门",
  "社区网格员",
  "农牧民群众",
  "市民",
  "企业负责人",
  "窗口工作人员",
];
const ACTIONS = [
  "召开专题会议研究部署",
  "深入推进",
  "扎实开展",
  "认真落实",
  "全面加强",
  "持续优化",
  "集中整治",
  "督促检查",
  "组织学习",
  "专题调研",
];
const OBJECTS = [
  "政务公开工作",
  "行政许可事项办理",
  "食品安全监督抽检",
  "低保对象动态管理",
  "城乡居民医疗保险参保",
  "保障性住房分配",
  "环境保护督察整改",
  "惠农惠牧补贴发放",
  "安全生产隐患排查",
  "价格收费专项检查",
  "征地拆迁补偿安置",
  "优化营商环境",
  "生态文明体验区建设",
  "公务接待管理",
  "冬季供暖保障",
  "义务教育招生",
  "就业创业服务",
  "防汛抗旱准备",
  "森林草原防火",
  "乡村振兴项目",
];
const TAILS = [
  "，确保各项措施落到实处。",
  "，切实保障群众合法权益。",
  "，取得了阶段性成效。",
  "，群众满意度进一步提升。",
  "，推动工作制度化、规范化。",
  "，为全市高质量发展提供有力支撑。",
  "，做到应公开尽公开。",
  "，进一步提高办事效率。",
];

export interface SyntheticOptions {
  /** Number of content items. */
  count: number;
  seed?: number;
  /** First calendar year; items spread over `years` years. */
  firstYear?: number;
  years?: number;
  /**
   * Write every department's organ file (content/organs/: its 公开平台, about 85 pages each).
   * Default true; a platform's department and town sites leave them to the portal.
   */
  organs?: boolean;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function sentence(rand: () => number): string {
  return pick(rand, SUBJECTS) + pick(rand, ACTIONS) + pick(rand, OBJECTS) + pick(rand, TAILS);
}

function paragraphs(rand: () => number, n: number): string {
  return Array.from({ length: n }, () =>
    Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(rand)).join(""),
  ).join("\n\n");
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Writes `count` items into `contentDir` (emptied first) and returns how many of each type. */
export function generateSyntheticPortal(
  site: Site,
  contentDir: string,
  options: SyntheticOptions,
): Record<string, number> {
  const { count, seed = 1, firstYear = 2021, years = 5, organs = true } = options;
  const rand = random(seed);
  rmSync(contentDir, { recursive: true, force: true });
  const counts: Record<string, number> = {};
  const dirsMade = new Set<string>();
  const write = (rel: string, text: string) => {
    const file = path.join(contentDir, rel);
    const dir = path.dirname(file);
    if (!dirsMade.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirsMade.add(dir);
    }
    writeFileSync(file, text);
    // The build checks that every /media/ file an item names exists: give each a tiny stand-in.
    // SVGs are parsed and checked (src/media/svg-safety.ts): theirs is a real, empty image.
    for (const [media] of text.matchAll(/\/media\/[A-Za-z0-9._/-]+/g))
      write(media.slice(1), media.endsWith(".svg") ? '<svg xmlns="http://www.w3.org/2000/svg"/>' : "x");
  };
  const specials = site.topics.filter((t) => t.group === "专题");
  for (const topic of specials) {
    write(
      `topics/${topic.key}.md`,
      `---\ntitle: ${topic.name}\ntopic: ${topic.name}\ndate: ${firstYear}-01-01 09:00\n---\n${paragraphs(rand, 2)}\n`,
    );
  }
  // Every department is an organ with its own 公开平台 (the most a county portal has): per-organ
  // pages and tallies are part of what the benchmark measures.
  (organs ? site.departments : []).forEach((dept, n) => {
    const kind = n === 0 ? "人民政府" : "政府部门";
    const leader = (name: string, extra = "") =>
      `  - { name: ${name}, photo: { src: /media/images/leader-${dept.key}-${name.length}.svg, alt: ${name}同志示意头像 }, position: 局长, duties: 主持全面工作, from: ${firstYear}-01-01${extra} }\n`;
    write(
      `organs/${dept.key}.md`,
      `---\ntitle: 白桦岭${dept.name}\nkind: ${kind}\naddress: 白桦岭市温泉街${n + 1}号\nhours: 工作日 8:30—17:30\nphone: "0482-71200${pad(n)}"\nfax: "0482-71201${pad(n)}"\nunits:\n  - { name: 办公室, duties: 日常运转 }\nleaders:\n${leader("王现任")}${leader("李离任者", `, to: ${firstYear}-01-01`)}open_guide:\n  classification: 按第二十条分类\n  access: 网站公开，依申请公开\n  office: { name: 办公室, address: 温泉街${n + 1}号, hours: 工作日, phone: "0482-7120000", fax: "0482-7120001", online: a@b.gov.cn }\nstatutory:\n  - { name: 规章和规范性文件, policy_kinds: [行政规范性文件] }\n  - { name: 机构职能, organ_page: true }\n  - { name: 行政许可和对外管理服务, guide_types: [${site.guideTypes.map((g) => g.name).join(", ")}] }\n  - { name: 其他法定主动公开信息, columns: [${site.columns.map((c) => c.name).join(", ")}] }\n---\n负责本领域的行政管理工作（不取随机数：其余内容与没有机关时相同）。\n`,
    );
  });
  const policyIndex: string[] = [];
  let policySerial = 0;
  for (let i = 0; i < count; i++) {
    const year = firstYear + Math.floor((i / count) * years);
    const date = `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))} ${pad(8 + Math.floor(rand() * 10))}:${pad(Math.floor(rand() * 60))}`;
    const dept = pick(rand, site.departments).name;
    const topics = rand() < 0.3 ? `[${pick(rand, site.topics).name}]` : "[]";
    const title = `${pick(rand, SUBJECTS)}${pick(rand, ACTIONS)}${pick(rand, OBJECTS)}`;
    const roll = rand();
    let type: string;
    if (roll < 0.62) {
      type = "news";
      write(
        `news/${year}/n${pad(i, 6)}.md`,
        `---\ntitle: ${title}\ndate: ${date}\ncolumn: ${pick(rand, site.columns).name}\nsource: ${dept}\ndepartment: ${dept}\ntopics: ${topics}\nsummary: ${sentence(rand)}\n${rand() < 0.1 ? `attachments:\n  - { title: 附件1, file: /media/attachments/a${i}.pdf }\n` : ""}---\n${paragraphs(rand, 3 + Math.floor(rand() * 3))}\n`,
      );
    } else if (roll < 0.8) {
      type = "policy";
      const serial = pad(++policySerial, 5);
      const indexNo = `11152200MB0000001X/${year}-${serial}`;
      const interprets = policyIndex.length > 0 && rand() < 0.15 ? pick(rand, policyIndex) : undefined;
      const validity = rand() < 0.1 ? "失效" : rand() < 0.05 ? "废止" : "有效";
      write(
        `policies/${year}/p${pad(i, 6)}.md`,
        `---\ntitle: 关于${pick(rand, OBJECTS)}的${interprets ? "政策解读" : "通知"}\nindex_no: ${indexNo}\ncategory: ${pick(rand, site.categories).name}\nissuer: ${dept}\n${interprets ? "" : `doc_no: 白政发〔${year}〕${policySerial}号\n`}written: ${date.slice(0, 10)}\ndate: ${date}\nkind: ${interprets ? "政策解读" : rand() < 0.6 ? "行政规范性文件" : "其他文件"}\nvalidity: ${interprets ? "有效" : validity}\n${!interprets && validity !== "有效" ? `validity_changed: ${year + 1}-06-30\n` : ""}department: ${dept}\nkeywords: [${pick(rand, OBJECTS)}]\nsummary: ${sentence(rand)}\ntopics: ${topics}\n${interprets ? `interprets: ${interprets}\n` : ""}---\n${paragraphs(rand, 5)}\n`,
      );
      if (!interprets) policyIndex.push(indexNo);
    } else if (roll < 0.86) {
      type = "video";
      write(
        `videos/${year}/v${pad(i, 6)}.md`,
        `---\ntitle: 视频：${title}\ndate: ${date}\nkind: ${pick(rand, site.videoKinds).name}\ndepartment: ${dept}\nsource: ${dept}\nvideo: /media/video/v${i}.webm\nposter: { src: /media/images/v${i}.svg, alt: ${title} }\nduration: "0${Math.floor(rand() * 9)}:${pad(Math.floor(rand() * 60))}"\ncaptions: /media/captions/v${i}.vtt\ntopics: ${topics}\n---\n${paragraphs(rand, 2)}\n`,
      );
    } else if (roll < 0.96) {
      type = "guide";
      const legal = 5 + Math.floor(rand() * 30);
      write(
        `guides/g${pad(i, 6)}.md`,
        `---\ntitle: ${pick(rand, OBJECTS)}事项办理（${i}）\nitem_type: ${pick(rand, site.guideTypes).name}\ndepartment: ${dept}\ndate: ${date}\nbasis: [《中华人民共和国行政许可法》]\nconditions: [${sentence(rand).replace(/[，。]/g, "")}]\nmaterials:\n  - { name: 申请书, form: 原件, copies: 1, required: true }\n  - { name: 身份证明, form: 复印件, copies: 1, required: true }\nprocess: [申请, 受理, 审查, 决定]\nlocation: 白桦岭市政务服务中心\nhours: 工作日 8:30—17:30\nlegal_days: ${legal}\npromised_days: ${Math.floor(legal / 2)}\nfee: { charged: false }\nphone: 0482-7121234\ncomplaint_phone: 0482-7125678\n---\n${paragraphs(rand, 1)}\n`,
      );
    } else {
      type = "periodical";
      const periodical = site.periodicals[0];
      if (!periodical) continue;
      write(
        `periodicals/${periodical.key}/${year}-i${pad(i, 6)}.md`,
        `---\ntitle: 《${periodical.name}》${year}年第${i}期\nperiodical: ${periodical.name}\nissue: ${i + 1}\ndate: ${date}\npdf: /media/periodicals/p${i}.pdf\nsummary: ${sentence(rand)}\n---\n${paragraphs(rand, 2)}\n`,
      );
    }
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}
