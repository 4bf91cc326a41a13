/**
 * A numeric character reference to a C1 control (`&#150;`, `&#x92;`, `&#133;`) read as a browser
 * reads it: the HTML standard maps 0x80–0x9F to the Windows-1252 characters they stood for in text
 * written on Windows (– ’ “ ” … € ™), and old pages and Word's HTML are full of them. markdown-it
 * shows each as U+FFFD, so a body migrated from an old site showed `0482�7121246` and `Xi�an` where
 * the same reference in a raw HTML block (sanitize-html decodes as the standard does), or the old
 * page itself, shows `0482–7121246` and `Xi’an`; the text was lost and search found neither (adv49).
 * The five codes Windows-1252 leaves unassigned stay U+FFFD, as markdown-it has them: a browser
 * would show an invisible control character.
 */
import type MarkdownIt from "markdown-it";

type Markdown = InstanceType<typeof MarkdownIt>;

/** 0x80–0x9F as the HTML standard's numeric character reference table maps them; "" where it does not. */
const WINDOWS_1252 = [..."€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ"].map((c) => (c === " " ? "" : c));
/** markdown-it's own pattern for a numeric reference (its entity rule). */
const NUMERIC = /^&#(x[0-9a-f]{1,6}|[0-9]{1,7});/i;

export function c1References(md: Markdown): void {
  md.inline.ruler.before("entity", "c1_reference", (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== 0x26 || state.src.charCodeAt(state.pos + 1) !== 0x23)
      return false;
    const match = NUMERIC.exec(state.src.slice(state.pos, state.pos + 12));
    if (!match) return false;
    const code = /^x/i.test(match[1]) ? parseInt(match[1].slice(1), 16) : parseInt(match[1], 10);
    const char = code >= 0x80 && code <= 0x9f ? WINDOWS_1252[code - 0x80] : "";
    if (!char) return false;
    if (!silent) {
      // As markdown-it's entity rule makes it: text, joined with its neighbours afterwards.
      const token = state.push("text_special", "", 0);
      token.content = char;
      token.markup = match[0];
      token.info = "entity";
    }
    state.pos += match[0].length;
    return true;
  });
}
