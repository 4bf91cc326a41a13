/** Chinese messages for zod's own issues, for content files and site.config.ts alike. */
import type { z } from "zod";

const TYPE_NAMES: Record<string, string> = {
  string: "文字",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  array: "列表",
  object: "“字段: 值”映射",
  date: "日期",
};

function describeValue(value: unknown): string {
  if (value === null) return "空值";
  if (Array.isArray(value)) return "列表";
  if (typeof value === "object") return "映射";
  if (typeof value === "string") return `“${value}”`;
  // Objects are handled above: what is left (numbers, booleans) prints as itself.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/** The Chinese message for zod's own issues (schemas give their own where it matters). */
export const chineseError: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case "invalid_type":
      if (iss.input === undefined) return "缺少必填字段";
      if (iss.expected === "array" && typeof iss.input === "string") {
        return `应为列表，实际是${describeValue(iss.input)}；列表写成 [甲, 乙]，或每项一行“  - 甲”（短横线后加空格）`;
      }
      if (iss.input === null)
        return `应为${TYPE_NAMES[iss.expected] ?? iss.expected}，实际是空值（冒号后没有内容；值以 # 开头时须加引号，否则 # 后面是注释）`;
      return `应为${TYPE_NAMES[iss.expected] ?? iss.expected}，实际是${describeValue(iss.input)}`;
    case "too_small":
      if (iss.origin === "string") return "不能为空";
      if (iss.origin === "array") return `至少需要 ${String(iss.minimum)} 项`;
      return `不能小于 ${String(iss.minimum)}`;
    case "too_big":
      if (iss.origin === "string") return `不能超过 ${String(iss.maximum)} 个字`;
      if (iss.origin === "array") return `最多 ${String(iss.maximum)} 项`;
      return `不能大于 ${String(iss.maximum)}`;
    case "invalid_value":
      return `应为：${iss.values.map(String).join("、")}，实际是${describeValue(iss.input)}`;
    case "invalid_format":
      return iss.format === "url" ? "应为网址" : "格式不正确";
    default:
      return "内容不正确";
  }
};
