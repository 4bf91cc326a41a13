/**
 * The helper of @11ty/eleventy-plugin-rss that Gongkai uses (the package ships no types). Taken from
 * its own file: the package's entry also loads the feed plugin and its template engines, which every
 * build would pay at start-up for one date function.
 */
declare module "@11ty/eleventy-plugin-rss/src/dateRfc3339.js" {
  /** RFC 3339 in UTC without milliseconds, as Atom wants: 2025-03-12T01:30:00Z. */
  export default function dateToRfc3339(date: Date): string;
}
