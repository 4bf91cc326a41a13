/**
 * `v8.serialize` for the record store's columns (record-file.ts) with the typed arrays' bytes kept
 * apart, each at a place that is a multiple of 8, so that reading them back makes each a view of
 * the bytes read, not a copy. Node's own deserializer makes a view only when the array's bytes
 * happen to fall at a multiple of its element size in the serialized stream, and copies them
 * otherwise: at 50k items the columns' typed arrays (the tape's codes, the stamps, the bodies'
 * ends …) are ~12 MB, copied into fresh memory on every open (~60 of the ~540 samples of
 * "records open" in a one-edit build's profile).
 */
import v8 from "node:v8";

/** The constructors a view may have, by the number written for it. */
const VIEWS = [
  Uint8Array,
  Int8Array,
  Uint8ClampedArray,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
  BigUint64Array,
  BigInt64Array,
] as const;
type View = InstanceType<(typeof VIEWS)[number]>;

/** Each view starts at a multiple of this in its region (the largest element size). */
const ALIGN = 8;

class ViewsApart extends v8.DefaultSerializer {
  /** The region's parts: each view's bytes, then the zeros up to the next multiple of ALIGN. */
  readonly parts: Uint8Array[] = [];
  length = 0;

  /** A view is written as its type, its place in the region and its byte length. */
  _writeHostObject(view: NodeJS.ArrayBufferView): void {
    // A Buffer or a DataView would come back as another type: not written (the store is then not saved).
    const type = VIEWS.findIndex((ctor) => view.constructor === ctor);
    if (type < 0) throw new Error(`not a typed array the record store keeps: ${view.constructor.name}`);
    this.writeUint32(type);
    this.writeUint32(this.length);
    this.writeUint32(view.byteLength);
    this.parts.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    const padded = Math.ceil(view.byteLength / ALIGN) * ALIGN;
    if (padded > view.byteLength) this.parts.push(new Uint8Array(padded - view.byteLength));
    this.length += padded;
  }
}

class ViewsApartReader extends v8.DefaultDeserializer {
  constructor(
    bytes: Uint8Array,
    private readonly region: Uint8Array,
  ) {
    super(bytes);
  }

  /** A view of the region, or an error when the numbers do not name one (the store is then not used). */
  _readHostObject(): View {
    const ctor = VIEWS[this.readUint32()];
    const at = this.readUint32();
    const length = this.readUint32();
    if (ctor === undefined || at % ALIGN !== 0 || length % ctor.BYTES_PER_ELEMENT !== 0)
      throw new Error("not a view of the region");
    if (at + length > this.region.length) throw new Error("a view past the region");
    // The region is memory of its own (`regionBuffer`), never shared.
    const buffer = this.region.buffer as ArrayBuffer;
    return new ctor(buffer, this.region.byteOffset + at, length / ctor.BYTES_PER_ELEMENT);
  }
}

/** `value` serialized without its typed arrays' bytes (`bytes`), and those bytes (`region`, `regionLength` bytes). */
export function serializeApart(value: unknown): {
  bytes: Buffer;
  region: Uint8Array[];
  regionLength: number;
} {
  const serializer = new ViewsApart();
  serializer.writeHeader();
  serializer.writeValue(value);
  return { bytes: serializer.releaseBuffer(), region: serializer.parts, regionLength: serializer.length };
}

/**
 * The value back from `bytes` and `region`, its typed arrays views of `region`, which must start
 * at a multiple of 8 in its memory (`regionBuffer`); throws when they are not what
 * `serializeApart` wrote.
 */
export function deserializeApart(bytes: Uint8Array, region: Uint8Array): unknown {
  if (region.byteOffset % ALIGN !== 0) throw new Error("region not aligned");
  const reader = new ViewsApartReader(bytes, region);
  reader.readHeader();
  return reader.readValue();
}

/** Memory for a region of `length` bytes: its own, so it starts at a multiple of 8 (not in Buffer's pool). */
export const regionBuffer = (length: number): Buffer => Buffer.allocUnsafeSlow(length);
