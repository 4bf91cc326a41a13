/**
 * The record tape's layout (record-tape.ts): what it holds and the code of each kind of value.
 */
import type { StringTexts } from "./record-texts.ts";

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

export const STRING = 0;
export const NUMBER = 1;
export const TRUE = 2;
export const FALSE = 3;
export const NULL = 4;
export const UNDEFINED = 5;
export const ARRAY = 6;
export const OBJECT = 7;
export const WHOLE = 8;
