/**
 * index.json as the host serves it now (revalidated: a 304 when unchanged). While a non-atomic
 * upload is under way (a bucket sync, README.md "Object-storage bucket"), index.json is first
 * replaced by `index.updating.json`, `{"updating":1}`, and the new one goes up last: the Worker
 * then waits for it rather than read index files of two builds, looking again every UPDATE_POLL ms.
 */
const UPDATE_POLL = 1500;
/** Longest wait for an upload, then the search fails (搜索暂时不可用) rather than wait on. */
const UPDATE_WAIT = 120_000;

/** How many servedManifest calls are waiting for an upload now. */
let waiting = 0;

/** True while a search waits for an upload to finish (the page then tells the reader: search-waiting.js). */
export const uploadUnderWay = () => waiting > 0;

export async function servedManifest(bundle) {
  let waited = false;
  try {
    for (const end = Date.now() + UPDATE_WAIT; ; ) {
      const response = await fetch(`${bundle}index.json`, { cache: "no-cache" });
      if (!response.ok) throw new Error(`index.json: ${response.status}`);
      const manifest = await response.json();
      if (!manifest.updating) return manifest;
      if (Date.now() > end) throw new Error("search index: upload not finished");
      if (!waited) waiting++;
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, UPDATE_POLL));
    }
  } finally {
    if (waited) waiting--;
  }
}
