/*
 * The search page's first script (layouts/search.ts): a classic script at the top of <head>, before
 * the stylesheets, so it runs as soon as it arrives — it waits for neither the CSS nor the body. It
 * starts the search Worker with the page's address as the Worker's name: the Worker opens the index
 * and runs that search as soon as its module runs (search-worker.js, `openFromName`). Not a message:
 * Chromium hands a message posted before the Worker has started over from the page's main thread,
 * which is busy parsing and laying out the page until its first paint — at 50k pages that held the
 * manifest and the first buckets back by 80–150 ms (docs/search.md, sixth round). The Worker's name
 * keeps its URL, and so its HTTP cache entry, the same for every query. The URL carries the
 * version of the Worker's code (`gongkaiSearchWorker`, set in the line before this file by
 * src/search/search-scripts.ts), so a cached Worker of another build is never started. The page's
 * module (search.js, deferred) takes the Worker over (`window.gongkaiSearch`) and asks for that
 * search's answer.
 */
(function () {
  "use strict";
  // The index's folder: this file's, whether under its plain name or its versioned one in v/.
  var src = document.currentScript.src;
  var bundle = new URL(/\/v\/[^/]*$/.test(new URL(src).pathname) ? "../" : "../pagefind/", src).pathname;
  var boot = { bundle: bundle, error: "" };
  try {
    boot.worker = new Worker(bundle + (window.gongkaiSearchWorker || "worker.js"), { type: "module", name: "open" + location.search });
  } catch (e) {
    return; // no module Workers: search.js says search is unavailable
  }
  // Until search.js takes the Worker over: a Worker that cannot start is remembered, not lost.
  boot.worker.onerror = function (event) {
    boot.error = event.message || "search worker failed";
  };
  window.gongkaiSearch = boot;
})();
