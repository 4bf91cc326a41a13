/*
 * What the search page says when its search cannot run: an index that cannot be opened or a failed
 * search (search.js), or the page's module that never arrived (search-module-missing.js). The elements
 * are looked up here, not passed: the module's own references are not set when it fails early, and
 * the first script has none.
 */
export const UNAVAILABLE = "搜索暂时不可用，请稍后再试，或通过网站地图查找信息。";

export function sayUnavailable() {
  document.getElementById("search-status")?.replaceChildren(UNAVAILABLE);
  const app = document.getElementById("search-app");
  if (app) app.dataset.state = "error";
}
