/** Types of search-match.js (plain JavaScript, the Worker's matching). */
import type { SiteIndex } from "./search-site-index.js";
export declare function matchPages(
  index: SiteIndex,
  terms: readonly string[],
  selected: Record<string, string>,
  passage?: string,
): Promise<{ ids: number[]; tier: Uint8Array; first: Map<number, number> }>;
