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

const SPECIAL = /[&<>"']/;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape; testing first spares the loop per interpolation.
  if (!SPECIAL.test(text)) return text;
  let out = "";
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    let entity: string;
    switch (text.charCodeAt(i)) {
      case 38:
        entity = "&amp;";
        break;
      case 60:
        entity = "&lt;";
        break;
      case 62:
        entity = "&gt;";
        break;
      case 34:
        entity = "&quot;";
        break;
      case 39:
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out += text.slice(last, i) + entity;
    last = i + 1;
  }
  return out + text.slice(last);
}

export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

// Strings first: most interpolations are text (every page runs this some thousand times).
function fragment(value: Interpolation): string {
  if (typeof value === "string") return escapeHtml(value);
  if (value === null || value === undefined || typeof value === "boolean") return "";
  if (typeof value === "object") {
    if (value instanceof Html) return value.value;
    if (Array.isArray(value)) {
      let out = "";
      for (const item of value as readonly Interpolation[]) out += fragment(item);
      return out;
    }
    if (BRAND in value) return (value as unknown as Html).value;
  }
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
