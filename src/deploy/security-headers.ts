/**
 * The HTTP headers a published portal should be served with. One definition feeds the `_headers`
 * file (Netlify, Cloudflare Pages), the nginx example in README.md and the browser tests that
 * load every kind of page under this policy.
 *
 * The Content-Security-Policy allows only the site itself: no inline script or style, no third-party
 * host, no WebAssembly (the search is plain JavaScript in a Worker, docs/search.md); images may be
 * data: URLs (an uploaded SVG may embed its raster images so, src/media/svg-safety.ts).
 *
 * Scripts are narrower still: only the site's own script folder (`assets/`) and the search index
 * folder (`pagefind/`, a name kept for existing server configurations; its one script is the search Worker, built beside the index), so a file that reached any other path (an editor's upload under `media/`) cannot
 * run as a script. A CSP path needs a host ('self' takes no path), and naming the public origin
 * would break every preview host, so the header carries a second policy (comma-separated: the
 * browser enforces both) whose script-src is those paths on any host: a script must then be the
 * site's own (first policy) and under one of the two folders (second policy).
 */
import type { Site } from "../config/schema.ts";

/** The part of the settings the headers depend on. */
export type HeaderSite = Pick<Site, "baseUrl" | "pathPrefix"> & { hsts?: Site["hsts"] };

/** The folders scripts may come from, below the path prefix. */
export const SCRIPT_FOLDERS = ["assets/", "pagefind/"] as const;

/** The site-wide policy ('self' only). */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

/** The second policy: scripts only from the two folders (`*:*` = any host and port; the first policy pins the host). */
export function scriptPathPolicy(pathPrefix: string): string {
  return `script-src ${SCRIPT_FOLDERS.map((folder) => `*:*${pathPrefix}${folder}`).join(" ")}`;
}

/** Both policies, as one header value. */
export function contentSecurityPolicy(pathPrefix: string): string {
  return `${CONTENT_SECURITY_POLICY}, ${scriptPathPolicy(pathPrefix)}`;
}

/**
 * Files under media/ are editors' uploads, opened directly in the browser. Whatever they are, they
 * run nothing: a sandbox (opaque origin, no scripts, no forms, no plugins) and no script source at
 * all; images, audio and video still display, PDFs still open in the browser's viewer.
 */
export const MEDIA_SECURITY_POLICY =
  "sandbox; default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'";

export const MEDIA_HEADERS: Record<string, string> = {
  "Content-Security-Policy": MEDIA_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
};

/** One year, the value browsers' preload lists ask for. */
export const HSTS_MAX_AGE = 31_536_000;

/** Strict-Transport-Security: on by default for an https origin; `hsts: false` turns it off. */
export function strictTransportSecurity(site: HeaderSite): string | undefined {
  if (site.hsts === false) return undefined;
  if (site.hsts === undefined && !site.baseUrl.startsWith("https:")) return undefined;
  const { maxAge = HSTS_MAX_AGE, includeSubDomains = false, preload = false } = site.hsts ?? {};
  return [`max-age=${maxAge}`, includeSubDomains && "includeSubDomains", preload && "preload"]
    .filter(Boolean)
    .join("; ");
}

/** The headers every response gets, whatever the site (tests that serve a build use these as a baseline). */
export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "SAMEORIGIN",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/** The headers for one site: both script policies for its path prefix, and HSTS for an https origin. */
export function securityHeaders(site: HeaderSite): Record<string, string> {
  const hsts = strictTransportSecurity(site);
  return {
    ...SECURITY_HEADERS,
    "Content-Security-Policy": contentSecurityPolicy(site.pathPrefix),
    ...(hsts ? { "Strict-Transport-Security": hsts } : {}),
  };
}

/**
 * Cache lifetimes. The files a page names under assets/ and pagefind/ are in their `v/` folders
 * under names that carry a hash of their bytes (src/view/asset-version.ts): kept a year unasked,
 * since another build's file is another name. The index's files are fetched with the index's
 * version in the URL (`?v=`, docs/search.md) but keep their names from build to build: a day, so a
 * CDN told to ignore query strings serves a stale one no longer than before. What names the
 * versions of the rest is revalidated on every use: the pages (a correction is seen at once), the
 * index's manifest (`index.json`) and the Worker (`worker.js`: the page starts it by its code's
 * version, but it also starts with the manifest, which the page cannot know when it is rendered).
 */
export const CACHE_HEADERS = {
  versioned: "public, max-age=31536000, immutable",
  index: "public, max-age=86400",
  pages: "no-cache",
};

/**
 * The Cache-Control rules below the path prefix. No two match one path: Cloudflare Pages joins
 * two Cache-Control values and Netlify keeps one, so an overlap would be read differently by
 * each. The plain names under assets/ (nothing the build writes links them) keep the host's
 * default, which revalidates.
 */
export const CACHE_RULES: readonly (readonly [string, keyof typeof CACHE_HEADERS])[] = [
  ["assets/v/*", "versioned"],
  ["pagefind/v/*", "versioned"],
  ["pagefind/index.json", "pages"],
  ["pagefind/index.updating.json", "pages"],
  ["pagefind/worker.js", "pages"],
  ["pagefind/g/*", "index"],
  ["pagefind/x/*", "index"],
  ["pagefind/d/*", "index"],
  ["pagefind/t/*", "index"],
  ["pagefind/f.gz", "index"],
  ["pagefind/o.gz", "index"],
];

/**
 * `_headers` in Netlify/Cloudflare syntax: a path pattern, then indented `Name: value` lines.
 * Paths carry the prefix because the file sits at the root of what the host serves. Both hosts
 * combine every rule that matches (a second Content-Security-Policy is a second policy, and the
 * browser enforces both), so Cache-Control is set only where exactly one rule matches (pages keep
 * the hosts' default, which revalidates) and media/ adds its sandbox to the site's policy.
 */
export function headersFile(site: HeaderSite): string {
  const { pathPrefix } = site;
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return (
    [
      block(`${pathPrefix}*`, securityHeaders(site)),
      ...CACHE_RULES.map(([rel, kind]) =>
        block(`${pathPrefix}${rel}`, { "Cache-Control": CACHE_HEADERS[kind] }),
      ),
      block(`${pathPrefix}media/*`, MEDIA_HEADERS),
    ].join("\n\n") + "\n"
  );
}
