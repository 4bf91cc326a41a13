/**
 * The data() of a template that makes one page per entry of an array in global data (one
 * template for all detail pages, all lists, all feeds …): what keeps Eleventy's work linear.
 */
export function onePagePer<Alias extends string>(dataKey: string, alias: Alias) {
  // `itemAlias` tells the enumeration (src/eleventy/virtual-pages.ts) that a page's URL is its
  // item's `url`, read without making the page's data for the call (~95k pages at 50k items).
  const permalink = Object.assign((data: Record<Alias, { url: string }>) => data[alias].url, {
    itemAlias: alias,
  });
  return {
    pagination: { data: dataKey, size: 1, alias, addAllPagesToCollections: false },
    permalink,
    eleventyExcludeFromCollections: true,
  };
}
