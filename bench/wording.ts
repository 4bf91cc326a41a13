/**
 * The pre-publication checks' share of load+validate (issue 16: at most 10 %). Two fresh
 * processes, so that both figures are first runs, as in a build:
 *   node --import tsx bench/wording.ts check <config> <contentDir> <now-ms>
 *     → { checkSiteMs }: load+validate as a build runs it, the checks included;
 *   node --import tsx bench/wording.ts checks <config> <contentDir> <now-ms>
 *     → { wordingMs, wordingWarmMs, signoffMs, datesMs, findings }: the records loaded, then the
 *       checks alone (the wording check's first run includes compiling the automaton and, if a
 *       near miss needs it, loading the pinyin dictionary; a second, warm run for comparison).
 * Times are CPU milliseconds (user + system): on a shared machine wall time mostly measures the
 * neighbours.
 */
import { loadSiteConfig } from "../src/config/load.ts";
import { checkSite } from "../src/build/load-state.ts";
import { loadContent } from "../src/content/loader.ts";
import { wordingProblems } from "../src/check/wording/check.ts";
import { signoffProblems } from "../src/check/signoff.ts";
import { DEFAULT_TYPES } from "../src/content-types/index.ts";
import { backdatingProblems } from "../src/check/dates.ts";

const [mode, config, contentDir, nowText] = process.argv.slice(2);
if (!["check", "checks"].includes(mode) || !config || !contentDir || !nowText)
  throw new Error("usage: wording.ts check|checks <config> <contentDir> <now-ms>");
const now = Number(nowText);

const site = await loadSiteConfig(config);
const timed = <T>(work: () => T): [T, number] => {
  const start = process.cpuUsage();
  const result = work();
  const used = process.cpuUsage(start);
  return [result, Math.round((used.user + used.system) / 1000)];
};
if (mode === "check") {
  const [, checkSiteMs] = timed(() => checkSite({ site, contentDir, now }));
  console.log(JSON.stringify({ checkSiteMs }));
} else {
  const records = loadContent({ site, contentDir, now }).all;
  const [findings, wordingMs] = timed(() => wordingProblems(site, DEFAULT_TYPES, records));
  const [, signoffMs] = timed(() => signoffProblems(site, DEFAULT_TYPES, records));
  const [, datesMs] = timed(() => backdatingProblems(site, records, contentDir, now));
  const [, wordingWarmMs] = timed(() => wordingProblems(site, DEFAULT_TYPES, records));
  console.log(JSON.stringify({ wordingMs, wordingWarmMs, signoffMs, datesMs, findings: findings.length }));
}
