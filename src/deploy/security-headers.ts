/**
 * The HTTP headers a published portal should be served with. One definition feeds the `_headers`
 * file (Netlify, Cloudflare Pages), the nginx example in README.md and the browser test that
 * loads every kind of page under this policy.
 *
 * The Content-Security-Policy allows only the site itself: no inline script or style, no third-party
 * host. Pagefind compiles its WebAssembly in the browser, hence 'wasm-unsafe-eval'; images may be
 * data: URLs (Pagefind's placeholders).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
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

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "SAMEORIGIN",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
};

/**
 * Cache lifetimes. Asset names carry no fingerprint and may change between builds, so a day, not a
 * year; pages are revalidated on every visit so a correction is seen at once.
 */
export const CACHE_HEADERS = {
  assets: "public, max-age=86400",
  pages: "no-cache",
};

/**
 * `_headers` in Netlify/Cloudflare syntax: a path pattern, then indented `Name: value` lines.
 * Paths carry the prefix because the file sits at the root of what the host serves. Both hosts
 * combine every rule that matches, so Cache-Control is set only on the asset folders (pages keep
 * the hosts' default, which revalidates).
 */
export function headersFile(pathPrefix: string): string {
  const block = (pattern: string, headers: Record<string, string>) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  return (
    [
      block(`${pathPrefix}*`, SECURITY_HEADERS),
      block(`${pathPrefix}assets/*`, { "Cache-Control": CACHE_HEADERS.assets }),
      block(`${pathPrefix}pagefind/*`, { "Cache-Control": CACHE_HEADERS.assets }),
    ].join("\n\n") + "\n"
  );
}
