/**
 * The page's side of the search Worker (search-worker.js): every request carries an id and gets one
 * promise, settled by the answer with that id; a Worker that fails rejects everything waiting.
 * The portal's search page and the platform's 全站群搜索 page both talk to the Worker this way.
 */

/**
 * Starts the Worker; returns `ask(type, args)`, which resolves with the Worker's answer. `url`: the
 * Worker's script — the portal's page gives the one-file copy the build writes beside the index
 * (src/search/worker-bundle.ts), one request instead of one per module.
 */
export function connectSearchWorker(url = new URL("./search-worker.js", import.meta.url)) {
  const worker = new Worker(url, { type: "module" });
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
    for (const call of pending.values()) call.reject(new Error(event.message));
    pending.clear();
  };
  return (type, args = {}) =>
    new Promise((resolve, reject) => {
      const id = ++callId;
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, type, ...args });
    });
}
