/** 联系我们 as a document search holds; apart from misc-pages.ts, whose search page's layout imports the search records. */
import { contactPage } from "../../layouts/contact.ts";
import type { SearchEntry, TypePage } from "../content-types/spec.ts";
import { urls } from "../portal/urls.ts";

/**
 * 联系我们 as a page search holds (src/search/search-pages.ts): a reader looks up the 主办单位's
 * address, e-mail or hotline by name (adv48: 联系我们 and the sponsor's name gave no result).
 */
export function contactDocument(): TypePage & { search: SearchEntry } {
  return {
    url: urls.contact,
    render: (ctx) => contactPage(ctx),
    search: { title: "联系我们", date: "", filters: { type: "联系我们" } },
  };
}
