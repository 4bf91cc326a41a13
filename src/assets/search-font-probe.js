/**
 * The search page's check of a remembered font verdict (search-first-layout.js `checkAgain`), made in
 * the search Worker: whether a font here draws 一 (the same rule as the page's `check`: at 16px
 * system-ui, the box of a character no font has is tall, the stroke of 一 thin). Its synchronous font
 * calls to the browser (the standard family matched, the fallback lookup for 一) then wait on the
 * Worker's thread; on the page's main thread they were three tasks after the results, each a wait for
 * the browser's threads on a busy machine. true: boxes (no such font); null: cannot tell here.
 */
export function drawsBoxes() {
  let probe;
  try {
    probe = new OffscreenCanvas(1, 1).getContext("2d");
  } catch {
    return null;
  }
  if (!probe) return null;
  probe.font = "16px system-ui";
  const m = probe.measureText("\u4e00");
  return m.actualBoundingBoxAscent + m.actualBoundingBoxDescent > 8;
}
