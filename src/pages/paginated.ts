/**
 * The data() of a template that makes one page per entry of an array in global data (one
 * template for all detail pages, all lists, all feeds …): what keeps Eleventy's work linear.
 */
export function onePagePer<Alias extends string>(dataKey: string, alias: Alias) {
  return {
    pagination: { data: dataKey, size: 1, alias, addAllPagesToCollections: false },
    permalink: (data: Record<Alias, { url: string }>) => data[alias].url,
    eleventyExcludeFromCollections: true,
  };
}
