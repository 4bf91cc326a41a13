/*
 * The search page's module (pagefind/search-page.js) may never run: a host that does not serve the
 * folder, a proxy that blocks it, a dropped connection. The form would then do nothing and say
 * nothing. A script's load error does not bubble, but a listener on window sees it in the capture
 * phase; this first script (search-head.js) sets one before the module's element is parsed.
 */
import { sayUnavailable } from "./search-unavailable.js";

window.addEventListener(
  "error",
  (event) => {
    const target = event.target;
    // By its plain name or its versioned one (v/search-page.<hash>.js).
    if (target?.tagName !== "SCRIPT" || !/\/search-page(\.[0-9a-f]{12})?\.js$/.test(new URL(target.src).pathname)) return;
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sayUnavailable, { once: true });
    else sayUnavailable();
  },
  true,
);
