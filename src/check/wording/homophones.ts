/**
 * Same pinyin, tones ignored (an input method's typo: 张建华 → 张建化). pinyin-pro costs ~0.3 s to
 * load, a third of the wording check at 10k items, and most runs ask about the same few characters
 * (a near miss that the automaton found and that turned out to be another word, such as 政务服务中心
 * next to a declared 政务服务局). So the readings asked for are kept in
 * node_modules/.cache/gongkai/pinyin.json and pinyin-pro is loaded only for a character not seen
 * before. The cache holds derived data only; deleting it changes nothing but the time.
 */
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";

type Pinyin = (text: string, options: object) => string[];
let pinyin: Pinyin | undefined;

const CACHE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../../node_modules/.cache/gongkai/pinyin.json",
);
let readings: Map<string, string[]> | undefined;
let dirty = false;
let exitHooked = false;

function onDisk(): Record<string, string[]> {
  try {
    return JSON.parse(readFileSync(CACHE, "utf8")) as Record<string, string[]>;
  } catch {
    return {};
  }
}

function cached(): Map<string, string[]> {
  readings ??= new Map(Object.entries(onDisk()));
  return readings;
}

function save(): void {
  if (!dirty || !readings) return;
  dirty = false;
  try {
    mkdirSync(path.dirname(CACHE), { recursive: true });
    // Both threads of a build may save at once: each writes its own file and renames it into place.
    const temp = `${CACHE}.${process.pid}.${threadId}`;
    // Another process (a test file run beside this one, a second build) may have saved since this
    // thread read the file: keep what it added rather than overwrite it with this thread's older copy.
    for (const [char, list] of Object.entries(onDisk())) if (!readings.has(char)) readings.set(char, list);
    writeFileSync(temp, JSON.stringify(Object.fromEntries([...readings].sort())));
    renameSync(temp, CACHE);
  } catch {
    // A read-only checkout only loses the speed-up.
  }
}

function readingsOf(char: string): string[] {
  const map = cached();
  let list = map.get(char);
  if (!list) {
    pinyin ??= (createRequire(import.meta.url)("pinyin-pro") as { pinyin: Pinyin }).pinyin;
    list = pinyin(char, { toneType: "none", multiple: true, type: "array" });
    map.set(char, list);
    if (!dirty) {
      // Saved as soon as the thread's work lets it, not only at exit: a build's render worker is
      // terminated, and a terminated thread runs no exit handler, so what it looked up was lost
      // and every build loaded pinyin-pro again for the same characters.
      setImmediate(save).unref();
      if (!exitHooked) process.once("exit", save);
      exitHooked = true;
    }
    dirty = true;
  }
  return list;
}

const HAN = /^[\u3400-\u9fff]$/;

export function isHomophone(a: string, b: string): boolean {
  if (a === b || !HAN.test(a) || !HAN.test(b)) return false;
  const other = readingsOf(b);
  return readingsOf(a).some((r) => other.includes(r));
}
