// Given, read-only: the API's callers and invoices, as a database would hand them over.

export interface Caller {
  userId: string;
  role: "customer" | "support";
}

/** A row as stored: some columns are for the back office only and never leave the server. */
export interface InvoiceRow {
  id: string;
  ownerId: string;
  amountCents: number;
  status: "open" | "paid";
  note: string;
  cardNumber: string;
  internalRiskScore: number;
}

export interface Data {
  /** API keys (sent as Authorization: Bearer <key>) to callers. */
  apiKeys: Map<string, Caller>;
  /** Invoices by id, in creation order. */
  invoices: Map<string, InvoiceRow>;
  /** The clock, in milliseconds. */
  now: () => number;
}
