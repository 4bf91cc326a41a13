/**
 * The record store's records written as a tape (record-tape.ts reads them back): every distinct
 * string once, every object's keys once per shape, the values as codes and numbers.
 */
import { textsOf } from "./record-texts.ts";
import type { RecordTape } from "./record-tape-codes.ts";
import * as code from "./record-tape-codes.ts";

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
        codes.push(code.STRING, at);
        return true;
      }
      case "number":
        codes.push(code.NUMBER);
        numbers.push(value);
        return true;
      case "boolean":
        codes.push(value ? code.TRUE : code.FALSE);
        return true;
      case "undefined":
        codes.push(code.UNDEFINED);
        return true;
      case "object": {
        if (value === null) {
          codes.push(code.NULL);
          return true;
        }
        const children = shared.has(value) ? undefined : plainChildren(value);
        if (!children) return false;
        if (Array.isArray(value)) codes.push(code.ARRAY, value.length);
        else {
          const keys = Object.keys(value);
          const shape = keys.join("\0");
          let at = shapeAt.get(shape);
          if (at === undefined) shapeAt.set(shape, (at = shapes.push(keys) - 1));
          codes.push(code.OBJECT, at);
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
    codes.push(code.WHOLE);
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
