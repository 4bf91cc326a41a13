/**
 * Applies a built `_headers` file the way Netlify and Cloudflare Pages do: every rule whose
 * pattern matches the request path contributes its headers; a header set by several rules is
 * sent once with the values joined by ", " (for Content-Security-Policy: several policies).
 */
export type HeaderRules = { pattern: string; headers: [string, string][] }[];

export function parseHeadersFile(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const at = line.indexOf(":");
      rules.at(-1)!.headers.push([line.slice(0, at).trim(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  return pattern.endsWith("*") ? pathname.startsWith(pattern.slice(0, -1)) : pathname === pattern;
}

export function headersFor(rules: HeaderRules, pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules)
    if (matches(rule.pattern, pathname))
      for (const [name, value] of rule.headers)
        out[name] = name in out && out[name] !== value ? `${out[name]}, ${value}` : value;
  return out;
}
