/**
 * More editor edits (session 49): the 头条/cover/review_by facts the record store keeps, a bulk
 * import of news and its removal, an organ's file renamed or its kind, order or 上级机关 changed,
 * a 年报 moved to another year.
 */
import { renameSync } from "node:fs";
import path from "node:path";
import { bodyOf, getField, removeField, setBody, setField } from "./front-matter.ts";
import { contentFiles, markdownFiles, pickFile, read, remove, write, type Edit } from "./world.ts";

/**
 * The fields the record store keeps as facts for the checks and the home page (record-facts.ts):
 * a news item made or unmade 头条, its cover taken away or one given, a guide's or page's
 * review_by set or removed.
 */
const flags: Edit = (rng, w) => {
  const how = rng.pick(["headline", "cover", "review"] as const);
  if (how === "headline") {
    const rel = pickFile(rng, markdownFiles(w, "news"));
    if (!rel) return;
    const text = read(w, rel);
    const on = getField(text, "headline") === "true";
    write(w, rel, on ? removeField(text, "headline") : setField(text, "headline", "true"));
    return `headline ${on ? "off" : "on"} ${rel}`;
  }
  if (how === "cover") {
    const news = markdownFiles(w, "news").map((rel) => ({ rel, text: read(w, rel) }));
    const covered = news.filter((n) => getField(n.text, "cover"));
    if (!covered.length) return;
    const from = rng.pick(covered);
    if (rng.chance(0.5)) {
      write(w, from.rel, removeField(from.text, "cover"));
      return `cover removed ${from.rel}`;
    }
    const to = rng.pick(news.filter((n) => !getField(n.text, "cover")));
    write(w, to.rel, setField(to.text, "cover", getField(from.text, "cover")!));
    return `cover of ${from.rel} given to ${to.rel}`;
  }
  const rel = pickFile(rng, markdownFiles(w), (f) => /^(guides|pages|organs)\//.test(f));
  if (!rel) return;
  const text = read(w, rel);
  const has = getField(text, "review_by") !== undefined;
  const day = rng.pick(["2026-11-01", "2026-12-31", "2027-03-01"]);
  write(w, rel, has && rng.chance(0.5) ? removeField(text, "review_by") : setField(text, "review_by", day));
  return `review_by ${rel}`;
};

/**
 * Many items at once (an import of an old site's news), or every such import removed: the
 * search index's bucket count and shard cuts move, every list gains pages.
 */
const bulk: Edit = (rng, w) => {
  const imported = markdownFiles(w, "news").filter((f) => /-imp\d+\.md$/.test(f));
  if (imported.length && rng.chance(0.5)) {
    for (const rel of imported) remove(w, rel);
    return `bulk removed ${imported.length} imported news`;
  }
  const sources = markdownFiles(w, "news").filter((f) => !/-imp\d+\.md$/.test(f));
  if (!sources.length) return;
  const count = rng.int(40, 160);
  for (let i = 0; i < count; i++) {
    const from = rng.pick(sources);
    const n = ++w.counter;
    const text = read(w, from);
    const title = `${getField(text, "title") ?? "导入"}（导入${n}）`;
    const body = `${bodyOf(text).trimEnd()}\n\n导入第${n}条：${"旧站归档的内容".repeat(rng.int(1, 40))}\n`;
    write(w, from.replace(/\.md$/, `-imp${n}.md`), setBody(setField(text, "title", title), body));
  }
  return `bulk added ${count} news`;
};

/**
 * An organ's file: renamed (its key, so its pages' URLs and its report folder's match), its
 * kind, its order among the organs, its 上级机关; or its 年报 moved to another year's file.
 */
const organ: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w, "organs"));
  if (!rel) return;
  const text = read(w, rel);
  const how = rng.pick(["rename", "kind", "order", "parent", "reportYear"] as const);
  if (how === "rename") {
    const to = rel.endsWith("-x.md") ? rel.replace(/-x\.md$/, ".md") : rel.replace(/\.md$/, "-x.md");
    if (contentFiles(w).includes(to)) return;
    renameSync(path.join(w.contentDir, rel), path.join(w.contentDir, to));
    return `organ file renamed ${rel} → ${to}`;
  }
  if (how === "kind") {
    const value = rng.pick(["人民政府", "政府部门", "乡镇", "街道"]);
    write(w, rel, setField(text, "kind", value));
    return `organ kind ${rel}: ${getField(text, "kind")} → ${value}`;
  }
  if (how === "order") {
    const value = String(rng.int(0, 9));
    write(w, rel, setField(text, "order", value));
    return `organ order ${rel}: ${value}`;
  }
  if (how === "parent") {
    const has = getField(text, "parent") !== undefined;
    write(w, rel, has ? removeField(text, "parent") : setField(text, "parent", "白桦岭市人民政府"));
    return `organ parent ${has ? "removed" : "set"} ${rel}`;
  }
  const report = pickFile(rng, contentFiles(w, "reports"), (f) => /\/20\d\d\.md$/.test(f));
  if (!report) return;
  const year = report.endsWith("2025.md") ? "2024" : "2025";
  const to = report.replace(/20\d\d\.md$/, `${year}.md`);
  if (contentFiles(w).includes(to)) return;
  write(w, to, read(w, report).replace(/20\d\d年政府信息公开/, `${year}年政府信息公开`));
  remove(w, report);
  return `report moved ${report} → ${to}`;
};

export const RECORD_EDITS = { flags, bulk, organ } satisfies Record<string, Edit>;
