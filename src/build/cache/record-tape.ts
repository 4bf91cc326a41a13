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

import { stringsOf, textsOf, type StringTexts } from "./record-texts.ts";
import { literalOf, recordMakerOf, RESERVED, type RecordMaker, type RecordSlots } from "./record-makers.ts";

/** Plain data (v8 serialization). */
export interface RecordTape {
  /** The distinct strings (record-texts.ts). */
  strings: StringTexts;
  /** Each shape's keys, in order. */
  shapes: string[][];
  /** Per value: its code, and for a string, array or object one operand (index, length, shape). */
  codes: Int32Array;
  /** The numbers, in the order their codes come. */
  numbers: Float64Array;
  /** The records not on the tape, in the order their codes come. */
  whole: unknown[];
}

const STRING = 0;
const NUMBER = 1;
const TRUE = 2;
const FALSE = 3;
const NULL = 4;
const UNDEFINED = 5;
const ARRAY = 6;
const OBJECT = 7;
const WHOLE = 8;

/** Arrays and objects that v8 would write as plain data (not a Date, a Map, a class's instance, a holey array). */
function plainChildren(value: object): unknown[] | undefined {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length)
      return undefined;
    const array: unknown[] = value;
    return array;
  }
  // An own "__proto__" made back by assignment would set the prototype instead.
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.hasOwn(value, "__proto__"))
    return undefined;
  return Object.values(value as Record<string, unknown>);
}

/** The objects reached more than once from `values` (from one record or two). */
function sharedObjects(values: readonly unknown[]): Set<object> {
  const seen = new Set<object>();
  const shared = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== "object" || value === null) return;
    if (seen.has(value)) return void shared.add(value);
    seen.add(value);
    plainChildren(value)?.forEach(visit);
  };
  values.forEach(visit);
  return shared;
}

export function toTape(values: readonly unknown[]): RecordTape {
  const shared = sharedObjects(values);
  const strings: string[] = [];
  const stringAt = new Map<string, number>();
  const shapes: string[][] = [];
  const shapeAt = new Map<string, number>();
  const codes: number[] = [];
  const numbers: number[] = [];
  const whole: unknown[] = [];
  /** false: `value` is not plain data (what was written for it is then taken back). */
  const write = (value: unknown): boolean => {
    switch (typeof value) {
      case "string": {
        let at = stringAt.get(value);
        if (at === undefined) stringAt.set(value, (at = strings.push(value) - 1));
        codes.push(STRING, at);
        return true;
      }
      case "number":
        codes.push(NUMBER);
        numbers.push(value);
        return true;
      case "boolean":
        codes.push(value ? TRUE : FALSE);
        return true;
      case "undefined":
        codes.push(UNDEFINED);
        return true;
      case "object": {
        if (value === null) {
          codes.push(NULL);
          return true;
        }
        const children = shared.has(value) ? undefined : plainChildren(value);
        if (!children) return false;
        if (Array.isArray(value)) codes.push(ARRAY, value.length);
        else {
          const keys = Object.keys(value);
          const shape = keys.join("\0");
          let at = shapeAt.get(shape);
          if (at === undefined) shapeAt.set(shape, (at = shapes.push(keys) - 1));
          codes.push(OBJECT, at);
        }
        return children.every(write);
      }
      default:
        return false;
    }
  };
  for (const value of values) {
    const [codesAt, numbersAt] = [codes.length, numbers.length];
    if (write(value)) continue;
    codes.length = codesAt;
    numbers.length = numbersAt;
    codes.push(WHOLE);
    whole.push(value);
  }
  return {
    strings: textsOf(strings),
    shapes,
    codes: Int32Array.from(codes),
    numbers: Float64Array.from(numbers),
    whole,
  };
}

/** `value` as a small integer when it is one (V8 then keeps it in the object, not as a number of its own). */
const tagged = (value: number): number =>
  value === (value | 0) && (value !== 0 || 1 / value > 0) ? value | 0 : value;

/**
 * `count` values back from `tape`, or undefined when it is not a tape of that many. `body`: the
 * property the values' own `body` is defined as (its value on the tape is not used:
 * record-bodies.ts), made as the object is, so the records keep V8's fast hidden classes; `slots`:
 * the hidden slots each such value gets (`RecordSlots`: its index under `row`).
 */
export function fromTape(
  tape: Partial<RecordTape>,
  count: number,
  body?: PropertyDescriptor,
  slots?: RecordSlots,
): unknown[] | undefined {
  const { shapes, codes, numbers, whole } = tape;
  const strings = stringsOf(tape.strings);
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
    switch (codes[at++]) {
      case STRING: {
        const string = strings[codes[at++]];
        if (string === undefined) throw new Error("not a record tape");
        return string;
      }
      case NUMBER:
        return tagged(numbers[numberAt++]);
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NULL:
        return null;
      case UNDEFINED:
        return undefined;
      case ARRAY: {
        const array = new Array<unknown>(codes[at++]);
        for (let i = 0; i < array.length; i++) array[i] = read();
        return array;
      }
      case OBJECT: {
        const shape = codes[at++];
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
  /** One value of the tape, with its `body` defined as `body` says when it is an object on the tape. */
  const readTop = (index: number): unknown => {
    if (body === undefined || codes[at] !== OBJECT) return read();
    at++;
    const shape = codes[at++];
    const keys = shapes[shape];
    let Make = recordMakers[shape];
    if (Make === null) Make = recordMakers[shape] = Array.isArray(keys) ? recordMakerOf(keys) : undefined;
    if (Make && slots) return new Make(read, body, slots, index);
    const object: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const value = read();
      if (keys[i] === "body") Object.defineProperty(object, "body", body);
      else object[keys[i]] = value;
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
