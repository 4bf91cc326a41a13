/**
 * One site's search index as the Worker reads it (docs/search.md, "Layout"): its manifest, its
 * filter columns, a gram's entry with its page lists and positions, the pages' records and text
 * pieces, and (for searches over several sites, which merge by date) each page's date. The
 * matching itself is search-match.js; search-worker.js answers the page.
 */
import { IndexFiles, PositionTable, eachListed, headOf, parseBucket, parsePart, wideSet } from "./search-index.js";
import { LEAD_CHARS, bucketFile, codePoints, titleStream, Reader } from "./search-stream.js";
import { INDEX_FORMAT, TITLE_SPAN, foldText } from "./search-query.js";
import { EXCERPT_AFTER, boundary, escapeMeta, excerptOf, matchRanges, plainMeta } from "./search-result.js";
import { LONG_BASE, reachOf } from "./search-long.js";
import { servedManifest } from "./search-served.js";

export class SiteIndex {
  /** `bundle`: the index folder's URL, ending in "/". */
  constructor(bundle) {
    this.bundle = bundle;
    /** Result URLs are the site's, under the folder above its index. */
    this.base = bundle.replace(/pagefind\/$/, "");
  }

  /** `manifest`: index.json, when the caller has it already (else fetched, revalidated: search-served.js). */
  async open(manifest) {
    return this.withManifest(manifest ?? (await servedManifest(this.bundle)));
  }

  /** Opened on a manifest the caller has (worker.js's own, search-worker.js). */
  withManifest(manifest) {
    if (manifest.format !== INDEX_FORMAT) throw new Error(`index format ${manifest.format}`);
    this.manifest = manifest;
    this.files = new IndexFiles(this.bundle, manifest.version);
    return this;
  }

  /** True when `other` was opened on the same manifest (and so reads the same files). */
  sameAs(other) {
    return this.bundle === other.bundle && JSON.stringify(this.manifest) === JSON.stringify(other.manifest);
  }

  get pages() {
    return this.manifest.pages;
  }

  /** The filter columns: per filter, each page's value index + 1 (0: none). */
  facetColumns() {
    this.columns ??= this.files.bytes("f.gz").then((bytes) => {
      const out = {};
      const r = new Reader(bytes);
      for (const { key } of this.manifest.facets) {
        const col = new Uint16Array(this.pages);
        for (let id = 0; id < this.pages; id++) col[id] = r.next();
        out[key] = col;
      }
      return out;
    });
    return this.columns;
  }

  /** Each page's date as minutes (0: undated), for merging several sites' results by date. */
  dates() {
    this.dateColumn ??= this.files.bytes("o.gz").then((bytes) => {
      const r = new Reader(bytes);
      const out = new Float64Array(this.pages);
      let value = 0;
      for (let id = 0; id < this.pages; id++) {
        const z = r.next();
        value -= z % 2 ? -(z + 1) / 2 : z / 2;
        out[id] = value;
      }
      return out;
    });
    return this.dateColumn;
  }

  /** Per filter, the count of each value among `ids`. */
  countBy(cols, ids) {
    const counts = {};
    for (const { key, values } of this.manifest.facets) {
      const col = cols[key];
      const n = new Uint32Array(values.length + 1);
      for (let i = 0; i < ids.length; i++) n[col[ids[i]]]++;
      counts[key] = {};
      values.forEach((v, i) => n[i + 1] && (counts[key][v] = n[i + 1]));
    }
    return counts;
  }

  /**
   * The pages carrying each selected filter value: 1 for a candidate, 0 else. Without a filter the
   * search does not wait for the filter columns (they are needed only for the counts, at the end).
   */
  async candidatesFor(selected) {
    const candidates = new Uint8Array(this.pages).fill(1);
    const chosen = Object.entries(selected ?? {});
    if (!chosen.length) return candidates;
    const cols = await this.facetColumns();
    for (const [key, value] of chosen) {
      const at = this.manifest.facets.find((f) => f.key === key)?.values.indexOf(value) ?? -1;
      const col = cols[key];
      // A value this index does not have: none of its pages (0 in a column means "no value").
      for (let id = 0; id < candidates.length; id++) if (!col || at < 0 || col[id] !== at + 1) candidates[id] = 0;
    }
    return candidates;
  }

  shardSize(k) {
    return (this.manifest.shards[k + 1] ?? this.pages) - this.manifest.shards[k];
  }

  /** True for a common gram, whose first positions file holds its part (index.json `wide`). */
  isWide(key) {
    this.wide ??= wideSet(this.manifest.wide);
    return this.wide.has(key);
  }

  /** Fetches the bucket holding a gram, when nothing else is waiting for a request (search-index.js). */
  prefetchGram(key) {
    this.files.bytes(bucketFile(key, this.manifest), { later: true }).catch(() => undefined);
  }

  /**
   * A gram's entry: { df, key, file, segments } (df 0 and no segments when no page has it).
   * `positions`: its positions will be needed, so a wide gram's first positions file (its part and
   * the first shards' positions) is fetched instead of its bucket: one request, not two.
   */
  async gram(key, { positions = false } = {}) {
    if (positions && this.isWide(key)) {
      const head = headOf(await this.files.bytes(`x/${key}-h.gz`));
      return { df: head.df, key, file: `x/${key}`, segments: parsePart(head.part) };
    }
    const bucket = await this.files.bytes(bucketFile(key, this.manifest)).then(parseBucket);
    const entry = bucket.get(key);
    if (!entry) return { df: 0, segments: [], file: "" };
    const part = entry.part ?? (await this.files.bytes(`${entry.file}.gz`));
    return { df: entry.df, key, file: entry.file, segments: parsePart(part) };
  }

  /** The positions in a gram's positions file j (a wide gram's first one: after its head). */
  async positionsFile(g, j) {
    if (j > 0 || !this.isWide(g.key)) return this.files.bytes(`${g.file}-${j}.gz`);
    const bytes = await this.files.bytes(`${g.file}-h.gz`);
    return bytes.subarray(headOf(bytes).at);
  }

  /** Tiers + 1 of a gram's pages (0: not listed). */
  listOf(g) {
    const out = new Uint8Array(this.pages);
    for (const s of g.segments)
      eachListed(s.list, this.manifest.shards[s.shard], this.shardSize(s.shard), (id, tier) => (out[id] = tier + 1));
    return out;
  }

  /** Positions of a gram on the candidate pages (a PositionTable). */
  async positionsOn(g, candidates) {
    const table = new PositionTable(this.pages);
    const wanted = (id) => candidates[id] > 0;
    const segments = g.segments.map((s) => {
      const ids = [];
      eachListed(s.list, this.manifest.shards[s.shard], this.shardSize(s.shard), (id) => ids.push(id));
      return { s, ids };
    });
    // Fetched side by side, added in segment order.
    const bytes = await Promise.all(
      segments.map(async ({ s, ids }) => {
        if (!ids.some(wanted)) return undefined;
        return (
          s.pos ??
          (await this.positionsFile(g, s.posFile - 1)).subarray(s.posOffset, s.posOffset + s.posLength)
        );
      }),
    );
    // A long gram's positions come after what its occurrences have around them (search-long.js reachOf).
    const long = g.key >= LONG_BASE;
    segments.forEach(({ ids }, k) => bytes[k] && table.add(long ? bytes[k].subarray(reachOf(bytes[k]).at) : bytes[k], ids, wanted));
    return table;
  }

  record(id) {
    return this.files.json(`d/${Math.floor(id / this.manifest.chunk)}.gz`).then((c) => c[id % this.manifest.chunk]);
  }

  /** A text piece as stored (HTML-escaped, like meta). */
  async storedPiece(record, i) {
    const [n, k] = record.p[i];
    return (await this.files.json(`t/${record.s}-${n}.gz`))[k];
  }

  async piece(record, i) {
    return plainMeta({ t: await this.storedPiece(record, i) }).t;
  }

  /** A page's whole stream, from its title and every text piece. */
  async streamOf(id) {
    const record = await this.record(id);
    const stream = titleStream(plainMeta(record.meta).title);
    const pieces = await Promise.all(record.p.map((_, i) => this.piece(record, i)));
    for (const text of pieces) for (const cp of codePoints(foldText(text))) stream.push(cp);
    return stream;
  }

  /**
   * A result's excerpt from the start of its text kept in its record (`l`, the build's leadOf), or
   * undefined when the text file is needed. The excerpt is the one the first piece would give: the
   * first match in the lead, with all EXCERPT_AFTER units after its start inside the lead (or the lead
   * is all of the first piece). A result matched in its title and not in the lead shows how its text
   * opens (its title shows the match).
   */
  leadExcerpt(record, terms, at) {
    if (record.l === undefined) return undefined;
    if (at !== undefined && at >= TITLE_SPAN && record.p.length > 1 && at >= record.p[1][2]) return undefined;
    const kept = plainMeta({ l: record.l }).l;
    // The lead holds one character more than LEAD_CHARS when the text goes on: that character only
    // says so (it may be the text's last), so no excerpt shows it.
    const more = kept.length > LEAD_CHARS;
    const lead = more ? kept.slice(0, boundary(kept, LEAD_CHARS)) : kept;
    const around = { after: more || record.p.length > 1 };
    // Where excerptOf finds the first match: in the lead as it flattens it.
    const flat = lead.replace(/\s+/g, " ").trimStart();
    const first = matchRanges(flat, terms)[0];
    if (!first) return at !== undefined && at < TITLE_SPAN ? excerptOf(lead, terms, "", around) : undefined;
    // Ending before the lead does, the excerpt is the first piece's to the character (its end and …).
    return !more || first[0] + EXCERPT_AFTER < flat.length ? excerptOf(lead, terms, "", around) : undefined;
  }

  /**
   * A result's URL (and its path on the site, `path`) and metadata with an excerpt (`text`) of the
   * piece of its text holding the first match (`at`, a position in its stream), or of the first
   * piece holding a term.
   */
  async dataOf(id, terms, at) {
    const record = await this.record(id);
    const path = record.url.replace(/^\//, "");
    const title = plainMeta({ title: record.meta.title }).title;
    let excerpt = this.leadExcerpt(record, terms, at);
    if (excerpt === undefined) {
      let i = 0;
      if (at !== undefined) i = Math.max(0, record.p.findLastIndex((p) => p[2] <= at));
      let text = await this.storedPiece(record, i);
      // No position known (terms of one or two characters): the first of a few pieces holding one.
      for (let k = 1; at === undefined && k < Math.min(4, record.p.length); k++) {
        const folded = foldText(plainMeta({ t: text }).t).replace(/\s+/gu, " ");
        if (terms.some((t) => folded.includes(t))) break;
        text = await this.storedPiece(record, (i = k));
      }
      excerpt = excerptOf(plainMeta({ text }).text, terms, title, { before: i > 0, after: i < record.p.length - 1 });
    }
    const marks = { title: matchRanges(title, terms), text: matchRanges(excerpt, terms) };
    return { url: `${this.base}${path}`, path, meta: { ...record.meta, text: escapeMeta(excerpt) }, marks };
  }
}
