/** The data behind the API. Read-only: the tests bring their own store. */
export interface Product {
  id: number;
  name: { en: string; de: string };
  priceCents: number;
}

export interface Account {
  user: string;
  email: string;
  /** Goes up by one on every change to the account. */
  version: number;
  cardLast4: string;
}

export interface Store {
  product(id: number): Product | undefined;
  /** The account a bearer token belongs to. */
  account(token: string): Account | undefined;
}
