/** The helpers of @11ty/eleventy-plugin-rss that Gongkai uses (the package ships no types). */
declare module "@11ty/eleventy-plugin-rss" {
  /** RFC 3339 in UTC without milliseconds, as Atom wants: 2025-03-12T01:30:00Z. */
  export function dateToRfc3339(date: Date): string;
}
