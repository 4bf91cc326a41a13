/**
 * A search that waits for an upload under way (a bucket sync: index.json is `index.updating.json`
 * until the new index is up, search-served.js) can take a minute or two. The reader is told why
 * instead of seeing 正在搜索… all that time.
 */
const LOOK_EVERY = 2000;
export const UPDATING = "网站正在更新，更新完成后即显示搜索结果，请稍候…";

/**
 * While `searching()` holds, asks the Worker every LOOK_EVERY ms whether the search waits for an
 * upload, and then `say`s so (once).
 */
export function watchUpload(ask, searching, say) {
  const look = () => {
    if (!searching()) return;
    ask("updating").then((waiting) => {
      if (!searching()) return;
      if (waiting) say(UPDATING);
      else setTimeout(look, LOOK_EVERY);
    }, () => undefined);
  };
  setTimeout(look, LOOK_EVERY);
}
