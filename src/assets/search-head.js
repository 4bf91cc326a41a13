/*
 * The search page's first script (layouts/search.ts), one request: search-boot.js (starts the Worker
 * and the search in the address) then search-first-layout.js (the page's first layout in steps), laid
 * end to end by the index step (src/search/worker-bundle.ts) into `pagefind/search-head.js`. Both are
 * classic scripts that run at once; the order is theirs as the two script elements had it. Then a
 * watch for the page's module failing to load (search-module-missing.js), and the site's own script
 * (site.js, which every other page loads as /assets/site.js after its stylesheets: here it runs
 * before them — it reads no style, and sets its classes on <html> before the body all the same).
 */
import "./search-boot.js";
import "./search-first-layout.js";
import "./search-module-missing.js";
import "./site.js";
