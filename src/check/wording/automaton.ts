/**
 * Aho–Corasick over UTF-16 code units, compiled to a dense transition table so a scan is one
 * typed-array load per character. The npm packages measured were too slow for 50k items of Chinese
 * text (modern-ahocorasick 3.3.0 segments graphemes: ~0.9 s for 20k CJK characters and growing
 * faster than the text; ahocorasick 1.0.2 keys objects by character: ~1.5 µs a character), and the
 * check must stay within 10 % of load+validate. Characters that occur in no pattern share class 0,
 * which always leads back to the root, so the table is states × (pattern alphabet + 1).
 */
export class Automaton {
  private readonly classOf = new Uint16Array(65536);
  private readonly width: number;
  /**
   * The transitions, state × class. A state is held as the offset of its row (state × width), so
   * a step is one add and one load; a state some pattern ends at is held negated (the root, the
   * only row at offset 0, ends none), so one sign test per character finds the matches.
   */
  private readonly next: Int32Array;
  /** Pattern ids ending at each state (by row offset ÷ width), suffix matches included. */
  private readonly out: number[][];
  private readonly lengths: Int32Array;
  /**
   * `classOf` with the flags of the last `marks` given to `scan` in bit 15 (made once per marks
   * table). Bit 15 is free: each class is an edge of the trie, so 32k classes would need a table of
   * over 32k × 32k entries (4 GB).
   */
  private flagged?: { marks: Uint8Array; classes: Uint16Array };

  constructor(readonly patterns: readonly string[]) {
    let classes = 0;
    for (const p of patterns)
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        if (this.classOf[c] === 0) this.classOf[c] = ++classes;
      }
    this.width = classes + 1;
    // The trie, grown as plain arrays first; the dense table is filled breadth-first below.
    const trie: Map<number, number>[] = [new Map<number, number>()];
    const out: number[][] = [[]];
    patterns.forEach((p, id) => {
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const k = this.classOf[p.charCodeAt(i)];
        let t = trie[s].get(k);
        if (t === undefined) {
          t = trie.length;
          trie[s].set(k, t);
          trie.push(new Map<number, number>());
          out.push([]);
        }
        s = t;
      }
      if (p.length > 0) out[s].push(id);
    });
    // Each cell holds its final value as it is written (the target's row offset, negated where a
    // pattern ends there), so no pass over the whole table follows: that pass, ~0.5M cells, ran
    // mostly in the interpreter on a first run (~5-10 ms, most of the table's cost).
    const width = this.width;
    const next = new Int32Array(trie.length * width);
    const fail = new Int32Array(trie.length);
    // A pattern ends at the state: its own, or one of its failure chain's (set once its failure is known).
    const ends = Uint8Array.from(out, (ids) => (ids.length ? 1 : 0));
    const cell = (t: number) => (ends[t] === 1 ? -t * width : t * width);
    const queue: number[] = [];
    for (const [k, t] of trie[0]) {
      next[k] = cell(t);
      queue.push(t);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head];
      const f = fail[s];
      if (out[f].length) out[s] = out[s].concat(out[f]);
      // The failure state's row (filled already: it is shallower), then this state's own edges.
      next.copyWithin(s * width, f * width, (f + 1) * width);
      for (const [k, t] of trie[s]) {
        // The failure of t: where the failure state's row leads with k (shallower than t, so its
        // own failure, and whether a pattern ends there, is known).
        const ft = Math.abs(next[f * width + k]) / width;
        fail[t] = ft;
        if (ends[ft] === 1) ends[t] = 1;
        next[s * width + k] = cell(t);
        queue.push(t);
      }
    }
    this.next = next;
    this.out = out;
    this.lengths = Int32Array.from(patterns, (p) => p.length);
  }

  private classesMarking(marks: Uint8Array): Uint16Array {
    if (this.flagged?.marks === marks) return this.flagged.classes;
    // A plain loop, not `map` with a callback: 65,536 calls cost a first run ~2 ms before they are compiled.
    const classes = this.classOf.slice();
    for (let c = 0; c < 65536; c++) if (marks[c] === 1) classes[c] |= 0x8000;
    this.flagged = { marks, classes };
    return classes;
  }

  /**
   * Offsets of the characters the last scan's `marks` flagged, in order. A new array per scan, as
   * the hits are: emptying a reused one (`length = 0`) is a call into the runtime each time.
   */
  marked: number[] = [];

  /**
   * Every occurrence, overlapping ones included, in order of end, as pairs of pattern id and start
   * offset. With `marks` (a flag per UTF-16
   * code unit), the offsets of the flagged characters are collected in `marked` in the same pass,
   * so a second rule (the typography) visits only those instead of reading the text again.
   */
  scan(text: string, marks?: Uint8Array): readonly number[] {
    const next = this.next;
    const hits: number[] = [];
    const marked: number[] = [];
    this.marked = marked;
    // Class 0 (in no pattern) leads every state back to the root: its column is all zeros.
    let s = 0;
    const n = text.length;
    if (marks === undefined) {
      const classOf = this.classOf;
      for (let i = 0; i < n; i++) {
        s = next[s + classOf[text.charCodeAt(i)]];
        if (s < 0) s = this.matched(hits, -s, i);
      }
    } else {
      const classes = this.classesMarking(marks);
      for (let i = 0; i < n; i++) {
        const k = classes[text.charCodeAt(i)];
        if (k > 0x7fff) marked.push(i);
        s = next[s + (k & 0x7fff)];
        if (s < 0) s = this.matched(hits, -s, i);
      }
    }
    return hits;
  }

  /** Records the patterns ending at row `row` with the character at `i`; returns the row. */
  private matched(hits: number[], row: number, i: number): number {
    const { lengths } = this;
    const ids = this.out[row / this.width];
    for (let k = 0; k < ids.length; k++) hits.push(ids[k], i + 1 - lengths[ids[k]]);
    return row;
  }
}
