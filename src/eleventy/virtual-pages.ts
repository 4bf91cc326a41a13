/**
 * Our virtual templates, expanded into pages without Eleventy, the way Eleventy does for the
 * shapes we use (a fixed permalink, or pagination of size 1 over an array in global data with an
 * alias and a permalink function). Used for the streamed templates of every build and for every
 * page of a dev-server rebuild (Eleventy 3.1.8's incremental mode crashes and its watch rebuild
 * grows memory). Global data comes from running `gongkaiPlugin` against a recorder, so both
 * paths see exactly what Eleventy sees.
 */
import type { EleventyConfigLike } from "./plugin.ts";
import { gongkaiPlugin, pageTemplates } from "./plugin.ts";
import type { StateRef } from "./state.ts";

export interface Template {
  data(): Record<string, unknown>;
  render(data: Record<string, unknown>): string | Promise<string>;
}

interface Pagination {
  data: string;
  size?: number;
  alias?: string;
}

/** One output page: where it goes, what it is made from, how to render it. */
export interface VirtualPage {
  /** Name of the virtual template (`gongkai-details.11ty.js`). */
  template: string;
  /** Site URL or file path as the permalink gives it: `/news/2025/a/`, `/feeds/news.xml`. */
  url: string;
  /** The paginated item (a record, a list page), or undefined for one-off pages. */
  item: unknown;
  render(): Promise<string>;
}

export interface Registrations {
  globalData: Map<string, unknown>;
  templates: Map<string, Template>;
  passthrough: Record<string, string>;
}

/** The templates Eleventy does not render (see `streamed` in plugin.ts). */
export function streamedTemplates(ref: StateRef): Map<string, Template> {
  return new Map(
    pageTemplates
      .filter((t) => t.streamed)
      .map((t) => [`gongkai-${t.name}.11ty.js`, t.create(ref) as Template]),
  );
}

/** What the plugin registers, recorded instead of handed to Eleventy; streamed templates too. */
export function recordPlugin(ref: StateRef): Registrations {
  const found: Registrations = { globalData: new Map(), templates: new Map(), passthrough: {} };
  const recorder: EleventyConfigLike = {
    addGlobalData: (name, data) => void found.globalData.set(name, data),
    addTemplate: (virtualPath, content) => void found.templates.set(virtualPath, content as Template),
    addPassthroughCopy: (copy) => void Object.assign(found.passthrough, copy),
    addWatchTarget: () => undefined,
    setQuietMode: () => undefined,
    on: () => undefined,
  };
  gongkaiPlugin(recorder, ref);
  for (const [name, template] of streamedTemplates(ref)) found.templates.set(name, template);
  return found;
}

/** Global data as templates see it: functions called (Eleventy does the same). */
async function resolveGlobalData(registrations: Registrations): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = {};
  for (const [name, value] of registrations.globalData)
    data[name] = typeof value === "function" ? await (value as () => unknown)() : value;
  return data;
}

function lookup(data: Record<string, unknown>, dotted: string): unknown {
  return dotted
    .split(".")
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

type Permalink = string | false | ((data: Record<string, unknown>) => string | false);

const permalinkOf = (permalink: Permalink, data: Record<string, unknown>) =>
  typeof permalink === "function" ? permalink(data) : permalink;

/** Every page the templates (by default all registered ones) produce for the current state. */
export async function expandPages(
  registrations: Registrations,
  templates = registrations.templates,
): Promise<VirtualPage[]> {
  const globalData = await resolveGlobalData(registrations);
  const pages: VirtualPage[] = [];
  for (const [name, template] of templates) {
    const own = template.data();
    const permalink = own.permalink as Permalink;
    const pagination = own.pagination as Pagination | undefined;
    if (!pagination) {
      const data = { ...globalData, ...own };
      const url = permalinkOf(permalink, data);
      if (url !== false)
        pages.push({ template: name, url, item: undefined, render: async () => template.render(data) });
      continue;
    }
    if ((pagination.size ?? 1) !== 1)
      throw new Error(`${name}: the dev server only expands pagination of size 1`);
    const items = lookup(globalData, pagination.data);
    if (!Array.isArray(items)) throw new Error(`${name}: pagination data ${pagination.data} is not an array`);
    // One shared base per template; each page's data adds its own fields on top (a prototype, not a copy).
    const shared = { ...globalData, ...own };
    items.forEach((item, index) => {
      const data: Record<string, unknown> = Object.create(shared);
      data.pagination = { items: [item], pageNumber: index };
      if (pagination.alias) data[pagination.alias] = item;
      const url = permalinkOf(permalink, data);
      if (url !== false) pages.push({ template: name, url, item, render: async () => template.render(data) });
    });
  }
  return pages;
}

/** Output file of a permalink, as Eleventy writes it: `/a/b/` → `a/b/index.html`. */
export function outputFileOf(url: string): string {
  const clean = decodeURI(url).replace(/^\/+/, "");
  return clean === "" || clean.endsWith("/") ? `${clean}index.html` : clean;
}
