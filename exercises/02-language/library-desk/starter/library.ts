import { fromDay, toDay } from "./dates";
import { LibraryError } from "./errors";

export interface Book {
  isbn: string;
  title: string;
  copies: number;
}

export interface Member {
  id: string;
  name: string;
  /** How many books the member may have out at once. */
  limit: number;
}

export interface Loan {
  isbn: string;
  memberId: string;
  /** YYYY-MM-DD */
  lentOn: string;
  dueOn: string;
}

export const LOAN_DAYS = 14;
export const FINE_PER_DAY_CENTS = 25;
export const MAX_FINE_CENTS = 1_000;

/** ISBN-13: 13 digits whose weighted sum (weights 1, 3, 1, 3, …) is a multiple of 10. */
export function isValidIsbn13(isbn: string): boolean {
  // TODO
  throw new LibraryError("INVALID", `TODO: isValidIsbn13(${isbn})`);
}

export class Library {
  // TODO: keep books, members and the loans out now (Map and Set are your friends).

  addBook(isbn: string, title: string, copies: number): Book {
    throw new Error(`TODO: addBook(${isbn}, ${title}, ${copies})`);
  }

  join(id: string, name: string, limit = 3): Member {
    throw new Error(`TODO: join(${id}, ${name}, ${limit})`);
  }

  available(isbn: string): number {
    throw new Error(`TODO: available(${isbn})`);
  }

  lend(isbn: string, memberId: string, on: string): Loan {
    throw new Error(`TODO: lend(${isbn}, ${memberId}, ${on}) — due ${fromDay(toDay(on) + LOAN_DAYS)}`);
  }

  /** Takes a book back and returns the fine in cents: per day late, capped. */
  giveBack(isbn: string, memberId: string, on: string): number {
    throw new Error(`TODO: giveBack(${isbn}, ${memberId}, ${on})`);
  }

  /** Loans past their due date on `on`, most overdue first, then by ISBN and member. */
  *overdue(on: string): Generator<Loan> {
    throw new Error(`TODO: overdue(${on})`);
  }

  /** Books whose title contains every word of `query`, case-insensitively, in title order. */
  search(query: string): Book[] {
    throw new Error(`TODO: search(${query})`);
  }
}
