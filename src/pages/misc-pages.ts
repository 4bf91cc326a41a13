/** The portal's fixed pages: 网站地图, 联系我们, 专题专栏, 站内搜索, 404. */
import { themeCss } from "../../layouts/theme-css.ts";
import { searchCss } from "../../layouts/search-css.ts";
import { sitemapPage, sitemapSections } from "../../layouts/sitemap.ts";
import { contactPage } from "../../layouts/contact.ts";
import { notFoundPage } from "../../layouts/not-found.ts";
import { topicsIndexPage } from "../../layouts/topics.ts";
import { searchPage } from "../../layouts/search.ts";
import { assetVersionsOf } from "./asset-versions.ts";
import { urls } from "../portal/urls.ts";
import type { BuildState } from "../eleventy/state.ts";
import { SinglePage } from "./single-page.ts";

export class SitemapPage extends SinglePage {
  readonly url = urls.sitemap;
  protected renderPage({ ctx }: BuildState) {
    return sitemapPage(ctx, sitemapSections(ctx));
  }
}

export class ContactPage extends SinglePage {
  readonly url = urls.contact;
  protected renderPage({ ctx }: BuildState) {
    return contactPage(ctx);
  }
}

export class TopicsIndexPage extends SinglePage {
  readonly url = urls.topics;
  protected renderPage({ ctx }: BuildState) {
    return topicsIndexPage(ctx);
  }
}

export class SearchPage extends SinglePage {
  readonly url = urls.search;
  protected renderPage({ ctx }: BuildState) {
    return searchPage(ctx);
  }
}

export class NotFoundPage extends SinglePage {
  readonly url = urls.notFound;
  protected renderPage({ ctx }: BuildState) {
    return notFoundPage(ctx);
  }
}

/** The site's colours and banner (layouts/theme-css.ts). */
export class ThemeCss extends SinglePage {
  readonly url = "/assets/theme.css";
  protected renderPage({ ctx }: BuildState) {
    // The text the versioned copy and the pages' links are of (asset-versions.ts), not made again.
    return assetVersionsOf(ctx.href)?.made("theme.css") ?? themeCss(ctx);
  }
}

/** The search page's one stylesheet: site.css, search.css, the theme and print.css (layouts/search-css.ts). */
export class SearchCss extends SinglePage {
  readonly url = "/assets/search-page.css";
  protected renderPage({ ctx }: BuildState) {
    return assetVersionsOf(ctx.href)?.made("search-page.css") ?? searchCss(ctx);
  }
}
