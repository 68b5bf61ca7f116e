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

/** A store of things by key that refuses duplicates and names what it could not find. */
export class Registry<K, V> {
  private readonly items = new Map<K, V>();

  constructor(private readonly unknown: () => LibraryError) {}

  add(key: K, value: V): void {
    if (this.items.has(key)) throw new LibraryError("DUPLICATE", `${String(key)} is already registered`);
    this.items.set(key, value);
  }

  get(key: K): V {
    const value = this.items.get(key);
    if (value === undefined) throw this.unknown();
    return value;
  }

  values(): IterableIterator<V> {
    return this.items.values();
  }
}

/** ISBN-13: 13 digits whose weighted sum (weights 1, 3, 1, 3, …) is a multiple of 10. */
export function isValidIsbn13(isbn: string): boolean {
  if (!/^\d{13}$/.test(isbn)) return false;
  const sum = [...isbn].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return sum % 10 === 0;
}

export class Library {
  private readonly books = new Registry<string, Book>(() => new LibraryError("UNKNOWN_BOOK", "no such book"));
  private readonly members = new Registry<string, Member>(() => new LibraryError("UNKNOWN_MEMBER", "no such member"));
  /** Loans out now, keyed `isbn member`: one copy of a title per member at a time. */
  private readonly loans = new Map<string, Loan>();

  addBook(isbn: string, title: string, copies: number): Book {
    if (!isValidIsbn13(isbn)) throw new LibraryError("INVALID", `not an ISBN-13: ${isbn}`);
    if (!title.trim()) throw new LibraryError("INVALID", "a book needs a title");
    if (!Number.isInteger(copies) || copies < 1) throw new LibraryError("INVALID", "copies must be a whole number ≥ 1");
    const book = { isbn, title: title.trim(), copies };
    this.books.add(isbn, book);
    return { ...book };
  }

  join(id: string, name: string, limit = 3): Member {
    if (!/^[a-z0-9-]+$/.test(id)) throw new LibraryError("INVALID", `member ids are lower-case letters, digits and -: ${id}`);
    if (!name.trim()) throw new LibraryError("INVALID", "a member needs a name");
    if (!Number.isInteger(limit) || limit < 1) throw new LibraryError("INVALID", "the limit must be a whole number ≥ 1");
    const member = { id, name: name.trim(), limit };
    this.members.add(id, member);
    return { ...member };
  }

  available(isbn: string): number {
    const book = this.books.get(isbn);
    return book.copies - this.loansWhere((l) => l.isbn === isbn).length;
  }

  lend(isbn: string, memberId: string, on: string): Loan {
    const today = toDay(on);
    this.books.get(isbn);
    const member = this.members.get(memberId);
    if (this.loans.has(key(isbn, memberId))) throw new LibraryError("ALREADY_BORROWED", `${memberId} already has ${isbn}`);
    const theirs = this.loansWhere((l) => l.memberId === memberId);
    if (theirs.some((l) => toDay(l.dueOn) < today)) throw new LibraryError("HAS_OVERDUE", `${memberId} has an overdue book`);
    if (theirs.length >= member.limit) throw new LibraryError("LIMIT_REACHED", `${memberId} has ${member.limit} books out`);
    if (this.available(isbn) === 0) throw new LibraryError("NO_COPY_LEFT", `every copy of ${isbn} is out`);
    const loan = { isbn, memberId, lentOn: on, dueOn: fromDay(today + LOAN_DAYS) };
    this.loans.set(key(isbn, memberId), loan);
    return { ...loan };
  }

  /** Takes a book back and returns the fine in cents: per day late, capped. */
  giveBack(isbn: string, memberId: string, on: string): number {
    const today = toDay(on);
    const loan = this.loans.get(key(isbn, memberId));
    if (!loan) throw new LibraryError("NOT_BORROWED", `${memberId} does not have ${isbn}`);
    this.loans.delete(key(isbn, memberId));
    const late = Math.max(0, today - toDay(loan.dueOn));
    return Math.min(late * FINE_PER_DAY_CENTS, MAX_FINE_CENTS);
  }

  /** Loans past their due date on `on`, most overdue first, then by ISBN and member. */
  *overdue(on: string): Generator<Loan> {
    const today = toDay(on);
    const late = this.loansWhere((l) => toDay(l.dueOn) < today).sort(
      (a, b) => a.dueOn.localeCompare(b.dueOn) || a.isbn.localeCompare(b.isbn) || a.memberId.localeCompare(b.memberId),
    );
    for (const loan of late) yield { ...loan };
  }

  /** Books whose title contains every word of `query`, case-insensitively, in title order. */
  search(query: string): Book[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return [...this.books.values()]
      .filter((b) => words.every((w) => b.title.toLowerCase().includes(w)))
      .sort((a, b) => a.title.localeCompare(b.title) || a.isbn.localeCompare(b.isbn))
      .map((b) => ({ ...b }));
  }

  private loansWhere(test: (loan: Loan) => boolean): Loan[] {
    return [...this.loans.values()].filter(test);
  }
}

function key(isbn: string, memberId: string): string {
  return `${isbn} ${memberId}`;
}
