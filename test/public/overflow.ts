/**
 * Whether a page scrolls sideways, measured in the page, and the viewports the layout tests use.
 *
 * 200 % browser zoom is emulated as a 640 px CSS viewport at device scale factor 2: that is what
 * zooming a 1280 px window to 200 % does to layout (CSS pixels double, the viewport in CSS pixels
 * halves, media queries see 640 px), and it renders at the same physical size.
 */
import type { CDPSession, Page } from "playwright-core";

export interface Viewport {
  name: string;
  width: number;
  height: number;
  deviceScaleFactor: number;
}

export const SIZES: readonly Viewport[] = [
  { name: "320 px (smallest phones)", width: 320, height: 640, deviceScaleFactor: 1 },
  { name: "375 px phone", width: 375, height: 740, deviceScaleFactor: 1 },
  { name: "200 % zoom", width: 640, height: 450, deviceScaleFactor: 2 },
];

export interface Overflow {
  scrollWidth: number;
  clientWidth: number;
  /** The widest element that sticks out, outside scroll regions ("" when none or when the page fits). */
  culprit: string;
  /** What the page saw, so a viewport change that did not apply fails instead of passing. */
  innerWidth: number;
  devicePixelRatio: number;
}

/**
 * Width of the page beyond the window, and (when it is wider) the widest element that sticks out
 * (outside scroll regions). With `largeFont`, first puts the large-font class on or off, as its switch does (one
 * round trip to the page instead of two).
 */
export function overflow(largeFont?: boolean): Overflow {
  const root = document.documentElement;
  if (largeFont !== undefined) root.classList.toggle("large-font", largeFont);
  const { scrollWidth, clientWidth } = root;
  // The culprit names the failure only, so the boxes are read only when the page overflows.
  let culprit = "";
  let right = clientWidth;
  for (const el of scrollWidth > clientWidth ? document.body.querySelectorAll("*") : []) {
    const r = el.getBoundingClientRect().right;
    if (r > right + 0.5 && !el.closest(".table-scroll")) {
      right = r;
      culprit = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(r)}px)`;
    }
  }
  return {
    scrollWidth,
    clientWidth,
    culprit,
    innerWidth: window.innerWidth,
    devicePixelRatio: window.devicePixelRatio,
  };
}

/**
 * Sets the page's viewport in place, as a window resize does (the DevTools protocol's device
 * metrics, which is also how the browser context applies its viewport). Layout is a function of the
 * DOM, the style sheets and the viewport: no script of the site reads the window's size, so at the
 * same scale factor this gives the layout of a fresh load at that size (every element's box equal,
 * checked for every template and mode, ci29.perf.md). Not for a change of scale factor: fonts
 * measured at 1x put some text up to 1 px lower at 2x than a fresh load does.
 */
export async function resize(cdp: CDPSession, size: Viewport): Promise<void> {
  await cdp.send("Emulation.setDeviceMetricsOverride", {
    width: size.width,
    height: size.height,
    deviceScaleFactor: size.deviceScaleFactor,
    mobile: false,
    screenWidth: size.width,
    screenHeight: size.height,
  });
}

/** The page's overflow at `size`, or a line naming it ("" when it fits); throws when the size did not apply. */
export async function overflowLine(
  page: Page,
  size: Viewport,
  label: string,
  largeFont?: boolean,
): Promise<string> {
  const o = await page.evaluate(overflow, largeFont);
  if (o.innerWidth !== size.width || o.devicePixelRatio !== size.deviceScaleFactor)
    throw new Error(
      `${label}: the page sees ${o.innerWidth} px at ${o.devicePixelRatio}x, not ${size.width} px at ${size.deviceScaleFactor}x`,
    );
  return o.scrollWidth > o.clientWidth
    ? `${label}: ${o.scrollWidth} > ${o.clientWidth}, widest ${o.culprit}`
    : "";
}
