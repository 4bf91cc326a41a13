/**
 * The page's side of the search Worker (search-worker.js): every request carries an id and gets one
 * promise, settled by the answer with that id; a Worker that fails rejects everything waiting.
 * The portal's search page and the platform's 全站群搜索 page both talk to the Worker this way.
 */

/**
 * Starts the Worker, or takes over one started already (a Worker); returns `ask(type, args)`, which
 * resolves with the Worker's answer. `url`: the Worker's script — the portal's page gives the one-file
 * copy the build writes beside the index (src/search/worker-bundle.ts), one request instead of one
 * per module. `failed`: why a Worker started already failed before it was taken over (search-boot.js).
 * `name`: the new Worker's name (the search page's: "open" and its address, search-worker.js).
 */
export function connectSearchWorker(url = new URL("./search-worker.js", import.meta.url), failed = "", name = "") {
  const worker = url instanceof Worker ? url : new Worker(url, { type: "module", name });
  const pending = new Map();
  let callId = 0;
  worker.onmessage = (event) => {
    const { id, value, error } = event.data;
    const call = pending.get(id);
    pending.delete(id);
    if (error === undefined) call?.resolve(value);
    else call?.reject(new Error(error));
  };
  worker.onerror = (event) => {
    failed ||= event.message || "search worker failed";
    for (const call of pending.values()) call.reject(new Error(event.message));
    pending.clear();
  };
  return (type, args = {}) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(new Error(failed));
      const id = ++callId;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type, ...args });
    });
}
