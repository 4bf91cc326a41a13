/**
 * Every XML and JSON output is well-formed whatever the content (issue 12, defect 10): the sample
 * portal with characters planted wherever they are allowed (format characters in bodies and
 * summaries; markup, line separators and astral characters in titles and bodies), then every .xml
 * parsed by xmllint and every .json by JSON.parse.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { samplePortal } from "../helpers/sample-portal.ts";
import { noXmllint, parseErrors } from "../helpers/xml.ts";
import { buildSite } from "../../src/build/build-site.ts";

/** Allowed outside titles, 发文字号 and 索引号: zero-width, joiners, BOM, bidi controls. */
const FORMAT = "零\u200B宽\u200C非\u200D连\u2060接\uFEFF字\u202A嵌\u202C入\u202E反\u202C转\u2066隔\u2069离";
/** Allowed everywhere: markup, entities, CDATA ends, quotes, line/paragraph separators, astral and noncharacters. */
const SPECIAL = `<b>&amp;&#0;]]>"'\u2028\u2029𠀀😀\uFDD0`;

const yamlQuoted = (text: string) => JSON.stringify(text);

test(
  "all XML and JSON outputs parse after planting invisible and special characters",
  { skip: noXmllint },
  async () => {
    const sample = await samplePortal();
    const root = mkdtempSync(path.join(tmpdir(), "gongkai-planted-"));
    const contentDir = path.join(root, "content");
    cpSync(sample.contentDir, contentDir, { recursive: true });
    let planted = 0;
    for (const entry of readdirSync(contentDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const file = path.join(entry.parentPath, entry.name);
      const text = readFileSync(file, "utf8")
        .replace(
          /^title: (.*)$/m,
          (_, title: string) => `title: ${yamlQuoted(`${title.replace(/^"|"$/g, "")}${SPECIAL}`)}`,
        )
        .replace(
          /^summary: (.*)$/m,
          (_, summary: string) => `summary: ${yamlQuoted(`${summary.replace(/^"|"$/g, "")}${FORMAT}`)}`,
        )
        .replace(/\n---\n/, `\n---\n${FORMAT} ${SPECIAL.replace("<b>", "")}\n\n`);
      writeFileSync(file, text);
      planted++;
    }
    assert.ok(planted > 100);
    const outDir = path.join(root, "_site");
    await buildSite({ site: sample.site, contentDir, outDir, now: sample.now });

    const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name));
    const xml = files.filter((f) => f.endsWith(".xml"));
    const json = files.filter((f) => f.endsWith(".json"));
    assert.ok(xml.length >= 3 && json.length >= 2, `${xml.length} XML, ${json.length} JSON files`);
    for (const file of xml) assert.equal(parseErrors(file), "", path.relative(outDir, file));
    for (const file of json)
      assert.doesNotThrow(() => JSON.parse(readFileSync(file, "utf8")), path.relative(outDir, file));
    // The planted text reached the feeds (so the parse above tested it).
    const feeds = xml
      .filter((f) => f.includes(`${path.sep}feeds${path.sep}`))
      .map((f) => readFileSync(f, "utf8"))
      .join("");
    assert.ok(
      feeds.includes("𠀀😀") && feeds.includes("\u2028"),
      "planted title characters are in the feeds",
    );
  },
);
