/**
 * Edits whose new value comes from the site's config or the shared taxonomy files: a guide's
 * 事项类型, a video's or letter's kind, a periodical's issue, a letter's 公开; an organ's address or
 * leader, a topic page, a 年报's figure.
 */
import { bodyOf, getField, setBody, setField } from "./front-matter.ts";
import { markdownFiles, pickFile, read, siteOf, withField, write, type Edit } from "./world.ts";

/** A choice among the config's values: a guide's 事项类型, a video's kind, a letter's 公开. */
export const choice: Edit = (rng, w) => {
  const site = siteOf(w);
  const which = rng.pick(["item_type", "videoKind", "public", "letterKind", "issue"] as const);
  const f =
    which === "item_type"
      ? withField(rng, w, "item_type", "guides")
      : which === "videoKind"
        ? withField(rng, w, "kind", "videos")
        : which === "letterKind"
          ? withField(rng, w, "kind", "letters")
          : which === "issue"
            ? withField(rng, w, "issue", "periodicals")
            : withField(rng, w, "public", "letters");
  if (!f) return;
  const key = which === "videoKind" || which === "letterKind" ? "kind" : which;
  const value =
    which === "item_type"
      ? rng.pick(site.guideTypes).name
      : which === "videoKind"
        ? rng.pick(site.videoKinds).name
        : which === "letterKind"
          ? rng.pick(["咨询", "投诉", "建议", "求助"])
          : which === "issue"
            ? String(Number(f.value) + rng.int(20, 40))
            : f.value === "true"
              ? "false"
              : "true";
  write(w, f.rel, setField(f.text, key, value));
  return `${key} ${f.rel}: ${f.value} → ${value}`;
};

/** The shared taxonomy files: an organ's address or leader, a topic page, a 年报's figure. */
export const taxonomy: Edit = (rng, w) => {
  const rel = pickFile(rng, markdownFiles(w), (f) => /^(organs|topics|reports)\//.test(f));
  if (!rel) return;
  let text = read(w, rel);
  if (rel.startsWith("organs/") && rng.chance(0.5)) {
    const addr = getField(text, "address");
    if (!addr) return;
    text = setField(text, "address", addr.replace(/\d+号/, `${rng.int(1, 99)}号`));
  } else if (rel.startsWith("organs/")) {
    text = text.replace(
      /^ {4}position: (.*)$/m,
      (_, p: string) => `    position: ${p.endsWith("（兼）") ? p.slice(0, -3) : `${p}（兼）`}`,
    );
  } else if (rel.startsWith("reports/")) {
    const nums = [...text.matchAll(/: (\d+)$/gm)];
    if (!nums.length) return;
    const m = rng.pick(nums);
    const at = m.index + 2;
    text = text.slice(0, at) + String(Number(m[1]) + rng.int(1, 5)) + text.slice(at + m[1].length);
  } else text = setBody(text, `${bodyOf(text).trimEnd()}\n\n专题内容第${++w.counter}次更新。\n`);
  write(w, rel, text);
  return `taxonomy ${rel}`;
};
