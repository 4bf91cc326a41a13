/**
 * Values as the cache keys describe them (the build fingerprint, the record store's key), with
 * functions in them. A function of the generator's defaults (the content types of
 * src/content-types/, the page sources of src/build/defaults.ts, and everything reachable from
 * them) is named by its place among them: its code is in src/, which the code fingerprint hashes
 * file by file, so a change to it still changes every key. Any other function (a test's own type
 * or page source, a site's layout override) is described by its source text.
 *
 * Not the defaults' text: that is the text the running process was compiled to, which tsx and the
 * commands' bundles (src/bundle/module-bundle.mjs) write differently (esbuild renames colliding
 * names per bundle), so `npm run build` and `npm start` each found the other's cache unusable.
 */
import { DEFAULT_TYPES } from "../../content-types/index.ts";
import { defaultPageSources } from "../default-pages.ts";

let places: WeakMap<object, string> | undefined;

/** Every function reachable from the defaults → the first path that reaches it. */
function defaultPlaces(): WeakMap<object, string> {
  if (places) return places;
  const found = new WeakMap<object, string>();
  const seen = new WeakSet<object>();
  const walk = (value: unknown, at: string): void => {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return;
    if (seen.has(value)) return;
    seen.add(value);
    if (typeof value === "function") found.set(value, at);
    const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
    for (const [key, inner] of entries) walk(inner, `${at}.${String(key)}`);
  };
  walk(DEFAULT_TYPES, "types");
  walk(defaultPageSources, "pages");
  return (places = found);
}

/** A function as a key names it: its place among the defaults, or its source text. */
export function describedFunction(fn: (...args: never[]) => unknown): string {
  const place = defaultPlaces().get(fn);
  return place === undefined ? `ƒ ${String(fn)}` : `ƒ default ${place}`;
}

/** The function `owner[key]` (a page source's `create`) as a key names it. */
export const describedMethod = (owner: object, key: string): string =>
  describedFunction((owner as Record<string, (...args: never[]) => unknown>)[key]);

/** A value's JSON with functions described as above and maps as their entries. */
export function described(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "function"
      ? describedFunction(v as (...args: never[]) => unknown)
      : v instanceof Map
        ? [...v.entries()]
        : v,
  );
}
