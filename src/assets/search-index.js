/**
 * Reading the search index in the Worker (docs/search.md, "Layout"; the build writes it in
 * src/search/gram-files.ts and doc-store.ts): fetching its gzip files a few at a time, the
 * buckets, a gram's page lists and positions, records and text pieces. Every file is fetched
 * once per Worker.
 */
import { Reader } from "./search-stream.js";

/** Requests in flight at once, over every index the Worker has open: no request storm whatever the query. */
const IN_FLIGHT = 6;
const slots = { active: 0, queue: [] };

export class IndexFiles {
  /** `version`: the index's own (index.json), on every URL so no cached file of another build is used. */
  constructor(base, version) {
    this.base = base;
    this.version = version;
    this.cache = new Map();
  }

  /** The unpacked bytes of a gzip file of the index. */
  bytes(rel) {
    if (!this.cache.has(rel)) {
      const load = this.slot(async () => {
        const response = await fetch(`${this.base}${rel}?v=${this.version}`);
        if (!response.ok) throw new Error(`${rel}: ${response.status}`);
        const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
        return new Uint8Array(await new Response(stream).arrayBuffer());
      });
      this.cache.set(rel, load);
      load.catch(() => this.cache.delete(rel));
    }
    return this.cache.get(rel);
  }

  async json(rel) {
    return JSON.parse(new TextDecoder().decode(await this.bytes(rel)));
  }

  async slot(task) {
    if (slots.active >= IN_FLIGHT) await new Promise((resolve) => slots.queue.push(resolve));
    slots.active++;
    try {
      return await task();
    } finally {
      slots.active--;
      slots.queue.shift()?.();
    }
  }
}

/** A bucket file as key → { df, part } or { df, external: "x/b-i" }. */
export function parseBucket(bytes, b) {
  const r = new Reader(bytes);
  const grams = new Map();
  const count = r.next();
  for (let i = 0; i < count; i++) {
    const key = r.next();
    const df = r.next();
    const code = r.next();
    const length = Math.floor(code / 2);
    if (code % 2) grams.set(key, { df, file: `x/${b}-${i}` });
    else grams.set(key, { df, file: `x/${b}-${i}`, part: r.take(length) });
  }
  return grams;
}

/** A gram's part: its segments, each { shard, list, posLength, posFile, pos? , posOffset }. */
export function parsePart(bytes) {
  const r = new Reader(bytes);
  const n = r.next();
  const segments = [];
  for (let k = 0; k < n; k++) segments.push({ shard: r.next(), listLength: r.next(), posLength: r.next(), posFile: r.next() });
  for (const s of segments) s.list = r.take(s.listLength);
  const offsets = new Map();
  for (const s of segments) {
    if (s.posFile === 0) s.pos = r.take(s.posLength);
    else {
      s.posOffset = offsets.get(s.posFile) ?? 0;
      offsets.set(s.posFile, s.posOffset + s.posLength);
    }
  }
  return segments;
}

/**
 * Calls visit(id, tier) for every page of a segment's list; `first` and `size` are the shard's
 * first id and page count.
 */
export function eachListed(list, first, size, visit) {
  const r = new Reader(list);
  const head = r.next();
  const count = Math.floor(head / 2);
  if (head % 2 === 1) {
    const bits = list.subarray(r.at);
    for (let j = 0; j < size; j++) {
      const v = (bits[j >> 2] >> ((j & 3) * 2)) & 3;
      if (v) visit(first + j, v - 1);
    }
    return;
  }
  let j = -1;
  for (let i = 0; i < count; i++) {
    const v = r.next();
    j += Math.floor(v / 4) + 1;
    visit(first + j, v % 4);
  }
}

/**
 * Positions of a segment's pages, for the pages `wanted(id)` accepts: Map id → positions.
 * `ids` are the segment's pages in list order.
 */
export function positionsOf(pos, ids, wanted) {
  const r = new Reader(pos);
  const out = new Map();
  for (const id of ids) {
    const count = r.next();
    if (!wanted(id)) {
      for (let i = 0; i < count; i++) r.next();
      continue;
    }
    const list = new Array(count);
    let p = 0;
    for (let i = 0; i < count; i++) list[i] = p += r.next();
    out.set(id, list);
  }
  return out;
}
