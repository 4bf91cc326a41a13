/** Helpers for the front-matter lines each content type's spec gives `npm run new`. */
import type { Keyed } from "../config/schema.ts";

/** Something the editor must fix before a file can be made (shown as is, in Chinese). */
export class ScaffoldError extends Error {}

/** A YAML string value, quoted. */
export const q = (text: string) => JSON.stringify(text);

/** The choices of a site-config list, as a comment after the value. */
export const choices = (list: readonly Keyed[]) => `  # 可选：${list.map((k) => k.name).join("、")}`;

/** The first name of a site-config list, the value a new file starts with. */
export function first(list: readonly Keyed[], what: string): string {
  if (!list[0]) throw new ScaffoldError(`站点配置中没有任何${what}，无法新建此类内容`);
  return list[0].name;
}

/** The date line every dated type starts with. */
export const dateLine = (stamp: { toFormat(format: string): string }) =>
  `date: ${stamp.toFormat("yyyy-MM-dd HH:mm")}`;
