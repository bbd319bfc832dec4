// Joins Parquet files of one schema into one file by their row groups, without decoding a page: the row groups' bytes
// are copied one after the other and the footers merged, each offset in them moved by where its file's bytes landed.
// So a table can be written as it comes, a part at a time while the documents are still being read (write.ts), and the
// end of a run only copies bytes. The footer is Thrift's compact protocol (parquet.thrift's FileMetaData), read here
// into a plain tree that writes back byte for byte, so fields this module does not know about pass through unchanged.
// Written by hand because nothing installable joins Parquet files by row group: DuckDB and parquet-wasm decode and
// re-encode every page, which is the cost this avoids.
import {closeSync, openSync, readSync, statSync, writeSync} from "node:fs";

/** Thrift compact protocol's type codes. */
const T = {
  TRUE: 1,
  FALSE: 2,
  BYTE: 3,
  I16: 4,
  I32: 5,
  I64: 6,
  DOUBLE: 7,
  BINARY: 8,
  LIST: 9,
  SET: 10,
  MAP: 11,
  STRUCT: 12
};

type Value = number | bigint | boolean | Uint8Array | Struct | List | MapValue;
export interface Field {
  id: number;
  type: number;
  value: Value;
}
export interface Struct {
  fields: Field[];
}
interface List {
  elementType: number;
  items: Value[];
}
interface MapValue {
  keyType: number;
  valueType: number;
  entries: [Value, Value][];
}

/** Reads one Thrift compact struct from `bytes` at `at`; `end` is where it stopped. */
export function readStruct(bytes: Uint8Array, at = 0): {struct: Struct; end: number} {
  let pos = at;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = bytes[pos++];
      if (byte === undefined) throw new Error("Parquet footer ends inside a number");
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
    }
  };
  const zigzag = (): bigint => {
    const n = varint();
    return n & 1n ? -(n >> 1n) - 1n : n >> 1n;
  };
  const value = (type: number): Value => {
    switch (type) {
      case T.TRUE:
        return true;
      case T.FALSE:
        return false;
      case T.BYTE:
        return bytes[pos++];
      case T.I16:
      case T.I32:
        return Number(zigzag());
      case T.I64:
        return zigzag();
      case T.DOUBLE:
        return bytes.slice(pos, (pos += 8));
      case T.BINARY: {
        const length = Number(varint());
        return bytes.slice(pos, (pos += length));
      }
      case T.LIST:
      case T.SET: {
        const header = bytes[pos++];
        const size = header >> 4 === 15 ? Number(varint()) : header >> 4;
        const elementType = header & 15;
        const items: Value[] = [];
        // A boolean in a list is a byte of its own (1 true, 2 false): kept as read.
        const element = elementType === T.TRUE || elementType === T.FALSE ? T.BYTE : elementType;
        for (let i = 0; i < size; i++) items.push(value(element));
        return {elementType, items};
      }
      case T.MAP: {
        const size = Number(varint());
        const types = size ? bytes[pos++] : 0;
        const [keyType, valueType] = [types >> 4, types & 15];
        const entries: [Value, Value][] = [];
        for (let i = 0; i < size; i++) entries.push([value(keyType), value(valueType)]);
        return {keyType, valueType, entries};
      }
      case T.STRUCT:
        return struct();
      default:
        throw new Error(`Parquet footer has an unknown Thrift type ${type}`);
    }
  };
  const struct = (): Struct => {
    const fields: Field[] = [];
    for (let last = 0; ;) {
      const header = bytes[pos++];
      if (header === undefined) throw new Error("Parquet footer ends inside a struct");
      if (header === 0) return {fields};
      const type = header & 15;
      const id = header >> 4 ? last + (header >> 4) : Number(zigzag());
      fields.push({id, type, value: value(type)});
      last = id;
    }
  };
  const result = struct();
  return {struct: result, end: pos};
}

/** Writes a struct as readStruct read it. */
export function writeStruct(root: Struct): Uint8Array {
  const out: number[] = [];
  const varint = (n: bigint) => {
    for (; n >= 0x80n; n >>= 7n) out.push(Number(n & 0x7fn) | 0x80);
    out.push(Number(n));
  };
  const zigzag = (n: bigint) => varint(n < 0n ? -2n * n - 1n : 2n * n);
  const bytes = (b: Uint8Array) => {
    for (let i = 0; i < b.length; i++) out.push(b[i]);
  };
  const value = (type: number, v: Value) => {
    switch (type) {
      case T.TRUE:
      case T.FALSE:
        return;
      case T.BYTE:
        return void out.push(v as number);
      case T.I16:
      case T.I32:
        return zigzag(BigInt(v as number));
      case T.I64:
        return zigzag(v as bigint);
      case T.DOUBLE:
        return bytes(v as Uint8Array);
      case T.BINARY:
        return (varint(BigInt((v as Uint8Array).length)), bytes(v as Uint8Array));
      case T.LIST:
      case T.SET: {
        const {elementType, items} = v as List;
        if (items.length < 15) out.push((items.length << 4) | elementType);
        else (out.push(0xf0 | elementType), varint(BigInt(items.length)));
        const element = elementType === T.TRUE || elementType === T.FALSE ? T.BYTE : elementType;
        for (const item of items) value(element, item);
        return;
      }
      case T.MAP: {
        const {keyType, valueType, entries} = v as MapValue;
        varint(BigInt(entries.length));
        if (entries.length) out.push((keyType << 4) | valueType);
        for (const [key, item] of entries) (value(keyType, key), value(valueType, item));
        return;
      }
      case T.STRUCT:
        return struct(v as Struct);
    }
  };
  const struct = ({fields}: Struct) => {
    let last = 0;
    for (const {id, type, value: v} of fields) {
      const delta = id - last;
      if (delta > 0 && delta <= 15) out.push((delta << 4) | type);
      else (out.push(type), zigzag(BigInt(id)));
      value(type, v);
      last = id;
    }
    out.push(0);
  };
  struct(root);
  return Uint8Array.from(out);
}

const field = (struct: Struct, id: number) => struct.fields.find((f) => f.id === id);

/** Moves every absolute offset of a row group (parquet.thrift's RowGroup) by `delta` bytes; renumbers it. */
function moveRowGroup(group: Struct, delta: bigint, ordinal: number): void {
  const move = (struct: Struct, ids: number[]) => {
    for (const f of struct.fields) if (ids.includes(f.id) && f.type === T.I64) f.value = (f.value as bigint) + delta;
  };
  move(group, [5]); // file_offset
  const ordinalField = field(group, 7);
  if (ordinalField) ordinalField.value = ordinal;
  for (const chunk of (field(group, 1)!.value as List).items as Struct[]) {
    move(chunk, [2, 4, 6]); // file_offset, offset_index_offset, column_index_offset
    const meta = field(chunk, 3);
    // data_page_offset, index_page_offset, dictionary_page_offset, bloom_filter_offset
    if (meta) move(meta.value as Struct, [9, 10, 11, 14]);
  }
}

const MAGIC = Buffer.from("PAR1");

interface Part {
  path: string;
  /** Where its row groups' bytes start and end (after the magic, before the footer). */
  start: number;
  end: number;
  footer: Struct;
}

function readPart(path: string): Part {
  const fd = openSync(path, "r");
  try {
    const size = statSync(path).size;
    const tail = Buffer.alloc(8);
    readSync(fd, tail, 0, 8, size - 8);
    if (size < 12 || !tail.subarray(4).equals(MAGIC)) throw new Error(`not a Parquet file: ${path}`);
    const length = tail.readUInt32LE(0);
    const bytes = Buffer.alloc(length);
    readSync(fd, bytes, 0, length, size - 8 - length);
    return {path, start: MAGIC.length, end: size - 8 - length, footer: readStruct(bytes).struct};
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the rows of `parts`, in order, to `out` as one Parquet file: their row groups as they are, one footer. The
 * parts must share a schema (they are written from the same column list); the first part's other footer fields stand.
 */
export function joinParquet(parts: string[], out: string): void {
  const read = parts.map(readPart);
  const schema = (p: Part) => writeStruct({fields: [field(p.footer, 2)!]});
  const first = read[0];
  const groups: Struct[] = [];
  let rows = 0n;
  const fd = openSync(out, "w");
  try {
    writeSync(fd, MAGIC);
    let at = MAGIC.length;
    for (const part of read) {
      if (Buffer.compare(schema(part), schema(first))) throw new Error(`${part.path} has another schema`);
      const delta = BigInt(at - part.start);
      for (const group of (field(part.footer, 4)!.value as List).items as Struct[]) {
        moveRowGroup(group, delta, groups.length);
        groups.push(group);
      }
      rows += field(part.footer, 3)!.value as bigint;
      at += copyRange(part.path, part.start, part.end, fd);
    }
    const fields = first.footer.fields.map((f) =>
      f.id === 3 ? {...f, value: rows} : f.id === 4 ? {...f, value: {elementType: T.STRUCT, items: groups}} : f
    );
    const footer = writeStruct({fields});
    const length = Buffer.alloc(4);
    length.writeUInt32LE(footer.length);
    writeAll(fd, footer);
    writeAll(fd, length);
    writeAll(fd, MAGIC);
  } finally {
    closeSync(fd);
  }
}

/** Appends bytes [start, end) of the file at `path` to `fd`; returns how many. */
function copyRange(path: string, start: number, end: number, fd: number): number {
  const from = openSync(path, "r");
  const chunk = Buffer.alloc(Math.min(1 << 20, Math.max(end - start, 1)));
  try {
    for (let at = start; at < end;) {
      const n = readSync(from, chunk, 0, Math.min(chunk.length, end - at), at);
      if (!n) throw new Error(`${path} ended early`);
      writeAll(fd, chunk.subarray(0, n));
      at += n;
    }
  } finally {
    closeSync(from);
  }
  return end - start;
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}
