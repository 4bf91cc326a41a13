/**
 * Editor edits the first sets did not make (issue 19's checker, session 49): a date moved into
 * another year (year lists, shards, 年度报表 tallies), two edits of one file between builds, an
 * item with the same bytes as another, a 解读 link removed or a new 解读 added, an attachment
 * replaced, added (and linked) or removed, an image replaced by other bytes under its name, an
 * organ renamed, an item moved into a subfolder (record-edits.ts has the rest).
 */
import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { bodyOf, getField, removeField, setBody, setField } from "./front-matter.ts";
import { contentFiles, markdownFiles, pickFile, read, remove, write, withField, type Edit } from "./world.ts";

const COPYABLE = /^(news|policies|videos|guides|letters|consultations|interviews|pages)\//;

/** The same month, day and time in another year (2024 is a year no item has yet). */
const yearDate: Edit = (rng, w) => {
  const f = withField(rng, w, "date");
  if (!f) return;
  const m = /^(["']?)(\d{4})(-\d{2}-\d{2}.*)$/.exec(f.value);
  if (!m) return;
  const year = rng.pick(["2024", "2025", "2026"].filter((y) => y !== m[2]));
  // 02-29 does not exist in 2025.
  const value = `${m[1]}${year}${m[3].replace(/^-02-29/, "-02-28")}`;
  write(w, f.rel, setField(f.text, "date", value));
  return `yearDate ${f.rel}: ${f.value} → ${value}`;
};

/** Two edits of one file before the build: its title and its body, or its date and its topics. */
const twice: Edit = (rng, w) => {
  const f = withField(rng, w, "title", "", (t) => getField(t, "date") !== undefined);
  if (!f) return;
  const n = ++w.counter;
  let text = setField(f.text, "title", `${f.value.replace(/（再改\d+）$/, "")}（再改${n}）`);
  if (rng.chance(0.5)) {
    write(w, f.rel, text);
    text = setBody(read(w, f.rel), `${bodyOf(text).trimEnd()}\n\n第${n}次修改后又补充了一段。\n`);
  } else {
    write(w, f.rel, text);
    const date = getField(text, "date")!;
    text = setField(
      read(w, f.rel),
      "date",
      date.replace(/(\d{2}):(\d{2})/, (_, h: string) => `${h}:0${n % 10}`),
    );
  }
  write(w, f.rel, text);
  return `twice ${f.rel} (title, then ${text === f.text ? "nothing" : "body or time"})`;
};

/** A copy of an item, byte for byte, under another name (a duplicate 索引号 is refused both ways). */
const sameBytes: Edit = (rng, w) => {
  const from = pickFile(rng, markdownFiles(w), (f) => COPYABLE.test(f));
  if (!from) return;
  const rel = from.replace(/\.md$/, `-same${++w.counter}.md`);
  write(w, rel, read(w, from));
  return `sameBytes ${rel} (bytes of ${from})`;
};

/** A 解读's link to its document removed, or a new 解读 of a document that has none. */
const interpretation: Edit = (rng, w) => {
  if (rng.chance(0.5)) {
    const f = withField(rng, w, "interprets", "policies");
    if (!f) return;
    write(w, f.rel, removeField(f.text, "interprets"));
    return `interprets removed ${f.rel} (was ${f.value})`;
  }
  const policies = markdownFiles(w, "policies").map((rel) => ({ rel, text: read(w, rel) }));
  const readings = policies.filter((p) => getField(p.text, "interprets"));
  const linked = new Set(readings.map((p) => getField(p.text, "interprets")));
  const docs = policies.filter(
    (p) =>
      getField(p.text, "kind") !== "政策解读" &&
      getField(p.text, "index_no") &&
      !linked.has(getField(p.text, "index_no")),
  );
  if (!readings.length || !docs.length) return;
  const from = rng.pick(readings);
  const doc = rng.pick(docs);
  const n = ++w.counter;
  let text = setField(from.text, "interprets", getField(doc.text, "index_no")!);
  text = setField(text, "title", `《${getField(doc.text, "title")}》解读（${n}）`);
  const indexNo = getField(text, "index_no");
  if (indexNo) text = setField(text, "index_no", indexNo.replace(/-\d{5}$/, `-${String(80000 + n)}`));
  const rel = from.rel.replace(/\.md$/, `-jd${n}.md`);
  write(w, rel, text);
  return `interprets added ${rel} → ${getField(doc.text, "index_no")} (${doc.rel})`;
};

/** An attachment's bytes replaced, a new one linked from an item, or one removed. */
const attachment: Edit = (rng, w) => {
  const files = contentFiles(w, "media/attachments");
  const how = rng.weighted({ replace: 3, add: 2, remove: 1 });
  if (how === "replace") {
    const rel = pickFile(rng, files);
    if (!rel) return;
    write(w, rel, `${read(w, rel)}\n% 第${++w.counter}次替换\n`);
    return `attachment replaced ${rel}`;
  }
  if (how === "remove") {
    const rel = pickFile(rng, files);
    if (!rel) return;
    remove(w, rel);
    return `attachment removed ${rel}`;
  }
  const item = pickFile(rng, markdownFiles(w), (f) => /^(news|policies)\//.test(f));
  if (!item) return;
  const n = ++w.counter;
  const rel = `media/attachments/fujian-${n}.pdf`;
  write(w, rel, `%PDF-1.4\n% 附件${n}\n%%EOF\n`);
  const text = read(w, item);
  write(w, item, setBody(text, `${bodyOf(text).trimEnd()}\n\n附件：[附件${n}](/${rel})\n`));
  return `attachment added ${rel}, linked from ${item}`;
};

/** An image replaced under its own name by other bytes (a new upload of the same file). */
const imageReplaced: Edit = (rng, w) => {
  const rel = pickFile(rng, contentFiles(w, "media/images"), (f) => f.endsWith(".svg"));
  if (!rel) return;
  const n = ++w.counter;
  write(
    w,
    rel,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${400 + n}" height="${200 + (n % 7)}"><rect width="10" height="10"/></svg>\n`,
  );
  return `image replaced ${rel}`;
};

/** An organ's name changed in its file (items still name it by the old name). */
const organRename: Edit = (rng, w) => {
  const f = withField(rng, w, "title", "organs");
  if (!f) return;
  const value = f.value.endsWith("（更名）") ? f.value.slice(0, -4) : `${f.value}（更名）`;
  write(w, f.rel, setField(f.text, "title", value));
  return `organRename ${f.rel}: ${f.value} → ${value}`;
};

/** An item moved into another type's or year's folder, or a subfolder of its own. */
const moveFolder: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => COPYABLE.test(f));
  if (!rel) return;
  const parts = rel.split("/");
  const to = [...parts.slice(0, -1), `sub${w.counter % 3}`, parts.at(-1)!].join("/");
  if (contentFiles(w).includes(to)) return;
  mkdirSync(path.dirname(path.join(w.contentDir, to)), { recursive: true });
  renameSync(path.join(w.contentDir, rel), path.join(w.contentDir, to));
  return `moved ${rel} → ${to}`;
};

export const MORE_EDITS = {
  yearDate,
  twice,
  sameBytes,
  interpretation,
  attachment,
  imageReplaced,
  organRename,
  moveSub: moveFolder,
} satisfies Record<string, Edit>;
