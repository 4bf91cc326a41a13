/** Types of search-site-index.js (plain JavaScript, the Worker's view of one site's index): what the tests use. */
export declare class SiteIndex {
  constructor(bundle: string);
  open(manifest?: unknown): Promise<this>;
  readonly pages: number;
  record(id: number): Promise<{ url: string; meta: Record<string, string> }>;
  /** A page's whole stream (code points), from its title and every text piece. */
  streamOf(id: number): Promise<number[]>;
  /** A result's URL, metadata and excerpt (the first match at `at`, a stream position, when known). */
  dataOf(id: number, terms: readonly string[], at?: number): Promise<unknown>;
}
