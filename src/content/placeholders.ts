/**
 * The placeholder values `npm run new` writes. They validate (so a new file can be previewed at
 * once), and the check points at every one left: a warning in a draft, an error once the item would
 * be published, so 【待填写】 never reaches the live site.
 */
import { keptWith } from "./kept.ts";

export const PLACEHOLDER = "【待填写】";
/** Phone fields must look like phone numbers even as placeholders. */
export const PLACEHOLDER_PHONE = "0000-0000000";
/** Media fields must name a /media/ path even as placeholders. */
export const PLACEHOLDER_MEDIA = "/media/todo-replace/";

export function isPlaceholder(value: string): boolean {
  return value.includes(PLACEHOLDER) || value === PLACEHOLDER_PHONE || value.startsWith(PLACEHOLDER_MEDIA);
}

/**
 * Where the record's body has PLACEHOLDER (−1: nowhere). The record store keeps it with the record
 * (src/build/cache/record-facts.ts), so the check of an unchanged record does not read its body,
 * which the store reads only when it is asked for (src/build/cache/record-bodies.ts).
 */
export function placeholderInBody(record: { body: string }): number {
  const kept = keptWith(record)?.placeholder;
  return typeof kept === "number" ? kept : record.body.indexOf(PLACEHOLDER);
}
