/**
 * HTML by tagged template: every interpolated value is escaped unless it is already `Html`.
 * Editors' text can only reach a page through here, so it is always escaped.
 */
/**
 * Marks trusted markup across module copies: a site's theme folder may load this file under another
 * URL (its own import path), and its Html must still be recognised, not escaped a second time.
 */
const BRAND = Symbol.for("gongkai.html");

export class Html {
  readonly [BRAND] = true;
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape; testing first spares a replace() per interpolation.
  return SPECIAL.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c]) : text;
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

function fragment(value: Interpolation): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof Html || (typeof value === "object" && BRAND in value)) return (value as Html).value;
  if (Array.isArray(value)) return value.map(fragment).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += fragment(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Marks trusted markup (rendered Markdown, our own SVG) as HTML. */
export function raw(markup: string): Html {
  return new Html(markup);
}
