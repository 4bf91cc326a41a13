/**
 * Site config changes the first operator edits did not make (session 49): the site's name, the
 * columns' order, the path prefix (a sub-path and back), a theme colour (the CSS), a topic
 * removed from the config while items still name it (both builds refuse it), a department
 * renamed (the items naming the old name are refused), the base URL, the time zone — kept as data
 * like world.ts's.
 */
import type { Site } from "../../../src/config/schema.ts";
import type { Rng } from "./rng.ts";

export type MoreSiteChange =
  | { kind: "siteName"; value: string }
  | { kind: "columnSwap"; a: number; b: number }
  | { kind: "pathPrefix"; value: string }
  | { kind: "brandColor"; value: string }
  | { kind: "topicRemoved"; key: string }
  | { kind: "departmentRenamed"; index: number; name: string }
  | { kind: "baseUrl"; value: string }
  | { kind: "timeZone"; value: string };

export function applyMoreChange(site: Site, c: MoreSiteChange): Site {
  if (c.kind === "siteName") return { ...site, name: c.value };
  if (c.kind === "columnSwap") {
    const columns = [...site.columns];
    [columns[c.a], columns[c.b]] = [columns[c.b], columns[c.a]];
    return { ...site, columns };
  }
  if (c.kind === "pathPrefix") return { ...site, pathPrefix: c.value };
  if (c.kind === "brandColor")
    return { ...site, theme: { ...site.theme, colors: { ...site.theme.colors, brand: c.value } } };
  if (c.kind === "topicRemoved") return { ...site, topics: site.topics.filter((t) => t.key !== c.key) };
  if (c.kind === "baseUrl") return { ...site, baseUrl: c.value };
  if (c.kind === "timeZone") return { ...site, timeZone: c.value };
  return {
    ...site,
    departments: site.departments.map((d, i) => (i === c.index ? { ...d, name: c.name } : d)),
  };
}

/** One change drawn for the site as it is now (undefined: none fits). */
export function drawMoreChange(rng: Rng, site: Site, n: number): MoreSiteChange | undefined {
  const how = rng.weighted({
    siteName: 2,
    columnSwap: 2,
    pathPrefix: 2,
    brandColor: 1,
    topic: 1,
    department: 1,
    baseUrl: 1,
    timeZone: 1,
  });
  if (how === "baseUrl")
    return {
      kind: "baseUrl",
      value: site.baseUrl.includes("www2.")
        ? site.baseUrl.replace("www2.", "www.")
        : site.baseUrl.replace("//www.", "//www2."),
    };
  // Urumqi is two hours behind Shanghai: items near midnight move to the day (or year) before.
  if (how === "timeZone")
    return { kind: "timeZone", value: site.timeZone === "Asia/Shanghai" ? "Asia/Urumqi" : "Asia/Shanghai" };
  if (how === "siteName") return { kind: "siteName", value: `${site.name.replace(/（\d+）$/, "")}（${n}）` };
  if (how === "columnSwap") {
    const a = rng.int(0, site.columns.length - 1);
    const b = rng.int(0, site.columns.length - 1);
    return a === b ? undefined : { kind: "columnSwap", a, b };
  }
  if (how === "pathPrefix") return { kind: "pathPrefix", value: site.pathPrefix === "/" ? "/portal/" : "/" };
  if (how === "brandColor") return { kind: "brandColor", value: rng.pick(["#8a1018", "#7a1a10", "#6d0f16"]) };
  if (how === "topic")
    return site.topics.length ? { kind: "topicRemoved", key: rng.pick(site.topics).key } : undefined;
  const index = rng.int(0, site.departments.length - 1);
  return { kind: "departmentRenamed", index, name: `${site.departments[index].name}（新）` };
}
