/**
 * The text of one of the generator's own files under src/assets/, read once per process: pages
 * that carry an asset inside themselves (the search page's stylesheet, its inline SVGs and tab
 * icon) take it from here.
 */
import { readFileSync } from "node:fs";

const ASSETS = new URL("../../src/assets/", import.meta.url);
const texts = new Map<string, string>();

export function assetText(name: string): string {
  let text = texts.get(name);
  if (text === undefined) texts.set(name, (text = readFileSync(new URL(name, ASSETS), "utf8")));
  return text;
}
