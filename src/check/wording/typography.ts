/**
 * Typography of official text: GB/T 15834-2011 标点符号用法 and GB/T 15835-2011 出版物上数字用法.
 * Each rule is one regular expression or one stack pass over the text, so the cost stays linear.
 */
export interface TypographyHit {
  start: number;
  found: string;
  message: string;
}

const HAN = "\\u3400-\\u9fff";
const HALF_TO_FULL: Record<string, string> = {
  ",": "，",
  ".": "。",
  ";": "；",
  ":": "：",
  "?": "？",
  "!": "！",
  "(": "（",
};

/** A half-width mark with Chinese on both sides (a `(` only needs Chinese before and after it). */
const HALF_WIDTH = new RegExp(`(?<=[${HAN}])[,.;:?!(](?=[${HAN}])`, "g");
/** 发文字号 with [] 【】 () （） ［］ around the year: 白政发[2025]3号. */
const DOC_NO = new RegExp(`([${HAN}]{1,12})([\\[【(（［])((?:19|20)\\d{2})([\\]】)）］])(\\d{1,4})号`, "g");
/** A year of two digits before a month: 25年3月. */
const SHORT_YEAR = /(?<![\d.\/:\-０-９'’])(\d{2})年(\d{1,2})月/g;
/** 二零二五年: GB/T 15835 writes the zero of a year in Chinese numerals as 〇. */
const ZERO_YEAR = /(?<![一二三四五六七八九十〇零])[一二三四五六七八九〇零]{4}年/g;

const PAIRS: Record<string, string> = { "“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "〔": "〕" };
/** Marks named in words: a message quoting “”” in quotation marks is unreadable. */
const NAMES: Record<string, string> = {
  "“": "左引号“",
  "”": "右引号”",
  "‘": "左单引号‘",
  "’": "右单引号’",
  "《": "书名号《",
  "》": "书名号》",
  "（": "括号（",
  "）": "括号）",
  "【": "方头括号【",
  "】": "方头括号】",
  "〔": "六角括号〔",
  "〕": "六角括号〕",
};
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Unmatched or crossed quotation marks and brackets, per paragraph. */
function pairing(text: string, hits: TypographyHit[]): void {
  const stack: number[] = [];
  const flush = () => {
    for (const at of stack)
      hits.push({
        start: at,
        found: text[at],
        message: `${NAMES[text[at]]}后面缺少配对的${NAMES[PAIRS[text[at]]]}`,
      });
    stack.length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" && text[i + 1] === "\n") flush();
    else if (PAIRS[c]) stack.push(i);
    else if (CLOSERS.has(c)) {
      const open = CLOSERS.get(c)!;
      if (stack.length && text[stack[stack.length - 1]] === open) stack.pop();
      else {
        const inner = stack.length ? text[stack[stack.length - 1]] : undefined;
        hits.push({
          start: i,
          found: c,
          message: inner
            ? `${NAMES[c]}与前面的${NAMES[inner]}不配对，应先用${NAMES[PAIRS[inner]]}结束`
            : `${NAMES[c]}前面缺少配对的${NAMES[open]}`,
        });
        if (stack.length && stack.slice(0, -1).some((s) => text[s] === open)) {
          // Crossed pairs: drop back to the matching opener so one mistake is reported once.
          while (text[stack[stack.length - 1]] !== open) stack.pop();
          stack.pop();
        }
      }
    }
  }
  flush();
}

export function typographyHits(text: string): TypographyHit[] {
  const hits: TypographyHit[] = [];
  for (const m of text.matchAll(HALF_WIDTH)) {
    const full = HALF_TO_FULL[m[0]];
    hits.push({
      start: m.index,
      found: m[0],
      message: `汉字之间的半角标点“${m[0]}”应为全角“${full}”${m[0] === "(" ? "（括号应成对使用全角“（）”）" : ""}（GB/T 15834）`,
    });
  }
  for (const m of text.matchAll(DOC_NO)) {
    const [, agency, , year, , serial] = m;
    hits.push({
      start: m.index + agency.length,
      found: m[0].slice(agency.length),
      message: `发文字号的年份应使用六角括号“〔〕”：应为“${agency}〔${year}〕${serial}号”（GB/T 9704）`,
    });
  }
  for (const m of text.matchAll(SHORT_YEAR)) {
    hits.push({
      start: m.index,
      found: m[0],
      message: `年份不能简写为两位：应为“20${m[1]}年${m[2]}月”之类的四位年份（GB/T 15835）`,
    });
  }
  for (const m of text.matchAll(ZERO_YEAR)) {
    if (!m[0].includes("零")) continue;
    hits.push({
      start: m.index,
      found: m[0],
      message: `年份中的零应写作“〇”：应为“${m[0].replaceAll("零", "〇")}”（GB/T 15835）`,
    });
  }
  pairing(text, hits);
  return hits;
}
