/**
 * The traced reads of the portal's two 解读 maps that an edit cannot have changed, proved by the
 * record store's generation (generation.ts) instead of digested. Each policy and 解读 detail page
 * reads its own entry (`portal.interpretedDocOf.get(k)`, `portal.interpretationsOf.get(k)`), so
 * at 50k items ~9k of the cached index's ~9k lists of reads are one page's each, and a one-edit
 * build digested ~16.7k map entries (a parse, a lookup, a digest each) to find them as they were.
 *
 * The cached index is stamped with the store's generation and the portal's record count of the
 * build that wrote it (`GENERATION_NOTE`). When `Since.editedIn` takes that stamp, this build's
 * records are that build's, in the same places, but for the edited ones (their content only:
 * same type, id, URL, date, draft flag). By the maps' keying rule (src/portal/portal.ts
 * `buildPortal`), with IDX the 索引号 and INT the `interprets` of the edited policies, before
 * and after the edit:
 *
 * - `interpretationsOf.get(k)` is the published policies whose `interprets` is k (none of them
 *   edited when k is not in INT, so the same records in the same order), when one has the 索引号
 *   k (none edited when k is not in IDX): the same value unless k is in IDX or INT.
 * - `interpretedDocOf.get(k)` is taken from the policies with the 索引号 k (the same unedited
 *   ones when k is not in IDX) and, through their `interprets` t, from the policies with the
 *   索引号 t: the same value unless k is in IDX or one of those t is, i.e. unless k is in IDX or
 *   is the 索引号 of a published policy whose `interprets` is in IDX (such a policy is unedited,
 *   so it is one then too).
 *
 * The same records give the same digests, so every other entry holds what the index's build
 * digested; and each digest a row carries was that build's (it checked or proved it, or rendered
 * the page). A type `policy` shown as of the clock (`asOf`: a copy made on every build, its
 * earlier form unknown) proves nothing.
 */
import type { ContentRecord } from "../../content/types.ts";
import type { Portal } from "../../portal/portal.ts";
import type { Since } from "./generation.ts";

/** The cached index's note of the record store's generation and the portal's record count its build had. */
export const GENERATION_NOTE = "generation";

const DOC = '["portal","interpretedDocOf",{"get":';
const LIST = '["portal","interpretationsOf",{"get":';
const END = "}]";

/** Which reads of the two maps hold what they held when the cached index was written. */
export class KeptMapReads {
  /** Reads taken as they were (the report). */
  kept = 0;

  constructor(
    /** The keys whose `interpretedDocOf` / `interpretationsOf` entry may differ. */
    private readonly docKeys: ReadonlySet<unknown>,
    private readonly listKeys: ReadonlySet<unknown>,
  ) {}

  /** Is the read at `path` (JSON of its steps, from the cached index) one an edit cannot have changed? */
  holds(path: string): boolean {
    const keys = path.startsWith(DOC) ? this.docKeys : path.startsWith(LIST) ? this.listKeys : undefined;
    if (keys === undefined || !path.endsWith(END)) return false;
    const start = keys === this.docKeys ? DOC.length : LIST.length;
    let key: unknown;
    try {
      // One JSON value between the two: the path is then exactly these three steps (the index is untrusted).
      key = JSON.parse(path.slice(start, path.length - END.length));
    } catch {
      return false;
    }
    if ((typeof key !== "string" && typeof key !== "number") || keys.has(key)) return false;
    this.kept++;
    return true;
  }
}

/** The keys an edit of these records (policies or not) may have changed the entries of; undefined: any. */
export function keptMapReads(
  portal: Portal,
  edited: readonly ContentRecord[],
  before: readonly ContentRecord[],
): KeptMapReads | undefined {
  if (portal.types.some((type) => type.type === "policy" && type.asOf !== undefined)) return undefined;
  const idx = new Set<unknown>();
  const int = new Set<unknown>();
  for (const record of [...edited, ...before]) {
    if (record.type !== "policy") continue;
    const { index_no, interprets } = record.fields as { index_no?: unknown; interprets?: unknown };
    idx.add(index_no);
    // A policy without one is in neither map through it (`buildPortal`).
    if (interprets) int.add(interprets);
  }
  const docKeys = new Set(idx);
  if (idx.size > 0)
    for (const policy of portal.byType.policy)
      if (policy.fields.interprets && idx.has(policy.fields.interprets)) docKeys.add(policy.fields.index_no);
  return new KeptMapReads(docKeys, new Set([...idx, ...int]));
}

/**
 * The map reads this build may take as they were: when the cached index's note names the
 * generation the store opened at (`since`) and the portal's record count then; undefined otherwise
 * (also with a platform's shared files: the store is then opened with no generation, records.ts).
 */
export function mapReadsSince(
  portal: Portal,
  since: Since | undefined,
  note: readonly string[] | undefined,
): KeptMapReads | undefined {
  if (since === undefined || note?.length !== 2) return undefined;
  const total = Number(note[1]);
  const edited = since.editedIn(portal, note[0], Number.isInteger(total) ? total : undefined);
  return edited && keptMapReads(portal, edited, since.before());
}
