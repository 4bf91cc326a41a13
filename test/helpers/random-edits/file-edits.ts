/**
 * Edits of whole files: an item added (a copy of another with a new file name and new unique
 * keys), deleted, renamed or moved to another year's folder; a media file edited, added or
 * removed; a file touched without a change; an edit that fails validation.
 */
import { mkdirSync, renameSync, utimesSync } from "node:fs";
import path from "node:path";
import { getField, setField } from "./front-matter.ts";
import { contentFiles, markdownFiles, pickFile, read, remove, siteOf, write } from "./world.ts";
import type { Edit } from "./field-edits.ts";

/** Types whose files can be copied as a new item (organs and reports are one per organ and year). */
const COPYABLE = /^(news|policies|videos|guides|periodicals|letters|consultations|interviews|pages)\//;

const add: Edit = (rng, w) => {
  const from = pickFile(rng, markdownFiles(w), (f) => COPYABLE.test(f));
  if (!from) return;
  const n = ++w.counter;
  const rel = from.replace(/\.md$/, `-copy${n}.md`);
  let text = read(w, from);
  text = setField(text, "title", `${getField(text, "title") ?? "新增"}（新增${n}）`);
  const indexNo = getField(text, "index_no");
  if (indexNo) text = setField(text, "index_no", indexNo.replace(/-\d{5}$/, `-${String(90000 + n)}`));
  const docNo = getField(text, "doc_no");
  if (docNo) text = setField(text, "doc_no", docNo.replace(/〕\d+号/, `〕${900 + n}号`));
  const issue = getField(text, "issue");
  if (issue) text = setField(text, "issue", String(60 + n));
  write(w, rel, text);
  return `add ${rel} (copy of ${from})`;
};

/** A topic page for a topic the config declares that has none yet. */
const addTopic: Edit = (rng, w) => {
  const have = new Set(markdownFiles(w, "topics"));
  const missing = siteOf(w).topics.filter((t) => !have.has(`topics/${t.key}.md`));
  const from = pickFile(rng, [...have]);
  if (!missing.length || !from) return;
  const topic = rng.pick(missing);
  let text = read(w, from);
  text = setField(setField(text, "title", topic.name), "topic", topic.name);
  write(w, `topics/${topic.key}.md`, text);
  return `add topics/${topic.key}.md (copy of ${from})`;
};

const del: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => !f.startsWith("organs/") || rng.chance(0.2));
  if (!rel) return;
  remove(w, rel);
  return `delete ${rel}`;
};

/** Renamed in its folder, or (dated types) moved to another year's folder. */
const rename: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => COPYABLE.test(f));
  if (!rel) return;
  const parts = rel.split("/");
  const yearAt = parts.findIndex((p) => /^\d{4}$/.test(p));
  let to: string;
  if (yearAt >= 0 && rng.chance(0.4)) {
    parts[yearAt] = parts[yearAt] === "2025" ? "2026" : "2025";
    to = parts.join("/");
  } else to = rel.replace(/([^/]+)\.md$/, `$1-r${++w.counter}.md`);
  if (contentFiles(w).includes(to)) return;
  mkdirSync(path.dirname(path.join(w.contentDir, to)), { recursive: true });
  renameSync(path.join(w.contentDir, rel), path.join(w.contentDir, to));
  return `rename ${rel} → ${to}`;
};

const media: Edit = (rng, w) => {
  const how = rng.weighted({ svg: 4, addSvg: 2, removeSvg: 1, caption: 2, removeAny: 1 });
  const files = contentFiles(w, "media");
  if (how === "svg") {
    const rel = pickFile(rng, files, (f) => f.endsWith(".svg"));
    if (!rel) return;
    const text = read(w, rel);
    const next = rng.chance(0.5)
      ? text.replace(/width="(\d+)"/, (_, n: string) => `width="${Number(n) + rng.int(1, 40)}"`)
      : text.replace("</svg>", `<!-- 修订${++w.counter} --></svg>`);
    write(w, rel, next);
    return `media edit ${rel}`;
  }
  if (how === "addSvg") {
    const rel = `media/images/upload-${++w.counter}.svg`;
    write(w, rel, `<svg xmlns="http://www.w3.org/2000/svg" width="${rng.int(10, 900)}" height="90"/>\n`);
    return `media add ${rel}`;
  }
  if (how === "caption") {
    const rel = pickFile(rng, files, (f) => f.endsWith(".vtt"));
    if (!rel) return;
    write(w, rel, read(w, rel).replace(/\n([^\n]*[\u4e00-\u9fff][^\n]*)\n/, `\n$1（${++w.counter}）\n`));
    return `media caption ${rel}`;
  }
  // An image no page names (an upload) or any media file (a page then points nowhere: an error).
  const rel = pickFile(rng, files, (f) => (how === "removeSvg" ? /upload-\d+\.svg$/.test(f) : true));
  if (!rel) return;
  remove(w, rel);
  return `media remove ${rel}`;
};

/** A file's mtime moved (or its bytes written again) with no change. */
const touch: Edit = (rng, w) => {
  const rel = pickFile(rng, contentFiles(w));
  if (!rel) return;
  if (rng.chance(0.5)) write(w, rel, read(w, rel));
  else {
    const t = new Date(Date.now() - rng.int(0, 5000));
    utimesSync(path.join(w.contentDir, rel), t, t);
  }
  return `touch ${rel}`;
};

/** An edit validation refuses: the build must fail with and without the cache. */
const invalid: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => getField(read(w, f), "date") !== undefined);
  if (!rel) return;
  const how = rng.pick(["date", "column", "yaml"] as const);
  const text = read(w, rel);
  const next =
    how === "date"
      ? setField(text, "date", "2026-13-45 09:00")
      : how === "column" && getField(text, "column") !== undefined
        ? setField(text, "column", "不存在的栏目")
        : text.replace(/^title: (.*)$/m, "title: [未闭合的标题");
  write(w, rel, next);
  return `invalid ${how} ${rel}`;
};

export const FILE_EDITS = { add, addTopic, delete: del, rename, media, touch, invalid } satisfies Record<
  string,
  Edit
>;
