import { WireError, type Field, type Message } from "./schema";

const VARINT = 0;
const LEN = 2;

export function encodeVarint(value: number, out: number[] = []): number[] {
  let v = value >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

/** ZigZag: 0, -1, 1, -2 … become 0, 1, 2, 3 …, so small negative numbers stay one byte. */
export const zigzag = (n: number) => ((n << 1) ^ (n >> 31)) >>> 0;
export const unzigzag = (n: number) => (n >>> 1) ^ -(n & 1);

function scalar(field: Field, value: unknown): number {
  if (field.type === "bool") return value ? 1 : 0;
  if (field.type === "sint32") return zigzag(value as number);
  return value as number;
}

export function encode(schema: Field[], message: Message): Uint8Array {
  const out: number[] = [];
  for (const field of [...schema].sort((a, b) => a.number - b.number)) {
    const value = message[field.name];
    if (value === undefined) continue;
    if (field.type === "string") {
      for (const s of field.repeated ? (value as string[]) : [value as string]) {
        const bytes = new TextEncoder().encode(s);
        encodeVarint((field.number << 3) | LEN, out);
        encodeVarint(bytes.length, out);
        out.push(...bytes);
      }
    } else if (field.repeated) {
      const items = value as (number | boolean)[];
      if (items.length === 0) continue;
      const packed: number[] = [];
      for (const item of items) encodeVarint(scalar(field, item), packed);
      encodeVarint((field.number << 3) | LEN, out);
      encodeVarint(packed.length, out);
      out.push(...packed);
    } else {
      const n = scalar(field, value);
      encodeVarint((field.number << 3) | VARINT, out);
      encodeVarint(n, out);
    }
  }
  return Uint8Array.from(out);
}

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array, readonly end = bytes.length) {}

  varint(): number {
    let result = 0;
    for (let shift = 0; ; shift += 7) {
      if (this.pos >= this.end) throw new WireError("TRUNCATED", "a varint runs past the end");
      const byte = this.bytes[this.pos++]!;
      if (shift < 32) result |= (byte & 0x7f) << shift; // bits beyond 32 are dropped, as protobuf does for 32-bit fields
      if ((byte & 0x80) === 0) return result >>> 0;
    }
  }

  take(length: number): Uint8Array {
    if (this.pos + length > this.end) throw new WireError("TRUNCATED", "a length-delimited field runs past the end");
    const slice = this.bytes.subarray(this.pos, this.pos + length);
    this.pos += length;
    return slice;
  }
}

function fromWire(field: Field, n: number): number | boolean {
  if (field.type === "bool") return n !== 0;
  if (field.type === "sint32") return unzigzag(n);
  return n;
}

export function decode(schema: Field[], bytes: Uint8Array): Message {
  const byNumber = new Map(schema.map((f) => [f.number, f]));
  const message: Message = {};
  for (const f of schema) {
    message[f.name] = f.repeated ? [] : f.type === "string" ? "" : f.type === "bool" ? false : 0;
  }
  const reader = new Reader(bytes);
  while (reader.pos < reader.end) {
    const tag = reader.varint();
    const number = tag >>> 3;
    const wireType = tag & 7;
    const field = byNumber.get(number);
    if (field === undefined) {
      skip(reader, wireType);
      continue;
    }
    if (field.type === "string") {
      if (wireType !== LEN) throw new WireError("WRONG_WIRE_TYPE", `${field.name} must be length-delimited`);
      const text = new TextDecoder().decode(reader.take(reader.varint()));
      if (field.repeated) (message[field.name] as string[]).push(text);
      else message[field.name] = text;
    } else if (wireType === LEN && field.repeated) {
      const packed = reader.take(reader.varint());
      const inner = new Reader(packed);
      while (inner.pos < inner.end) (message[field.name] as (number | boolean)[]).push(fromWire(field, inner.varint()));
    } else if (wireType === VARINT) {
      const value = fromWire(field, reader.varint());
      if (field.repeated) (message[field.name] as (number | boolean)[]).push(value);
      else message[field.name] = value; // a repeated scalar field: the last one wins
    } else {
      throw new WireError("WRONG_WIRE_TYPE", `${field.name} cannot have wire type ${wireType}`);
    }
  }
  return message;
}

function skip(reader: Reader, wireType: number): void {
  if (wireType === VARINT) reader.varint();
  else if (wireType === LEN) reader.take(reader.varint());
  else if (wireType === 1) reader.take(8);
  else if (wireType === 5) reader.take(4);
  else throw new WireError("WRONG_WIRE_TYPE", `unknown wire type ${wireType}`);
}

/** gRPC's length-prefixed message: a compressed flag (0) and a 4-byte big-endian length, then the bytes. */
export function grpcFrame(message: Uint8Array): Uint8Array {
  const frame = new Uint8Array(5 + message.length);
  new DataView(frame.buffer).setUint32(1, message.length);
  frame.set(message, 5);
  return frame;
}
