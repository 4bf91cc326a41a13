/** Numbered test-city policy documents for fixtures that link documents to each other (文件变更). */
import { md } from "./fixture.ts";

/** The 索引号 of document `n`. */
export const indexNo = (n: number) => `11150000MB0000001X/2026-0000${n}`;

/** Policy document `n` (written and published in month `n`), with `extra` front matter. */
export const numberedPolicy = (
  n: number,
  title: string,
  extra: Record<string, string | string[] | undefined> = {},
) =>
  md({
    title,
    index_no: indexNo(n),
    category: "综合政务",
    issuer: "测试市人民政府",
    doc_no: `测政发〔2026〕${n}号`,
    written: `2026-0${n}-01`,
    date: `2026-0${n}-02 10:00`,
    // 其他文件: no 解读 is required of them (that rule has its own tests).
    kind: "其他文件",
    department: "市政府办公室",
    ...extra,
  });
