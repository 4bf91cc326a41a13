/**
 * The record store's records (record-columns.ts) as a tape rather than as objects for
 * `v8.deserialize`: every distinct string once, every object's keys once per shape, and the values
 * as codes in one Int32Array and numbers in one Float64Array, which this module turns back into
 * the records. Opening the store is mostly making the records and the collector copying them;
 * a record as v8 keeps it is ~16 strings of its own (its type, department, column, dates), while
 * at 20k items only ~40 % of those strings are distinct. Made from the tape, the records share
 * them: 313k strings become 134k, and the records are made in ~30 % less CPU than by
 * `v8.deserialize` (~76 against ~110 ms at 20k, each in a fresh process).
 *
 * Only plain data goes on the tape: strings, numbers, booleans, null, undefined, dense arrays and
 * objects of Object.prototype (without an own `__proto__`), each object reached once (v8 gives back an object reached twice as
 * one object). A record holding anything else (a Date, a Map, an object it shares with another
 * record) is kept whole beside the tape and read back by v8 as before.
 */

import { stringsOf } from "./record-texts.ts";
import {
  ARRAY,
  FALSE,
  NULL,
  NUMBER,
  OBJECT,
  STRING,
  TRUE,
  UNDEFINED,
  WHOLE,
  type RecordTape,
} from "./record-tape-codes.ts";

export type { RecordTape } from "./record-tape-codes.ts";
export { toTape } from "./record-tape-write.ts";
import { laterAccessor, literalOf, recordMakerOf, RESERVED } from "./record-makers.ts";
import type { LaterValue, RecordMaker, RecordSlots } from "./record-makers.ts";

/** `value` as a small integer when it is one (V8 then keeps it in the object, not as a number of its own). */
const tagged = (value: number): number =>
  value === (value | 0) && (value !== 0 || 1 / value > 0) ? value | 0 : value;

/** Values made from the tape when first read, in this process (for tests: an unread record's `fields` are not made). */
export const laterValues = { made: 0 };

/**
 * `count` values back from `tape`, or undefined when it is not a tape of that many. `body`: the
 * property the values' own `body` is defined as (its value on the tape is not used:
 * record-bodies.ts), made as the object is, so the records keep V8's fast hidden classes; `slots`:
 * the hidden slots each such value gets (`RecordSlots`: its index under `row`). `later`: a key
 * (a record's `fields`) whose object is made only when it is first read (`laterAccessor`).
 */
export function fromTape(
  tape: Partial<RecordTape>,
  count: number,
  body?: PropertyDescriptor,
  slots?: RecordSlots,
  later?: string,
): unknown[] | undefined {
  const { shapes, whole } = tape;
  let { codes, numbers } = tape;
  let strings = stringsOf(tape.strings);
  if (
    !strings ||
    !Array.isArray(shapes) ||
    !(codes instanceof Int32Array) ||
    !(numbers instanceof Float64Array) ||
    !Array.isArray(whole)
  )
    return undefined;
  const makers = shapes.map((keys) => (Array.isArray(keys) ? literalOf(keys) : undefined));
  const recordMakers = new Array<RecordMaker | undefined | null>(shapes.length).fill(null);
  let at = 0;
  let numberAt = 0;
  let wholeAt = 0;
  const read = (): unknown => {
    switch (codes![at++]) {
      case STRING: {
        const string = strings![codes![at++]];
        if (string === undefined) throw new Error("not a record tape");
        return string;
      }
      case NUMBER:
        return tagged(numbers![numberAt++]);
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case ARRAY: {
        const array = new Array<unknown>(codes![at++]);
        for (let i = 0; i < array.length; i++) array[i] = read();
        return array;
      }
      case OBJECT: {
        const shape = codes![at++];
        const make = makers[shape];
        if (make) return make(read);
        const keys = shapes[shape];
        const object: Record<string, unknown> = {};
        for (let i = 0; i < keys.length; i++) object[keys[i]] = read();
        return object;
      }
      case WHOLE:
        return whole[wholeAt++];
      default:
        throw new Error("not a record tape");
    }
  };
  /** Past one value (not a whole record), checking what `read` would check, making nothing. */
  const skip = (): void => {
    for (let pending = 1; pending > 0; pending--) {
      const code = codes![at++];
      if (code === STRING) {
        if (codes![at++] >>> 0 >= strings!.length) throw new Error("not a record tape");
      } else if (code === NUMBER) numberAt++;
      else if (code === ARRAY) {
        const length = codes![at++];
        if (!(length >= 0)) throw new Error("not a record tape");
        pending += length;
      } else if (code === OBJECT) {
        const keys = shapes[codes![at++]];
        if (!Array.isArray(keys)) throw new Error("not a record tape");
        pending += keys.length;
      } else if (!(code >= TRUE && code <= UNDEFINED)) throw new Error("not a record tape");
    }
  };
  let lazy: LaterValue | undefined;
  if (later !== undefined && slots !== undefined) {
    // Per row, where its later value starts on the tape (codes, numbers), and the value once made.
    const codeAt = new Int32Array(count);
    const numberOf = new Int32Array(count);
    const made = new Array<unknown>(count);
    let unmade = 0;
    const make = (row: number): unknown => {
      at = codeAt[row];
      numberAt = numberOf[row];
      const value = (made[row] = read());
      laterValues.made++;
      // Every value made: the tape is let go of (the strings the values hold stay).
      if (--unmade === 0) codes = numbers = strings = undefined;
      return value;
    };
    lazy = {
      key: later,
      defer(row) {
        if (codes![at] !== OBJECT) return false;
        codeAt[row] = at;
        numberOf[row] = numberAt;
        skip();
        unmade++;
        return true;
      },
      accessor: laterAccessor(later, slots.row, (row) => made[row] ?? make(row)),
    };
  }
  /** One value of the tape, with its `body` defined as `body` says when it is an object on the tape. */
  const readTop = (index: number): unknown => {
    if (body === undefined || codes![at] !== OBJECT) return read();
    at++;
    const shape = codes![at++];
    const keys = shapes[shape];
    let Make = recordMakers[shape];
    if (Make === null)
      Make = recordMakers[shape] = Array.isArray(keys) ? recordMakerOf(keys, later) : undefined;
    if (Make && slots) return new Make(read, body, slots, index, lazy);
    const object: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === "body") {
        read();
        Object.defineProperty(object, "body", body);
      } else if (lazy && keys[i] === lazy.key && lazy.defer(index))
        Object.defineProperty(object, lazy.key, lazy.accessor);
      else object[keys[i]] = read();
    }
    if (slots) Object.defineProperty(object, slots.row, { value: index });
    if (slots?.reserved) Object.defineProperty(object, slots.reserved, RESERVED);
    return object;
  };
  const values = new Array<unknown>(count);
  try {
    for (let i = 0; i < count; i++) values[i] = readTop(i);
  } catch {
    return undefined;
  }
  // Every code read, no more: otherwise the tape is not of these records.
  const complete = at === codes.length && numberAt === numbers.length && wholeAt === whole.length;
  return complete ? values : undefined;
}
