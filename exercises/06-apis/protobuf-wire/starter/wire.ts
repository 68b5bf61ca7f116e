import { WireError, type Field, type Message } from "./schema";

/** Appends `value` (0 to 2^32 − 1) to `out` as a base-128 varint and returns `out`. */
export function encodeVarint(value: number, out: number[] = []): number[] {
  throw new Error("not implemented");
}

/** ZigZag-maps a signed 32-bit number to an unsigned one: 0, -1, 1, -2 … → 0, 1, 2, 3 … */
export function zigzag(n: number): number {
  throw new Error("not implemented");
}

/** The message in protobuf's wire format (proto3): fields by number, defaults left out, repeated numbers packed. */
export function encode(schema: Field[], message: Message): Uint8Array {
  throw new Error("not implemented");
}

/** The message the bytes hold: every schema field present (defaults for absent ones), unknown fields skipped. */
export function decode(schema: Field[], bytes: Uint8Array): Message {
  throw new WireError("TRUNCATED", "not implemented");
}

/** gRPC's length-prefixed message: a compressed flag (0) and a 4-byte big-endian length, then the bytes. */
export function grpcFrame(message: Uint8Array): Uint8Array {
  throw new Error("not implemented");
}
