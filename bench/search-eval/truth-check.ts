/**
 * The harness's ground truth is the scanner's text of each page (visible-text.mjs), read from the
 * built HTML for every page at once; it is only as good as that scanner. So a sample of the pages
 * is opened in Chromium and the text it shows in `<main>` (test/helpers/shown-text.ts: innerText
 * without screen-reader-only text, controls, hidden and closed parts; images as their alt) is
 * compared with it, word for word. A difference is a page where what a reader sees and what the
 * truth (and the index) hold part ways, whatever the recall and precision say.
 */
import type { Browser } from "playwright-core";
import { shownTextOf, wordsOf } from "../../test/helpers/shown-text.ts";
import type { TruthPage } from "./report.ts";

export interface TruthCheck {
  checked: number;
  /** Pages whose words differ, with the first words that do. */
  differ: { url: string; truth: string; browser: string }[];
}

/** Every n-th page (by position), so a corpus of any size is checked along its whole length. */
function sample(pages: readonly TruthPage[], count: number): TruthPage[] {
  if (pages.length <= count) return [...pages];
  return Array.from({ length: count }, (_, i) => pages[Math.floor((i * pages.length) / count)]);
}

export async function checkTruth(
  browser: Browser,
  origin: string,
  pages: readonly TruthPage[],
  count: number,
): Promise<TruthCheck> {
  const page = await browser.newPage();
  const differ: TruthCheck["differ"] = [];
  const picked = sample(pages, count);
  for (const p of picked) {
    await page.goto(new URL(p.url, origin).href);
    const a = wordsOf(p.shown);
    const b = wordsOf(await shownTextOf(page));
    if (a.join(" ") === b.join(" ")) continue;
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const around = (w: string[]) => w.slice(Math.max(0, i - 2), i + 4).join(" ");
    differ.push({ url: p.url, truth: around(a), browser: around(b) });
  }
  await page.close();
  return { checked: picked.length, differ };
}

export function printTruthCheck(check: TruthCheck): void {
  console.log(
    check.differ.length
      ? `渲染文本核对：抽查 ${check.checked} 页，${check.differ.length} 页与浏览器显示不一致：`
      : `渲染文本核对：抽查 ${check.checked} 页，与浏览器（Chromium）显示的正文逐词一致`,
  );
  for (const d of check.differ.slice(0, 10))
    console.log(`  ${d.url}\n    基准：${d.truth}\n    浏览器：${d.browser}`);
}
