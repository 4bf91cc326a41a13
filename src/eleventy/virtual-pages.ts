/**
 * Our virtual templates, expanded into pages without Eleventy, the way Eleventy does for the
 * shapes we use (a fixed permalink, or pagination of size 1 over an array in global data with an
 * alias and a permalink function). Every build enumerates its pages this way before rendering
 * (src/build/outputs.ts); the streamed sources and the dev server's rebuilds render from that
 * list (Eleventy 3.1.8's incremental mode crashes and its watch rebuild grows memory). Global data
 * comes from running `gongkaiPlugin` against a recorder, so both paths see exactly what Eleventy sees.
 */
import type { EleventyConfigLike } from "./plugin.ts";
import { gongkaiPlugin } from "./plugin.ts";
import type { StateRef } from "./state.ts";
import { templateName, type PageSource, type Template } from "./page-source.ts";
import type { SiteOutput, VirtualPage } from "./site-outputs.ts";

export type { VirtualPage } from "./site-outputs.ts";
export { outputFileOf } from "./site-outputs.ts";

interface Pagination {
  data: string;
  size?: number;
  alias?: string;
}

export interface Registrations {
  globalData: Map<string, unknown>;
  templates: Map<string, Template>;
  passthrough: Record<string, string>;
}

/** The templates Eleventy does not render (see `streamed` in page-source.ts). */
export function streamedTemplates(ref: StateRef, sources: readonly PageSource[]): Map<string, Template> {
  return new Map(sources.filter((s) => s.streamed).map((s) => [templateName(s), s.create(ref) as Template]));
}

/** What the plugin registers, recorded instead of handed to Eleventy; streamed templates too. */
export function recordPlugin(ref: StateRef, sources: readonly PageSource[]): Registrations {
  const found: Registrations = { globalData: new Map(), templates: new Map(), passthrough: {} };
  const recorder: EleventyConfigLike = {
    addGlobalData: (name, data) => void found.globalData.set(name, data),
    addTemplate: (virtualPath, content) => void found.templates.set(virtualPath, content as Template),
    addPassthroughCopy: (copy) => void Object.assign(found.passthrough, copy),
    addWatchTarget: () => undefined,
    setQuietMode: () => undefined,
    on: () => undefined,
  };
  gongkaiPlugin(recorder, ref, sources);
  for (const [name, template] of streamedTemplates(ref, sources)) found.templates.set(name, template);
  return found;
}

/**
 * Global data as templates see it: functions called (Eleventy does the same). Synchronously, so
 * the pages can be enumerated during validation; our global data never needs to wait.
 */
function resolveGlobalData(registrations: Registrations): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of registrations.globalData) {
    data[name] = typeof value === "function" ? (value as () => unknown)() : value;
    if (data[name] instanceof Promise) throw new Error(`global data ${name} must not be a promise`);
  }
  return data;
}

function lookup(data: Record<string, unknown>, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

/**
 * `itemAlias`: the function returns `data[itemAlias].url` and nothing else (src/pages/paginated.ts
 * `onePagePer`): with the pagination's alias the same, a page's URL is its item's `url`.
 */
type Permalink =
  string | false | (((data: Record<string, unknown>) => string | false) & { itemAlias?: string });

const permalinkOf = (permalink: Permalink, data: Record<string, unknown>) =>
  typeof permalink === "function" ? permalink(data) : permalink;

/**
 * A page's render function. Made here and returned unnamed: under tsx's keepNames a named closure
 * (`render: async () => …` in an object) costs a defineProperty, once per page.
 */
function renderOf(template: Template, data: Record<string, unknown>) {
  return async () => template.render(data);
}

/**
 * A page of a paginated template, its render data made only when it renders, and its own output
 * (src/build/outputs.ts). Every build enumerates every page (~95k at 50k items) and a cached
 * build renders a few: a data object, its `pagination`, a render closure and an output per page
 * (objects that lived as long as the state, which the collector copied) are made for those few
 * only. Render gets the data it got before: a fresh object on the template's shared data with
 * the page's `pagination` and alias.
 */
class PaginatedPage implements VirtualPage, SiteOutput {
  constructor(
    readonly template: string,
    readonly url: string,
    readonly item: unknown,
    readonly source: string,
    private readonly index: number,
    private readonly of: Paginated,
  ) {}

  /** The output is the page itself. */
  get page(): VirtualPage {
    return this;
  }

  async render(): Promise<string> {
    return this.of.template.render(pageData(this.of, this.item, this.index));
  }
}

/** What the pages of one paginated template share. */
interface Paginated {
  template: Template;
  shared: Record<string, unknown>;
  alias: string | undefined;
}

/** One page's data: its own fields on the template's shared data (a prototype, not a copy). */
function pageData(of: Paginated, item: unknown, index: number): Record<string, unknown> {
  const data = Object.create(of.shared) as Record<string, unknown>;
  data.pagination = { items: [item], pageNumber: index };
  if (of.alias) data[of.alias] = item;
  return data;
}

/** Every page the templates (by default all registered ones) produce for the current state; nothing rendered yet. */
export const expandPages = (
  registrations: Registrations,
  templates = registrations.templates,
): VirtualPage[] => pageOutputs(registrations, templates, (name) => name).map((output) => output.page);

/**
 * Every page as the output it writes (`expandPages`), its source named by `sourceOf` its
 * template's name: a paginated template's page is its own output, any other page is wrapped.
 */
export function pageOutputs(
  registrations: Registrations,
  templates: Map<string, Template>,
  sourceOf: (template: string) => string,
): (SiteOutput & { page: VirtualPage })[] {
  const globalData = resolveGlobalData(registrations);
  const pages: (SiteOutput & { page: VirtualPage })[] = [];
  for (const [name, template] of templates) {
    const own = template.data();
    const permalink = own.permalink as Permalink;
    const pagination = own.pagination as Pagination | undefined;
    if (!pagination) {
      const data = { ...globalData, ...own };
      const url = permalinkOf(permalink, data);
      if (url !== false) {
        const page = { template: name, url, item: undefined, render: renderOf(template, data) };
        pages.push({ url, source: sourceOf(name), page });
      }
      continue;
    }
    if ((pagination.size ?? 1) !== 1)
      throw new Error(`${name}: the dev server only expands pagination of size 1`);
    const items = lookup(globalData, pagination.data);
    if (!Array.isArray(items)) throw new Error(`${name}: pagination data ${pagination.data} is not an array`);
    // One shared base per template; each page's data adds its own fields on top.
    const of: Paginated = { template, shared: { ...globalData, ...own }, alias: pagination.alias };
    const source = sourceOf(name);
    // The page's URL read from its item when the permalink says that is all it reads, else the
    // permalink function given the page's data, made for it alone (not kept for the render).
    const byItem =
      typeof permalink === "function" &&
      Boolean(permalink.itemAlias) &&
      permalink.itemAlias === pagination.alias;
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index];
      const url = byItem
        ? (item as { url: string }).url
        : typeof permalink === "function"
          ? permalink(pageData(of, item, index))
          : permalink;
      if (url !== false) pages.push(new PaginatedPage(name, url, item, source, index, of));
    }
  }
  return pages;
}
