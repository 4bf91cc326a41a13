/**
 * What the dev server adds to every HTML page it serves: one external script (inline script would
 * break under the site's Content-Security-Policy, which the dev server sends as hosts do). The
 * script listens on the server's event stream: `reload` refreshes the page; `problems` shows the
 * content errors that keep the site from updating in a banner at the top of the page, or removes
 * it (data `null`). Text goes in through `textContent` only, so a message is never markup.
 */

/** Served as `<prefix>__gongkai/live.js`; finds the event stream beside itself. */
export const LIVE_SCRIPT = `"use strict";
(() => {
  const base = document.currentScript.src.replace(/live\\.js(\\?.*)?$/, "");
  const BANNER = "gongkai-dev-problems";
  const show = (problems) => {
    document.getElementById(BANNER)?.remove();
    if (!problems) return;
    if (!document.getElementById(BANNER + "-style")) {
      const style = document.createElement("link");
      style.id = BANNER + "-style";
      style.rel = "stylesheet";
      style.href = base + "live.css";
      document.head.append(style);
    }
    const banner = document.createElement("section");
    banner.id = BANNER;
    banner.setAttribute("role", "alert");
    banner.setAttribute("lang", "zh-CN");
    const title = document.createElement("h2");
    title.textContent = problems.title;
    const list = document.createElement("ul");
    for (const line of problems.lines) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    const note = document.createElement("p");
    note.textContent = problems.note;
    banner.append(title, list, note);
    document.body.prepend(banner);
  };
  const events = new EventSource(base + "events");
  events.onmessage = (event) => {
    if (event.data === "reload") location.reload();
  };
  events.addEventListener("problems", (event) => show(JSON.parse(event.data)));
})();
`;

/** Served as `<prefix>__gongkai/live.css`, loaded only while there are problems to show. */
export const LIVE_STYLE = `#gongkai-dev-problems {
  position: fixed;
  inset: 0 0 auto 0;
  z-index: 2147483647;
  max-height: 60vh;
  overflow: auto;
  margin: 0;
  padding: 12px 20px;
  background: #fff4f4;
  color: #5c0000;
  border-bottom: 4px solid #c00;
  box-shadow: 0 2px 12px rgb(0 0 0 / 25%);
  font: 15px/1.6 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  text-align: left;
}
#gongkai-dev-problems h2 {
  margin: 0 0 6px;
  font-size: 17px;
  color: #a00;
}
#gongkai-dev-problems ul {
  margin: 0;
  padding-left: 1.2em;
}
#gongkai-dev-problems li {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-family: ui-monospace, Menlo, Consolas, monospace;
  font-size: 14px;
}
#gongkai-dev-problems p {
  margin: 6px 0 0;
}
`;

/** What the banner shows; `null` on the stream removes it. */
export interface LiveProblems {
  title: string;
  lines: string[];
  note: string;
}
