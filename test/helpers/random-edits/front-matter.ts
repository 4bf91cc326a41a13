/**
 * Line edits of a content file's front matter, as an editor makes them in a text editor: one
 * top-level `key: value` line read, replaced, added or removed; the rest of the file untouched.
 */

/** The front matter's end: the index of the closing `---` line's start, or -1. */
function fmEnd(text: string): number {
  if (!text.startsWith("---\n")) return -1;
  const end = text.indexOf("\n---", 3);
  return end < 0 ? -1 : end + 1;
}

const lineOf = (key: string) => new RegExp(`^${key}:( .*)?$`, "m");

/** A top-level key's raw value (the text after `key: `), or undefined. */
export function getField(text: string, key: string): string | undefined {
  const end = fmEnd(text);
  if (end < 0) return undefined;
  const m = lineOf(key).exec(text.slice(0, end));
  return m ? (m[1] ?? "").trim() : undefined;
}

/** Sets a top-level key's raw value, adding the line before the closing `---` when missing. */
export function setField(text: string, key: string, value: string): string {
  const end = fmEnd(text);
  if (end < 0) return text;
  const head = text.slice(0, end);
  const re = lineOf(key);
  if (re.test(head)) return head.replace(re, `${key}: ${value}`) + text.slice(end);
  return `${head}${key}: ${value}\n${text.slice(end)}`;
}

/** Removes a top-level scalar key's line. */
export function removeField(text: string, key: string): string {
  const end = fmEnd(text);
  if (end < 0) return text;
  return text.slice(0, end).replace(new RegExp(`^${key}:( .*)?\\n`, "m"), "") + text.slice(end);
}

/** The body after the front matter. */
export function bodyOf(text: string): string {
  const end = fmEnd(text);
  return end < 0 ? text : text.slice(text.indexOf("\n", end) + 1);
}

export function setBody(text: string, body: string): string {
  const end = fmEnd(text);
  return end < 0 ? body : text.slice(0, text.indexOf("\n", end) + 1) + body;
}

/** A `[a, b]` flow list's items. */
export function listItems(raw: string | undefined): string[] {
  if (!raw || !raw.startsWith("[")) return [];
  return raw
    .slice(1, -1)
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `YYYY-MM-DD[ HH:mm]` moved by whole days and minutes (a wall-clock shift, no time zone). */
export function shiftDate(raw: string, days: number, minutes = 0): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(raw.replace(/^["']|["']$/g, ""));
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)));
  d.setUTCMinutes(d.getUTCMinutes() + days * 1440 + (m[4] ? minutes : 0));
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return m[4] ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

/** A date field's wall-clock value as epoch-like minutes, for comparisons between fields. */
export function dateKey(raw: string | undefined): number | undefined {
  const m = raw && /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?/.exec(raw.replace(/^["']/, ""));
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0)) / 60000 : undefined;
}
