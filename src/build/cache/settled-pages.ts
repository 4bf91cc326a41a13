/**
 * When the cached render (streamed.ts) has gone through the pages the build's `ahead` steps read
 * (steps.ts): after the last of them in render order, or at the end when render workers write
 * the detail pages (collected last).
 */
export interface SettledPages {
  reads: ReadonlySet<string>;
  /** Called once, with the number of pages left to render. */
  then: (pagesLeft: number) => void;
}

export function settledAfter(
  pages: readonly { url: string }[],
  settled: SettledPages | undefined,
  atEnd: boolean,
): { after(i: number): void; end(): void } {
  // From the end: the ~20k pages after the topic pages, not the ~80k.
  let last = -1;
  if (settled && !atEnd)
    for (let i = pages.length - 1; i >= 0 && last < 0; i--) if (settled.reads.has(pages[i].url)) last = i;
  let pending = settled;
  const settle = (left: number) => {
    pending?.then(left);
    pending = undefined;
  };
  if (last < 0 && !atEnd) settle(pages.length);
  return { after: (i) => i === last && settle(pages.length - 1 - i), end: () => settle(0) };
}
