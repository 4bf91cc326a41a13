/**
 * Same pinyin, tones ignored (an input method's typo: 张建华 → 张建化). pinyin-pro is loaded on the
 * first question only: it costs ~0.3 s to load and most checks never ask, since a question is
 * asked only for a near miss that the automaton already found.
 */
import { createRequire } from "node:module";

type Pinyin = (text: string, options: object) => string[];
let pinyin: Pinyin | undefined;
const readings = new Map<string, Set<string>>();

function readingsOf(char: string): Set<string> {
  let set = readings.get(char);
  if (!set) {
    pinyin ??= (createRequire(import.meta.url)("pinyin-pro") as { pinyin: Pinyin }).pinyin;
    set = new Set(pinyin(char, { toneType: "none", multiple: true, type: "array" }));
    readings.set(char, set);
  }
  return set;
}

const HAN = /^[\u3400-\u9fff]$/;

export function isHomophone(a: string, b: string): boolean {
  if (a === b || !HAN.test(a) || !HAN.test(b)) return false;
  const other = readingsOf(b);
  for (const r of readingsOf(a)) if (other.has(r)) return true;
  return false;
}
