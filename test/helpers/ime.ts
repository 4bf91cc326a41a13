/**
 * Chinese typed the way a pinyin input method types it, through the DevTools protocol: the
 * composition grows letter by letter (Input.imeSetComposition: compositionstart/update events and
 * the pinyin shown in the field), then the chosen characters are committed (Input.insertText ends
 * the composition). Punctuation is committed directly, as IMEs do for ，。、.
 */
import type { CDPSession, Page } from "playwright-core";

/** [pinyin, characters] pairs; an empty pinyin commits the characters directly. */
export type ImeWords = readonly (readonly [string, string])[];

export async function imeSession(page: Page): Promise<CDPSession> {
  return page.context().newCDPSession(page);
}

export async function typeIme(cdp: CDPSession, words: ImeWords): Promise<void> {
  for (const [pinyin, hanzi] of words) {
    for (let i = 1; i <= pinyin.length; i++)
      await cdp.send("Input.imeSetComposition", {
        text: pinyin.slice(0, i),
        selectionStart: i,
        selectionEnd: i,
      });
    await cdp.send("Input.insertText", { text: hanzi });
  }
}

/** The text the words commit. */
export const imeText = (words: ImeWords) => words.map(([, hanzi]) => hanzi).join("");
