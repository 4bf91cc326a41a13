/**
 * The W3C Nu Html Checker (vnu-jar, run with Java, once over all files for speed) reports no
 * errors on one page of every template; and no page needs a relaxed Content-Security-Policy.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { buildTemplatePortal } from "./template-pages.ts";

const VNU = path.resolve(import.meta.dirname, "../../node_modules/vnu-jar/build/dist/vnu.jar");

async function javaMissing(): Promise<string | false> {
  if (process.env.CI) return false;
  try {
    await promisify(execFile)("java", ["-version"]);
    return existsSync(VNU) ? false : `no ${VNU}`;
  } catch {
    return "no java";
  }
}

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

const built = buildTemplatePortal();

test("every template is valid HTML (Nu Html Checker: 0 errors)", { skip: await javaMissing() }, async () => {
  const { outDir, pages } = await built;
  const files = pages.map((p) => path.join(outDir, p.file));
  // vnu exits with 1 when it reports errors; the JSON on stderr is what we read either way.
  const stderr = await new Promise<string>((resolve, reject) => {
    execFile(
      "java",
      ["-jar", VNU, "--errors-only", "--format", "json", ...files],
      { maxBuffer: 32 * 1024 * 1024 },
      (error, _out, err) => {
        if (error && !err.trim().startsWith("{")) reject(new Error(err || error.message));
        else resolve(err);
      },
    );
  });
  const { messages } = JSON.parse(stderr) as { messages: VnuMessage[] };
  const errors = messages
    .filter((m) => m.type === "error" || m.type === "non-document-error")
    .map(
      (m) =>
        `${path.relative(outDir, decodeURIComponent(new URL(m.url).pathname))}:${m.lastLine ?? "?"}: ${m.message} ${m.extract ?? ""}`,
    );
  assert.deepEqual(errors, [], errors.join("\n"));
});

test("every page works under a strict CSP: no inline scripts, event handlers or style attributes", async () => {
  const { outDir } = await built;
  const offences: string[] = [];
  const htmlFiles = readdirSync(outDir, { recursive: true, encoding: "utf8" }).filter((f) =>
    f.endsWith(".html"),
  );
  for (const file of htmlFiles) {
    const text = readFileSync(path.join(outDir, file), "utf8");
    if (/<script(?![^>]*\ssrc=)[^>]*>/.test(text)) offences.push(`${file}: inline <script>`);
    if (/<[a-z][^>]*\sstyle=/i.test(text)) offences.push(`${file}: style attribute`);
    if (/<style[\s>]/.test(text)) offences.push(`${file}: <style> element`);
    if (/<[a-z][^>]*\son[a-z]+=/i.test(text)) offences.push(`${file}: inline event handler`);
  }
  assert.ok(htmlFiles.length > 50, `${htmlFiles.length} pages checked`);
  assert.deepEqual(offences, [], offences.join("\n"));
});
