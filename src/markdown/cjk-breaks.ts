/**
 * A line wrapped inside Chinese text shows, and is searched, without a space: 智慧⏎农机 is 智慧农机,
 * and so is a line wrapped next to Chinese punctuation: “你好”⏎然后, 等等……⏎后续, 阿卜杜勒·⏎阿齐兹,
 * 第①⏎项, 5℃⏎左右. Between Chinese and Latin text, or two Latin words, the break stays a space.
 *
 * The rule is markdown-it-cjk-breaks' (CSS Text 3's): a soft break is removed when a zero-width space
 * is beside it, or when the characters on both sides are East Asian Wide, Fullwidth or Halfwidth and
 * neither is Hangul (which spaces its words). Two differences, why this replaces that plugin:
 * - It reads the character beside a break from the nearest text that has one. markdown-it 15 leaves
 *   an empty text token after `**bold**`, which the plugin read as a character and threw on, so a
 *   body with a bold phrase ending a wrapped line (a**b**⏎c) failed the whole build. Inline code is
 *   text too (使用`cmd`⏎执行 keeps its space after cmd).
 * - Quotation marks “” ‘’, …, —, ·, circled numbers, ℃, ○ ● ★ ※ § are Ambiguous: wide in a Chinese
 *   font, narrow in a Latin one. CSS keeps the break, so every hard-wrapped Chinese paragraph showed a
 *   stray space where a line ended or started with one. Here an ambiguous non-letter beside a wide
 *   character is wide. Beside a Latin letter or a digit (Hello “world”⏎next, 3⏎℃), or another
 *   ambiguous mark (……⏎“), whose language cannot be told, the break stays a space.
 * - A line may end with a character and its variation selector: a name's ideographic variation
 *   sequence (葛 + U+E0100), an emoji in emoji presentation (👍️ ❤️, a keycap 1️⃣). The selector is no
 *   side of its own: the character before it decides, and emoji presentation (U+FE0F) or a flag is
 *   wide, as Unicode's UAX #11 has emoji presentation sequences (adv48: 负责同志葛󠄀⏎村委会 showed
 *   葛󠄀 村委会, and 点赞👍️⏎继续 a space, found by nothing typed as written).
 * - Punctuation and symbols of neutral width (⋯ ⸺ ⸻ ☐ ☑ ✓) side as the ambiguous ones do (adv50).
 */
import { eastAsianWidthType } from "get-east-asian-width";
import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<Markdown["parseInline"]>[number];

const HANGUL = /\p{Script=Hangul}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const ZWSP = "\u200b";
const EMOJI_PRESENTATION = "\ufe0f";
/** What modifies the character before it: variation selectors and the keycap mark. */
const MODIFIER = /^[\uFE00-\uFE0F\u20E3\u{E0100}-\u{E01EF}]$/u;
const FLAG = /\p{Regional_Indicator}/u;
/**
 * Punctuation and symbols of neutral width (neither wide nor ambiguous in UAX #11) that Chinese text
 * uses as its own: the midline ellipsis ⋯⋯, the two- and three-em dashes ⸺ ⸻, a form's ☐ ☑ ✓ ✗. They
 * side as an ambiguous mark does (adv50: 哪些⋯⋯⏎哪些 showed 哪些⋯⋯ 哪些). ASCII is narrow, not neutral.
 */
const NEUTRAL_MARK = /[\p{P}\p{S}]/u;

type Side = "wide" | "ambiguous" | "other";

function sideOf(char: string): Side {
  const cp = char.codePointAt(0);
  if (cp === undefined || HANGUL.test(char)) return "other";
  if (char === EMOJI_PRESENTATION || FLAG.test(char)) return "wide";
  const width = eastAsianWidthType(cp);
  if (width === "wide" || width === "fullwidth" || width === "halfwidth") return "wide";
  if (width === "ambiguous") return LETTER_OR_MARK.test(char) ? "other" : "ambiguous";
  return width === "neutral" && NEUTRAL_MARK.test(char) ? "ambiguous" : "other";
}

/**
 * The character that decides a text's side at its end: its last, or, after variation selectors and
 * a keycap mark, the one they modify — U+FE0F itself when one of them asks for emoji presentation.
 */
export function lastSide(text: string): string {
  const chars = Array.from(text.slice(-16));
  let at = chars.length - 1;
  let emoji = false;
  for (; at > 0 && MODIFIER.test(chars[at]); at--) if (chars[at] === EMOJI_PRESENTATION) emoji = true;
  return emoji ? EMOJI_PRESENTATION : (chars[at] ?? " ");
}

/** The character shown just before (`step` −1) or after (1) token `from`: " " when there is none. */
function charBeside(tokens: Token[], from: number, step: 1 | -1): string {
  for (let j = from + step; j >= 0 && j < tokens.length; j += step) {
    const { type, content } = tokens[j];
    if ((type !== "text" && type !== "code_inline") || !content) continue;
    return step < 0 ? lastSide(content) : (Array.from(content.slice(0, 2))[0] ?? " ");
  }
  return " ";
}

/**
 * Does a line break between the characters `before` and `after` vanish? Also used for front-matter
 * values written over several lines (src/content/folded-lines.ts).
 */
export function breakVanishes(before: string, after: string): boolean {
  const sides = [sideOf(before), sideOf(after)];
  return (
    before === ZWSP ||
    after === ZWSP ||
    (sides[0] === "wide" && sides[1] === "wide") ||
    (sides.includes("wide") && sides.includes("ambiguous"))
  );
}

function removeBreaks(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type !== "softbreak") continue;
    if (breakVanishes(charBeside(tokens, i, -1), charBeside(tokens, i, 1))) {
      tokens[i].type = "text";
      tokens[i].content = "";
    }
  }
}

/** Registers the rule (after markdown-it's own core rules, as the plugin it replaces). */
export function cjkBreaks(md: Markdown): void {
  md.core.ruler.push("cjk_breaks", (state) => {
    for (const token of state.tokens)
      if (token.type === "inline" && token.children) removeBreaks(token.children);
  });
}
