/**
 * The editor page (admin/): Decap CMS's bundle from node_modules/decap-cms (pinned in
 * package.json, served from the site's own origin, no CDN), started by our script after it has
 * registered what the generated config needs: the site preview beside the form (the real page of
 * the saved item from the dev server, reloaded on every save) and the key → value widget.
 *
 * Its CSP is its own, looser than the public pages' (src/deploy/security-headers.ts): Decap styles
 * its UI with inline style elements (emotion) and compiles its config validator at run time
 * (ajv: 'unsafe-eval'). Nothing else is allowed: no other script origin, no inline script, no
 * plug-ins, and it may be framed by nobody.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** node_modules/decap-cms/dist: decap-cms.js and the chunks it loads from beside itself. */
export const DECAP_DIST = path.dirname(createRequire(import.meta.url).resolve("decap-cms/dist/decap-cms.js"));

/** The bundle's files that may be served (scripts only; no source maps). */
export function decapFiles(): Set<string> {
  return new Set(readdirSync(DECAP_DIST).filter((name) => /^[\w.-]+\.js$/.test(name)));
}

/** The editor page's policy. `connect` adds the Git host's API origin (GitHub, an intranet Gitea …). */
export function adminSecurityPolicy(connect: readonly string[] = [], frame: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${connect.join(" ")}`.trim(),
    `frame-src 'self' ${frame.join(" ")}`.trim(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

/** admin/index.html. */
export function adminHtml(siteName: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>内容管理 · ${escapeHtml(siteName)}</title>
<link rel="stylesheet" href="cms.css">
</head>
<body>
<script src="cms-boot.js"></script>
<script src="decap-cms.js"></script>
<script src="cms.js"></script>
</body>
</html>
`;
}

/** Runs before the bundle: Decap must wait for our registrations. */
export const BOOT_SCRIPT = "window.CMS_MANUAL_INIT = true;\n";

export const ADMIN_STYLE = `.gk-preview{border:0;width:100%;height:100vh;display:block}
.gk-preview-note{font:16px/1.6 system-ui,sans-serif;color:#555;padding:2em}
.gk-keyvalue{width:100%;min-height:8em;font:14px/1.6 ui-monospace,monospace;padding:.5em;border:2px solid #dfdfe3;border-radius:5px;box-sizing:border-box}
`;

/**
 * The script started after the bundle. `types` are the collections (one per content type); with
 * `previewPath` (npm run cms) the preview of each shows the saved item's real page.
 */
export function adminScript(types: readonly string[], previewPath: string | undefined): string {
  const data = JSON.stringify({ types, previewPath: previewPath ?? null }).replace(/</g, "\\u003c");
  return `(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var setup = ${data};
  var Preview = createClass({
    render: function () {
      var entry = this.props.entry;
      if (entry.get("newRecord")) return h("p", { className: "gk-preview-note" }, "保存后，这里显示本条内容在网站上的样子（草稿也显示）。");
      var src = window.location.origin + setup.previewPath + "?type=" + encodeURIComponent(entry.get("collection")) +
        "&slug=" + encodeURIComponent(entry.get("slug"));
      return h("iframe", { className: "gk-preview", src: src, title: "网站预览" });
    }
  });
  // On a Git host there is no dev server: Decap's own preview of the form.
  if (setup.previewPath) setup.types.forEach(function (type) { CMS.registerPreviewTemplate(type, Preview); });
  CMS.registerPreviewStyle("cms.css");
  // key → value maps (the statistics' manual figures): one "键: 值" per line.
  var toText = function (value) {
    var obj = value && value.toJS ? value.toJS() : value || {};
    return Object.keys(obj).map(function (k) { return k + ": " + obj[k]; }).join("\\n");
  };
  var KeyValue = createClass({
    getInitialState: function () { return { text: toText(this.props.value) }; },
    onChange: function (event) {
      var text = event.target.value, out = {};
      text.split("\\n").forEach(function (line) {
        var at = line.indexOf(":");
        if (at < 1) return;
        var key = line.slice(0, at).trim(), raw = line.slice(at + 1).trim();
        if (!key) return;
        out[key] = raw !== "" && !isNaN(Number(raw)) ? Number(raw) : raw;
      });
      this.setState({ text: text });
      this.props.onChange(out);
    },
    render: function () {
      return h("textarea", { id: this.props.forID, className: "gk-keyvalue " + (this.props.classNameWrapper || ""),
        value: this.state.text, onChange: this.onChange, placeholder: "每行一项：键: 数值" });
    }
  });
  CMS.registerWidget("keyvalue", KeyValue, createClass({ render: function () { return h("pre", null, toText(this.props.value)); } }));
  CMS.init();
})();
`;
}
