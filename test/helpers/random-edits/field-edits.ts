/**
 * Editors' edits of one field of one content file: a title, a body, a date, a column, a
 * department, topics, a policy's 有效性 or 解读 link, a draft or a scheduled date; with
 * config-edits.ts's choices and taxonomy files, the list the random steps draw from. Each returns what it did, or undefined when it found nothing
 * to edit (the caller picks another).
 */
import { bodyOf, getField, listItems, removeField, setBody, setField, shiftDate } from "./front-matter.ts";
import { markdownFiles, pickFile, read, siteOf, withField, write, type Edit } from "./world.ts";
import { choice, taxonomy } from "./config-edits.ts";

export type { Edit } from "./world.ts";

const title: Edit = (rng, w) => {
  const f = withField(rng, w, "title");
  if (!f) return;
  const n = ++w.counter;
  const value =
    rng.chance(0.3) && f.value.includes("（修订")
      ? f.value.replace(/（修订\d+）/, "")
      : `${f.value}（修订${n}）`;
  write(w, f.rel, setField(f.text, "title", value));
  return `title ${f.rel}: ${value}`;
};

const body: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => bodyOf(read(w, f)).trim().length > 0);
  if (!rel) return;
  const text = read(w, rel);
  const old = bodyOf(text);
  const how = rng.weighted({ append: 3, digit: 3, drop: 1, link: 1 });
  let next = old;
  if (how === "append") next = `${old.trimEnd()}\n\n本条信息第${++w.counter}次更新补充了办理进度。\n`;
  else if (how === "digit") {
    // Same size: a stat that changes only its mtime.
    // A figure in the text (a digit before a Chinese character), not in a link's address.
    const digits = [...old.matchAll(/\d(?=\d*[\u4e00-\u9fff])/g)].filter(
      (m) => !/\]\([^)]*$/.test(old.slice(old.lastIndexOf("\n", m.index) + 1, m.index)),
    );
    if (!digits.length) return;
    const at = rng.pick(digits).index;
    next = old.slice(0, at) + String((Number(old[at]) + rng.int(1, 9)) % 10) + old.slice(at + 1);
  } else if (how === "drop") {
    const paras = old.split(/\n\n+/);
    if (paras.length < 2) return;
    paras.splice(rng.int(0, paras.length - 1), 1);
    next = paras.join("\n\n");
  } else {
    // A link to another page of the site (the link check resolves it against this build's pages).
    const target = pickFile(rng, markdownFiles(w, rng.pick(["news", "policies", "guides", "videos"])));
    if (!target) return;
    const url = `/${target.replace(/\.md$/, "")}/`;
    next = `${old.trimEnd()}\n\n相关链接：[相关信息](${url})\n`;
  }
  write(w, rel, setBody(text, next));
  return `body ${how} ${rel}`;
};

const date: Edit = (rng, w) => {
  const f = withField(rng, w, "date");
  if (!f) return;
  const shifted = shiftDate(f.value, rng.int(-40, 40), rng.int(-600, 600));
  if (!shifted) return;
  write(w, f.rel, setField(f.text, "date", shifted));
  return `date ${f.rel}: ${f.value} → ${shifted}`;
};

/** Another date: a letter's receipt or reply, a consultation's end, an interview's time, a 成文日期. */
const otherDate: Edit = (rng, w) => {
  const key = rng.pick([
    "received",
    "replied",
    "end",
    "start",
    "time",
    "written",
    "validity_changed",
    "published",
  ]);
  const f = withField(rng, w, key);
  if (!f) return;
  const shifted = shiftDate(f.value, rng.int(-20, 20), rng.int(-300, 300));
  if (!shifted) return;
  write(w, f.rel, setField(f.text, key, shifted));
  return `${key} ${f.rel}: ${f.value} → ${shifted}`;
};

/** A date after the build's clock: the item is scheduled and appears nowhere until then. */
const schedule: Edit = (rng, w) => {
  const f = withField(rng, w, "date");
  if (!f) return;
  const now = new Date(w.now + 8 * 3600_000); // the sample site's zone, Asia/Shanghai
  const day = now.toISOString().slice(0, 10);
  const future = shiftDate(`${day} 09:00`, rng.int(1, 45))!;
  write(w, f.rel, setField(f.text, "date", future));
  return `scheduled ${f.rel}: ${future}`;
};

const draft: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w));
  if (!rel) return;
  const text = read(w, rel);
  const isDraft = getField(text, "draft") === "true";
  write(w, rel, isDraft ? removeField(text, "draft") : setField(text, "draft", "true"));
  return `${isDraft ? "undraft" : "draft"} ${rel}`;
};

const column: Edit = (rng, w) => {
  const f = withField(rng, w, "column", "news");
  if (!f) return;
  const value = rng.pick(siteOf(w).columns).name;
  write(w, f.rel, setField(f.text, "column", value));
  return `column ${f.rel}: ${f.value} → ${value}`;
};

const department: Edit = (rng, w) => {
  const key = rng.pick(["department", "department", "issuer", "received_by", "replied_by"]);
  const f = withField(rng, w, key);
  if (!f) return;
  const value = rng.pick(siteOf(w).departments).name;
  write(w, f.rel, setField(f.text, key, value));
  return `${key} ${f.rel}: ${f.value} → ${value}`;
};

const topics: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) =>
    /^(news|policies|videos|consultations|interviews)\//.test(f),
  );
  if (!rel) return;
  const text = read(w, rel);
  const names = siteOf(w).topics.map((t) => t.name);
  const chosen = [...new Set(Array.from({ length: rng.int(0, 2) }, () => rng.pick(names)))];
  const before = listItems(getField(text, "topics"));
  write(w, rel, setField(text, "topics", `[${chosen.join(", ")}]`));
  return `topics ${rel}: [${before.join(", ")}] → [${chosen.join(", ")}]`;
};

const validity: Edit = (rng, w) => {
  const f = withField(rng, w, "validity", "policies", (t) => getField(t, "kind") !== "政策解读");
  if (!f) return;
  const value = rng.pick(["有效", "失效", "废止"]);
  let text = setField(f.text, "validity", value);
  if (value === "有效") text = removeField(text, "validity_changed");
  else if (getField(text, "validity_changed") === undefined)
    text = setField(text, "validity_changed", shiftDate(getField(text, "written") ?? "2026-06-01", 90)!);
  write(w, f.rel, text);
  return `validity ${f.rel}: ${f.value} → ${value}`;
};

/** A 解读 points at another document (or its link is edited away and back). */
const interprets: Edit = (rng, w) => {
  const f = withField(rng, w, "interprets", "policies");
  if (!f) return;
  const docs = markdownFiles(w, "policies")
    .map((rel) => read(w, rel))
    .filter((t) => getField(t, "kind") !== "政策解读" && getField(t, "index_no"))
    .map((t) => getField(t, "index_no")!);
  const value = rng.pick(docs);
  write(w, f.rel, setField(f.text, "interprets", value));
  return `interprets ${f.rel}: ${f.value} → ${value}`;
};

const summary: Edit = (rng, w) => {
  const f = withField(rng, w, "summary");
  if (!f) return;
  const value = `${f.value.replace(/（摘要\d+）$/, "")}（摘要${++w.counter}）`;
  write(w, f.rel, setField(f.text, "summary", value));
  return `summary ${f.rel}`;
};

export const FIELD_EDITS = {
  title,
  body,
  date,
  otherDate,
  schedule,
  draft,
  column,
  department,
  topics,
  validity,
  interprets,
  summary,
  choice,
  taxonomy,
} satisfies Record<string, Edit>;
