/**
 * The dev server's site: one full build, then per edit only what the edit affects.
 *
 * A rebuild reloads content through the record cache (only changed files are read and
 * validated), rebuilds the portal (sort once, group once: linear and cheap), renders the detail
 * pages of changed records and of the records that show them (a policy and its 解读), renders
 * every other page (lists, home, tallies …: a few per hundred items) and writes only those whose
 * HTML changed since last time. Pages that no longer exist are removed. Only a hash per page is
 * kept between rebuilds, never the HTML. Content errors leave the served output as it was.
 */
import { createHash } from "node:crypto";
import { mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Site } from "../config/schema.ts";
import type { ContentRecord } from "../content/types.ts";
import { RecordCache } from "../content/record-cache.ts";
import { ContentError, type Problem } from "../problems/problems.ts";
import { buildSite } from "../build/build-site.ts";
import { keepDevRecords, openDevRecords } from "./dev-records.ts";
import { orderSteps, type BuildStep } from "../build/steps.ts";
import { SEARCH_BUNDLE_DIR, SEARCH_STEP, writeSearchScripts } from "../search/index-step.ts";
import { createState } from "../build/load-state.ts";
import { defaultParts } from "../build/defaults.ts";
import type { SiteParts } from "../build/outputs.ts";
import type { BuildState } from "../eleventy/state.ts";
import { outputFileOf, type VirtualPage } from "../eleventy/site-outputs.ts";
import type { ReadStamps } from "./catch-up.ts";
import { Fingerprints, firstWhatShows, pagesShowing } from "./page-selection.ts";

export interface DevSiteOptions {
  site: Site;
  contentDir: string;
  outDir: string;
  now: number;
  includeDrafts?: boolean;
  /** Page sources and after-render steps (default: the portal's). */
  parts?: SiteParts;
  /** The build cache (src/build/cache/) for the first build. */
  cacheDir?: string;
}

export type RebuildReport =
  | {
      ok: true;
      ms: number;
      /** The content files whose records changed, appeared or went, as problems name them, sorted. */
      changedFiles: string[];
      written: string[];
      removed: string[];
      warnings: Problem[];
    }
  | { ok: false; ms: number; problems: Problem[] };

const hashOf = (text: string) => createHash("sha1").update(text).digest("base64");

/**
 * List pages (the portal's lists, the statistics audit lists) are rendered from their
 * ListPageData alone (`listPage(ctx, data)`, and ctx does not
 * change while the server runs), so a list page whose data names the same record objects and the
 * same counts renders the same HTML and need not be rendered again. Records stand in by identity
 * (a changed file gives a new record object); functions (a topic's introduction) never compare
 * equal, so those pages are always rendered.
 */
const LIST_TEMPLATES = new Set(["gongkai-lists.11ty.js", "gongkai-statistics-audit.11ty.js"]);

/** The search index step, declared (its folder) but left to the background refresh; only the page's scripts now. */
const inBackground = (step: BuildStep): BuildStep =>
  step.name === SEARCH_STEP
    ? { ...step, run: (_state, outDir) => writeSearchScripts(path.join(outDir, SEARCH_BUNDLE_DIR)) }
    : step;

export class DevSite {
  private readonly cache: RecordCache;
  private current: BuildState;
  /** Hash of every page not made from a single record, by output file. */
  private hashes = new Map<string, string>();
  /** Fingerprint of each list page's data, by output file. */
  private listInputs = new Map<string, string>();
  private readonly fingerprints = new Fingerprints();
  /** Every output file the templates produced last time. */
  private outputs = new Set<string>();
  /** The records of one state, to tell detail pages (one per record) from all other pages. */
  private recordSet?: { state: BuildState; records: Set<unknown> };

  private constructor(
    readonly options: DevSiteOptions,
    cache: RecordCache,
    state: BuildState,
  ) {
    this.cache = cache;
    this.current = state;
  }

  private get parts(): SiteParts {
    return this.options.parts ?? defaultParts;
  }

  /**
   * Full build into outDir (every page, every after-render step but the search index, which the
   * session builds in the background: src/dev/search-refresh.ts), then remembers what it made.
   */
  static async start(
    options: DevSiteOptions,
    /** Told the loaded and validated state before anything is rendered (src/dev/first-pages.ts). */
    onState?: (state: BuildState) => void,
  ): Promise<{ site: DevSite; timings: Record<string, number> }> {
    const cache = openDevRecords(options);
    const parts = options.parts ?? defaultParts;
    const { state, timings } = await buildSite({
      ...options,
      cache,
      parts: { ...parts, steps: parts.steps.map(inBackground) },
      onState,
    });
    keepDevRecords(options, cache);
    const dev = new DevSite(options, cache, state);
    const started = performance.now();
    dev.fingerprints.records = new Set(state.portal.records);
    // The build's own enumeration of its pages (src/build/outputs.ts): what it wrote, by output file.
    for (const page of state.outputs.pages) {
      const file = outputFileOf(page.url);
      dev.outputs.add(file);
      if (dev.isRecordPage(page, state)) continue;
      dev.hashes.set(file, hashOf(await page.render()));
      if (LIST_TEMPLATES.has(page.template)) dev.listInputs.set(file, dev.fingerprints.of(page.item));
    }
    timings["dev index"] = Math.round(performance.now() - started);
    return { site: dev, timings };
  }

  get state(): BuildState {
    return this.current;
  }

  /** How each content file was when its record was read (src/dev/catch-up.ts). */
  readStamps(): ReadStamps {
    return new Map(this.cache.snapshot());
  }

  private isRecordPage(page: VirtualPage, state: BuildState): boolean {
    if (this.recordSet?.state !== state) this.recordSet = { state, records: new Set(state.portal.records) };
    return this.recordSet.records.has(page.item);
  }

  /** Reloads content and rewrites what changed. Never throws for content problems. */
  async rebuild(): Promise<RebuildReport> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const previous = this.current;
    let state: BuildState;
    try {
      state = createState({ ...this.options, cache: this.cache }, this.parts);
    } catch (err) {
      if (err instanceof ContentError) return { ok: false, ms: ms(), problems: err.problems };
      throw err;
    }
    const before = new Set<ContentRecord>(previous.portal.records);
    const after = new Set<ContentRecord>(state.portal.records);
    const changed = [...after].filter((r) => !before.has(r));
    const gone = [...before].filter((r) => !after.has(r));
    const affected = new Set<ContentRecord>(changed);
    for (const r of changed) for (const other of pagesShowing(state.portal, r)) affected.add(other);
    for (const r of [...gone, ...changed])
      for (const other of pagesShowing(previous.portal, r)) if (after.has(other)) affected.add(other);

    this.current = state;
    const written: string[] = [];
    const outputs = new Set<string>();
    const hashes = new Map<string, string>();
    const listInputs = new Map<string, string>();
    this.fingerprints.records = after;
    for (const page of firstWhatShows(state.outputs.pages, affected)) {
      const file = outputFileOf(page.url);
      outputs.add(file);
      if (this.isRecordPage(page, state)) {
        if (affected.has(page.item as ContentRecord) || !this.outputs.has(file))
          written.push(await this.write(file, await page.render()));
        continue;
      }
      const previousHash = this.hashes.get(file);
      if (LIST_TEMPLATES.has(page.template)) {
        const input = this.fingerprints.of(page.item);
        listInputs.set(file, input);
        if (previousHash !== undefined && this.listInputs.get(file) === input) {
          hashes.set(file, previousHash);
          continue;
        }
      }
      const html = await page.render();
      const hash = hashOf(html);
      hashes.set(file, hash);
      if (previousHash !== hash) written.push(await this.write(file, html));
    }
    const removed = [...this.outputs].filter((file) => !outputs.has(file));
    for (const file of removed) await this.remove(file);
    this.outputs = outputs;
    this.hashes = hashes;
    this.listInputs = listInputs;
    for (const step of orderSteps(this.parts.steps))
      if (step.onEdit) await step.run(state, this.options.outDir);
    return {
      ok: true,
      ms: ms(),
      changedFiles: [...new Set([...changed, ...gone].map((r) => r.file))].sort(),
      written,
      removed,
      warnings: state.warnings,
    };
  }

  private async write(file: string, html: string): Promise<string> {
    const abs = path.join(this.options.outDir, file);
    await mkdir(path.dirname(abs), { recursive: true });
    // A new file, not the old one rewritten: the old one may be a hard link into the build cache.
    await rm(abs, { force: true });
    await writeFile(abs, html);
    return file;
  }

  private async remove(file: string): Promise<void> {
    const abs = path.join(this.options.outDir, file);
    await rm(abs, { force: true });
    // The folder a detail page lived in, when nothing else is left in it.
    await rmdir(path.dirname(abs)).catch(() => undefined);
  }
}
