import { loadSiteConfig } from "../../config/load.ts";
import { createState } from "../../eleventy/state.ts";
import { searchRecordOf } from "../records.ts";
import { watchChildren } from "./process-stats.ts";
import * as pagefind from "pagefind";
const site = await loadSiteConfig("site.config.ts");
const state = createState({ site, contentDir: `/tmp/search-proto-10000/content`, now: Date.parse("2030-01-01") });
const base = state.details.slice(0, 3334).map((r) => searchRecordOf(r));
const ids = new Map<string, string>();
const short = (t: string) => { let v = ids.get(t); if (!v) ids.set(t, (v = ids.size.toString(36))); return v; };
const variants: Record<string, (r: ReturnType<typeof searchRecordOf>) => ReturnType<typeof searchRecordOf>> = {
  current: (r) => r,
  notext: (r) => ({ ...r, meta: { ...r.meta, text: "" } }),
  shorttokens: (r) => ({ ...r, content: r.content.split(" ").map(short).join(" ") }),
};
for (const name of process.argv.slice(2)) {
  const recs = base.map(variants[name]);
  const w = watchChildren();
  const t = performance.now();
  const { index } = await pagefind.createIndex({});
  for (let s = 0; s < recs.length; s += 256) await Promise.all(recs.slice(s, s + 256).map((r) => index!.addCustomRecord(r)));
  w.sample();
  const afterAdd = w.stop().cpuMs;
  const w2 = watchChildren();
  await index!.writeFiles({ outputPath: `/tmp/search-variant-${name}` });
  w2.sample();
  await pagefind.close();
  const st = w2.stop();
  console.log(name, "wall", Math.round(performance.now() - t), "cpu add", afterAdd, "cpu total", st.cpuMs, "peakMB", Math.round(st.peakRss / 2 ** 20));
}
