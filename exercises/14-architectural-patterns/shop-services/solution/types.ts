/** A failed call to another service, as the caller sees it. */
export class ServiceError extends Error {
  constructor(
    /** "TIMEOUT", "UNAVAILABLE" (refused, or a 5xx), or the remote's own `code` for a 4xx. */
    readonly code: string,
    /** The remote's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(`service call failed: ${code}${status ? ` (${status})` : ""}`);
    this.name = "ServiceError";
  }
}

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface Product {
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}

export interface Order {
  id: string;
  sku: string;
  qty: number;
  totalCents: number;
  status: "confirmed" | "cancelled";
  /** Why an order was cancelled: the code of the step that failed. */
  reason?: string;
}

/** The header that ties together every call made for one incoming request. */
export const CORRELATION_HEADER = "x-correlation-id";
