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

/** The bytes of one of the generator's own files under src/assets/, base64 (for a data: URL), read once per process. */
const base64s = new Map<string, string>();
export function assetBase64(name: string): string {
  let text = base64s.get(name);
  if (text === undefined) base64s.set(name, (text = readFileSync(new URL(name, ASSETS)).toString("base64")));
  return text;
}
