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
      // Indexed, not for…of: these loads take the type feedback showElementKinds (below) gives
      // them, where the array iterator TurboFan inlines for for…of checks the maps it met itself.
      const items = value as readonly Interpolation[];
      let out = "";
      for (let i = 0; i < items.length; i++) out += fragment(items[i]);
      return out;
    }
    if (BRAND in value) return (value as unknown as Html).value;
  }
  return escapeHtml(String(value));
}

/**
 * fragment's array loop, shown arrays of every element kind before the first page. TurboFan
 * compiles the loop's `items.length` and `items[i]` for the array maps it has seen, and fragment is
 * inlined into every layout function, so each kind met later (a literal's packed array, map()'s
 * holey one, an empty one, numbers) threw away the compiled `head`, `html`, `breadcrumbs`… and
 * compiled them again ("wrong map"). Having seen more kinds than it tracks, the loop is compiled
 * generic from the start. Repeated because a function records types only after its first few
 * calls (V8 allocates its feedback lazily). Each call's string is dropped.
 */
function showElementKinds(): void {
  const kinds: Interpolation[][] = [
    [],
    new Array<Interpolation>(0),
    [0],
    [0.5],
    [""],
    [new Html("")],
    [[""]],
  ];
  kinds.push(new Array<Interpolation>(2), Object.freeze([""]) as Interpolation[]);
  const holey = new Array<Interpolation>(2);
  holey[0] = "";
  const holeyNumbers = new Array<Interpolation>(2);
  holeyNumbers[0] = 0.5;
  kinds.push(holey, holeyNumbers);
  for (let round = 0; round < 32; round++) for (const kind of kinds) fragment(kind);
}
showElementKinds();

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += fragment(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Marks trusted markup (rendered Markdown, our own SVG) as HTML. */
export function raw(markup: string): Html {
  return new Html(markup);
}
