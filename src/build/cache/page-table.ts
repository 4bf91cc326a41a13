/**
 * The cache index's pages (index-file.ts), as the file holds them: one column per field, and the
 * row of each output file. At 50k items ~95k rows: a [key, sha256, reads] array per row, filled
 * from the columns on opening and emptied into them on saving, made ~190k arrays for the
 * collector per build.
 */
export class PageTable {
  private readonly rows = new Map<string, number>();
  /**
   * The text each string column was split from, when the table was read from a file in lines
   * (index-file.ts): the next index carries the rows that did not change from it (column-carry.ts).
   */
  texts?: Partial<Record<StringColumn, string>>;
  /**
   * The bytes of those texts that are ASCII (views of the file read): the next index carries its
   * unchanged rows as these bytes, with no text made nor encoded (column-carry.ts `carriedBytes`).
   */
  ascii?: Partial<Record<StringColumn, Uint8Array>>;

  constructor(
    readonly files: string[] = [],
    readonly keys: string[] = [],
    readonly sha256s: string[] = [],
    /** Per row, its list of reads: an index into the index's `reads`. */
    readonly reads: number[] = [],
    /** Per row, its list page's hint ("" for none): list-hints.ts. */
    readonly hints: string[] = [],
  ) {
    for (let i = 0; i < files.length; i++) this.rows.set(files[i], i);
  }

  get size(): number {
    return this.files.length;
  }

  /** The row of `file`, or undefined (of a table that was given every file by `set` or on opening). */
  row(file: string): number | undefined {
    return this.rows.get(file);
  }

  /**
   * `row(file)`, tried first at `guess` by a string compare: a build meets its pages in the order
   * the last one stored them, so the row after the last one found is nearly always the next
   * page's, and a map lookup per page (~80k at 50k items) is spared. Files are distinct (`distinct`).
   */
  rowNear(file: string, guess: number): number | undefined {
    return guess < this.files.length && this.files[guess] === file ? guess : this.rows.get(file);
  }

  /** No file is listed twice (a table read from a file that lists one twice is not one this code wrote). */
  get distinct(): boolean {
    return this.rows.size === this.files.length;
  }

  set(file: string, key: string, sha256: string, reads: number, hint: string): void {
    const row = this.rows.get(file);
    if (row === undefined) this.rows.set(file, this.append(file, key, sha256, reads, hint));
    else this.setRow(row, key, sha256, reads, hint);
  }

  /**
   * Adds a row for `file`, which the caller knows is not in the table, without noting it for
   * `row`: a build carries ~80k rows over at 50k items, each a map lookup and insert otherwise.
   */
  append(file: string, key: string, sha256: string, reads: number, hint: string): number {
    const row = this.files.push(file) - 1;
    this.setRow(row, key, sha256, reads, hint);
    return row;
  }

  setRow(row: number, key: string, sha256: string, reads: number, hint: string): void {
    this.keys[row] = key;
    this.sha256s[row] = sha256;
    this.reads[row] = reads;
    this.hints[row] = hint;
  }
}

/** The table's columns of strings, as the index file holds them (one section each). */
export const STRING_COLUMNS = ["files", "keys", "sha256s", "hints"] as const;
export type StringColumn = (typeof STRING_COLUMNS)[number];
