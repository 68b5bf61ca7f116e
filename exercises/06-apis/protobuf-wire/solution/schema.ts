// Read-only: a message's fields, as a .proto file would declare them (proto3).

export type FieldType = "uint32" | "sint32" | "bool" | "string";

export interface Field {
  name: string;
  /** The field number from the .proto file: what goes on the wire, never the name. */
  number: number;
  type: FieldType;
  /** `repeated uint32 ids = 4;` — proto3 packs repeated numbers into one length-delimited record. */
  repeated?: boolean;
}

export type Message = Record<string, number | boolean | string | number[] | boolean[] | string[]>;

export type WireErrorCode = "TRUNCATED" | "WRONG_WIRE_TYPE";

export class WireError extends Error {
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WireError";
  }
}

/** message Product { uint32 id = 1; string name = 2; sint32 stock_change = 3; repeated uint32 tag_ids = 4; bool active = 5; } */
export const ProductSchema: Field[] = [
  { name: "id", number: 1, type: "uint32" },
  { name: "name", number: 2, type: "string" },
  { name: "stockChange", number: 3, type: "sint32" },
  { name: "tagIds", number: 4, type: "uint32", repeated: true },
  { name: "active", number: 5, type: "bool" },
];
