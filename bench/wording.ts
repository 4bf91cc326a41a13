/**
 * The pre-publication checks' share of load+validate (issue 16: at most 10 %), in a fresh process:
 * checkSite (load+validate) once (it runs them), then the wording check, the sign-off and the honest-dates
 * checks again on the same records, each timed alone.
 *   node --import tsx bench/wording.ts <config> <contentDir> <now-ms>
 * Prints one JSON line: { validateMs, wordingMs, signoffMs, datesMs, findings }.
 */
import { loadSiteConfig } from "../src/config/load.ts";
import { checkSite } from "../src/build/load-state.ts";
import { wordingProblems } from "../src/check/wording/check.ts";
import { signoffProblems } from "../src/check/signoff.ts";
import { backdatingProblems } from "../src/check/dates.ts";

const [config, contentDir, now] = process.argv.slice(2);
if (!config || !contentDir || !now) throw new Error("usage: wording.ts <config> <contentDir> <now-ms>");

const site = await loadSiteConfig(config);
const timed = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, Math.round(performance.now() - start)];
};
const [validated, validateMs] = timed(() => checkSite({ site, contentDir, now: Number(now) }));
const records = validated.loaded.all;
const [findings, wordingMs] = timed(() => wordingProblems(site, records));
const [, signoffMs] = timed(() => signoffProblems(site, records));
const [, datesMs] = timed(() => backdatingProblems(site, records, contentDir, Number(now)));
console.log(JSON.stringify({ validateMs, wordingMs, signoffMs, datesMs, findings: findings.length }));
