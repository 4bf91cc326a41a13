/**
 * Switching a 适老化 mode in a loaded page, as its switch does. site.js applies a saved mode on load
 * by putting its class on <html> and setting the switches' aria-pressed; a click on the switch does
 * the same two things (and saves or forgets the mode). So a page loaded in normal mode and switched
 * has the DOM of a fresh load with the mode saved — checked for every template and mode by
 * comparing the two pages' HTML (ci29.perf.md) — and tests may switch instead of loading again.
 */
import type { Page } from "playwright-core";

/**
 * Clicks the switch of `mode` (a programmatic click: no pointer over it, no focus moved, as after a
 * fresh load) when it is not already `on`, and throws unless the page then shows the mode as `on`.
 */
export async function switchMode(page: Page, mode: string, on: boolean): Promise<void> {
  const state = await page.evaluate(
    ([mode, on]) => {
      const root = document.documentElement;
      const buttons = [...document.querySelectorAll<HTMLButtonElement>(`button[data-mode="${mode}"]`)];
      if (root.classList.contains(mode) !== on) buttons[0]?.click();
      return {
        on: root.classList.contains(mode),
        pressed: buttons.map((b) => b.getAttribute("aria-pressed")),
      };
    },
    [mode, on] as const,
  );
  if (state.on !== on || state.pressed.length === 0 || state.pressed.some((p) => p !== String(on)))
    throw new Error(`${page.url()}: switching ${mode} ${on ? "on" : "off"} left ${JSON.stringify(state)}`);
}
