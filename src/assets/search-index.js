/**
 * Reading the search index in the Worker (docs/search.md, "Layout"; the build writes it in
 * src/search/gram-files.ts and doc-store.ts): fetching its gzip files a few at a time, the
 * buckets, a gram's page lists and positions, records and text pieces. Every file is fetched
 * once per Worker.
 */
import { Reader } from "./search-stream.js";

/** Requests in flight at once, over every index the Worker has open: no request storm whatever the query. */
const IN_FLIGHT = 6;
/** `later`: requests that only get a slot when no other request is waiting (prefetches). */
const slots = { active: 0, queue: [], later: [] };
/** Index files whose response came, over every index the Worker has open (search-current.js). */
let read = 0;
export const filesRead = () => read;

export class IndexFiles {
  /** `version`: the index's own (index.json), on every URL so no cached file of another build is used. */
  constructor(base, version) {
    this.base = base;
    this.version = version;
    this.cache = new Map();
  }

  /**
   * The unpacked bytes of a gzip file of the index. `later`: a prefetch, given a slot only when no
   * other request waits; asked for again without it, it waits with the others.
   */
  bytes(rel, { later = false } = {}) {
    let entry = this.cache.get(rel);
    if (!entry) {
      const ticket = { later, resolve: undefined };
      entry = { ticket, load: this.fetched(rel, ticket) };
      this.cache.set(rel, entry);
      entry.load.catch(() => this.cache.delete(rel));
    } else if (!later && entry.ticket.later) promote(entry.ticket);
    return entry.load;
  }

  fetched(rel, ticket) {
    return slot(ticket, async () => {
      const response = await fetch(`${this.base}${rel}?v=${this.version}`);
      read++;
      if (!response.ok) throw new Error(`${rel}: ${response.status}`);
      return unpack(response);
    });
  }

  async json(rel) {
    return JSON.parse(new TextDecoder().decode(await this.bytes(rel)));
  }
}

/** The bytes of a gzip response, unpacked. */
async function unpack(response) {
  const stream = response.body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Runs `task` once one of the IN_FLIGHT slots is free (`ticket.later`: after every other waiting task). */
async function slot(ticket, task) {
  if (slots.active >= IN_FLIGHT || (ticket.later && slots.queue.length))
    await new Promise((resolve) => {
      ticket.resolve = resolve;
      (ticket.later ? slots.later : slots.queue).push(ticket);
    });
  slots.active++;
  try {
    return await task();
  } finally {
    slots.active--;
    (slots.queue.shift() ?? slots.later.shift())?.resolve();
  }
}

/** A prefetch that is needed now: it waits with the others from here on. */
function promote(ticket) {
  ticket.later = false;
  const at = slots.later.indexOf(ticket);
  if (at >= 0) slots.queue.push(...slots.later.splice(at, 1));
}

/** A bucket file as key → { df, file, part? } (`file`: the gram's own files, `x/<key>`; no part: `<file>.gz`). */
export function parseBucket(bytes) {
  const r = new Reader(bytes);
  const grams = new Map();
  const count = r.next();
  for (let i = 0; i < count; i++) {
    const key = r.next();
    const df = r.next();
    const code = r.next();
    const length = Math.floor(code / 2);
    if (code % 2) grams.set(key, { df, file: `x/${key}` });
    else grams.set(key, { df, file: `x/${key}`, part: r.take(length) });
  }
  return grams;
}

/**
 * The head of a gram's first positions file (`x/<key>-0.gz`): { df, part, at } (`at`: where its
 * positions start).
 */
export function headOf(bytes) {
  const r = new Reader(bytes);
  const df = r.next();
  const part = r.take(r.next());
  return { df, part, at: r.at };
}

/** The keys index.json's `wide` lists (base64 of ascending varint differences). */
export function wideSet(encoded) {
  const bytes = Uint8Array.from(atob(encoded ?? ""), (c) => c.charCodeAt(0));
  const r = new Reader(bytes);
  const out = new Set();
  for (let key = 0; r.at < bytes.length; ) out.add((key += r.next()));
  return out;
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
 * Positions of one gram on the pages a search wants: per page id a run in one Int32Array (no array
 * per page: a common gram is on tens of thousands of pages, and the garbage would cost more than
 * the search).
 */
export class PositionTable {
  constructor(pages) {
    this.at = new Int32Array(pages).fill(-1);
    this.n = new Int32Array(pages);
    this.data = new Int32Array(1024);
    this.length = 0;
  }

  /** Adds a segment's positions for the pages `wanted(id)` accepts; `ids`: its pages in list order. */
  add(pos, ids, wanted) {
    const r = new Reader(pos);
    for (const id of ids) {
      const count = r.next();
      if (!wanted(id)) {
        for (let i = 0; i < count; i++) r.next();
        continue;
      }
      if (this.length + count > this.data.length) {
        const next = new Int32Array(Math.max(this.data.length * 2, this.length + count));
        next.set(this.data.subarray(0, this.length));
        this.data = next;
      }
      this.at[id] = this.length;
      this.n[id] = count;
      let p = 0;
      for (let i = 0; i < count; i++) this.data[this.length++] = p += r.next();
    }
    return this;
  }
}

/**
 * The start positions on page `id` where each gram sits at its offset from the start (`tables[k]`
 * holds the positions of the gram at `offsets[k]`). Positions are ascending, so each gram's run
 * is walked once.
 */
export function startsOn(id, offsets, tables) {
  const head = tables[0];
  if (head.at[id] < 0) return [];
  const ptr = tables.map((t) => t.at[id]);
  if (ptr.some((p) => p < 0)) return [];
  const end = tables.map((t, k) => ptr[k] + t.n[id]);
  const starts = [];
  for (let i = ptr[0]; i < end[0]; i++) {
    const start = head.data[i] - offsets[0];
    let ok = true;
    for (let k = 1; k < tables.length && ok; k++) {
      const want = start + offsets[k];
      const d = tables[k].data;
      while (ptr[k] < end[k] && d[ptr[k]] < want) ptr[k]++;
      ok = ptr[k] < end[k] && d[ptr[k]] === want;
    }
    if (ok) starts.push(start);
  }
  return starts;
}
