/**
 * An answer is given only from the index the host serves (docs/search.md, "A search page left open
 * across a deploy"). The index's files keep their names from build to build, so a Worker opened
 * before a deploy that asks for `g/5.gz` afterwards gets the new build's file under its old manifest,
 * and could answer with pages that are gone. So once a search (or the data of its results) has read
 * what it needs, the Worker revalidates `index.json` (a conditional request: a 304 when nothing
 * changed) and answers only if the version is still the one its files were read for. Any file read
 * after the deploy was made is caught so: the check is sent after the last of them came back, and a
 * deploy that swaps the site at once does not go back. A file gone (404) or unreadable is checked the
 * same way before it is reported: usually it is a deploy, and the search runs again.
 */
import { SiteIndex } from "./search-site-index.js";
import { servedManifest } from "./search-served.js";
import { filesRead } from "./search-index.js";
import { INDEX_CHANGED } from "./search-query.js";

/**
 * The indexes as the host serves them now: null when every one of `used` is; else `used` with each
 * changed index opened again on its served manifest (an unchanged one keeps its files read).
 */
export async function servedIndexes(used) {
  const served = await Promise.all(used.map((index) => servedManifest(index.bundle)));
  if (served.every((manifest, k) => manifest.version === used[k].manifest.version)) return null;
  return served.map((manifest, k) =>
    manifest.version === used[k].manifest.version ? used[k] : new SiteIndex(used[k].bundle).withManifest(manifest),
  );
}

/** How many times a search runs again on a newer index before it gives up (a deploy every second). */
const ROUNDS = 3;
/** filesRead() when the latest check that found the indexes served was sent: every file up to it is vouched for. */
let vouched = -1;

/**
 * `task()`'s answer once index.json says the indexes it read (`used()` when it started) are still
 * served. Else `switchTo(newer)` and: `again` (a search) runs the task again on them; otherwise (the
 * data or counts of an earlier search, whose ids are the old index's) it throws INDEX_CHANGED.
 * Without `again` no check is made when every file read so far was vouched for by one: such an
 * answer is of the same index as the search it belongs to. A search is always checked: read from
 * files kept in the Worker, it could still name pages a deploy since removed.
 */
export async function answerServed(task, { used, switchTo, again }) {
  for (let round = 1; ; round++) {
    const indexes = used();
    let answer;
    let failure;
    try {
      answer = await task();
    } catch (error) {
      failure = error ?? new Error("search failed");
    }
    if (!failure && !again && filesRead() === vouched) return answer;
    const upTo = filesRead();
    let newer;
    try {
      newer = await servedIndexes(indexes);
    } catch (error) {
      // Without index.json no answer can be vouched for: the file's own failure is the one said.
      throw failure ?? error;
    }
    if (!newer) {
      vouched = Math.max(vouched, upTo);
      if (failure) throw failure;
      return answer;
    }
    if (used() === indexes) switchTo(newer);
    if (!again || round >= ROUNDS) throw new Error(INDEX_CHANGED);
  }
}
