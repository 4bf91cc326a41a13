/**
 * How the record tape (record-tape.ts) makes its objects back: by an object literal per shape, and
 * a top-level record by a constructor per shape, so that V8 gives each shape one hidden class with
 * every property in the object itself, and the collector has fewer and smaller objects to copy
 * while the store opens.
 */

/** The longest shape made by a literal (V8 keeps a literal's properties in the object itself up to ~250). */
const LITERAL_KEYS = 64;

/** Keys a literal (or a constructor's stores) can make: strings, no `__proto__` (it would set the prototype), not too many. */
const madeByLiteral = (keys: readonly unknown[]): keys is readonly string[] =>
  keys.length <= LITERAL_KEYS && keys.every((key) => typeof key === "string" && key !== "__proto__");

/**
 * A function making an object of `keys` by an object literal, each value from `read` in order, or
 * undefined when a literal would not make it (a key `__proto__` sets the prototype, too many keys).
 * An object added to key by key starts with room for 4 properties and grows an array for the rest
 * (copied at every few keys: garbage) through a chain of hidden classes; a literal's object has
 * its properties in itself and one hidden class per shape: fewer and smaller objects to make, and
 * for the collector to copy while the store opens.
 */
export function literalOf(
  keys: readonly unknown[],
): ((read: () => unknown) => Record<string, unknown>) | undefined {
  if (!madeByLiteral(keys)) return undefined;
  // Object literal property values are evaluated in order (ECMA-262 PropertyDefinitionEvaluation).
  const fields = keys.map((key) => `${JSON.stringify(key)}: read()`).join(", ");
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the keys are quoted by JSON.stringify
  return new Function("read", `return { ${fields} };`) as (read: () => unknown) => Record<string, unknown>;
}

/** A record made by a `recordMakerOf` constructor: `body` at its place, its row under `row`. */
export type RecordMaker = new (
  read: () => unknown,
  body: PropertyDescriptor,
  slots: RecordSlots,
  at: number,
) => Record<string, unknown>;

/**
 * The hidden slots a top-level record gets as it is made (not enumerable: no copy carries them):
 * its place on the tape under `row`, and `reserved` defined writable and undefined, so that a
 * value its reader sets later (src/content/kept.ts) goes in the object itself, not in an array
 * of properties added to it.
 */
export interface RecordSlots {
  row: symbol;
  reserved?: symbol;
}

/**
 * A constructor making a top-level object of `keys` with `body` defined as the accessor it is
 * given (its value on the tape read and dropped) and its hidden `slots`, or undefined as for
 * `literalOf`. Made key by key from `{}`
 * (and the body and row defined after), a record had 4 properties in itself and the rest in an
 * array grown and copied as keys came, each key a keyed store of a key that differs from the
 * last; a constructor's stores are of one key each, and V8 sizes the objects it makes to hold
 * every property in themselves. Its `prototype` is Object.prototype: the records are plain
 * objects to every reader (Object.getPrototypeOf, v8.serialize, structuredClone).
 */
export function recordMakerOf(keys: readonly unknown[]): RecordMaker | undefined {
  if (!madeByLiteral(keys)) return undefined;
  const stores = keys.map((key) =>
    key === "body"
      ? `read(); Object.defineProperty(this, "body", body);`
      : `this[${JSON.stringify(key)}] = read();`,
  );
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the keys are quoted by JSON.stringify
  const factory = new Function(
    "RESERVED",
    `return function (read, body, slots, at) {
${stores.join("\n")}
Object.defineProperty(this, slots.row, { value: at });
if (slots.reserved !== undefined) Object.defineProperty(this, slots.reserved, RESERVED);
};`,
  ) as (reserved: PropertyDescriptor) => RecordMaker & { prototype: object };
  const make = factory(RESERVED);
  make.prototype = Object.prototype;
  return make;
}

/** How a reserved slot is defined (as src/content/kept.ts defines it: writable, not enumerable). */
export const RESERVED: PropertyDescriptor = Object.freeze({ value: undefined, writable: true });
