import { describe, expect, it } from "vitest";
import { LibraryError } from "../errors";
import { isValidIsbn13, Library, type Loan } from "../library";

const DUNE = "9780441013593";
const SICP = "9780262510875";
const DDIA = "9781449373320";

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LibraryError);
    return (error as LibraryError).code;
  }
  throw new Error("expected a LibraryError");
}

function stocked(): Library {
  const library = new Library();
  library.addBook(DUNE, "Dune", 2);
  library.addBook(SICP, "Structure and Interpretation of Computer Programs", 1);
  library.addBook(DDIA, "Designing Data-Intensive Applications", 1);
  library.join("ada", "Ada Lovelace");
  library.join("alan", "Alan Turing", 2);
  return library;
}

describe("books and members", () => {
  it("checks ISBN-13 check digits", () => {
    expect([DUNE, SICP, DDIA, "9780306406157"].map(isValidIsbn13)).toEqual([true, true, true, true]);
    expect(["9780441013594", "978044101359", "97804410135930", "978-0441013593", "978044101359X", ""].map(isValidIsbn13)).toEqual(
      [false, false, false, false, false, false],
    );
  });

  it("adds books and members, trimming names, and refuses bad ones with INVALID and repeats with DUPLICATE", () => {
    const library = new Library();
    expect(library.addBook(DUNE, "  Dune ", 2)).toEqual({ isbn: DUNE, title: "Dune", copies: 2 });
    expect(library.join("ada", " Ada ")).toEqual({ id: "ada", name: "Ada", limit: 3 });
    expect(codeOf(() => library.addBook("9780441013594", "Dune", 1))).toBe("INVALID");
    expect(codeOf(() => library.addBook(SICP, "   ", 1))).toBe("INVALID");
    for (const copies of [0, -1, 1.5, Number.NaN]) expect(codeOf(() => library.addBook(SICP, "SICP", copies))).toBe("INVALID");
    expect(codeOf(() => library.join("Ada Lovelace", "Ada"))).toBe("INVALID");
    expect(codeOf(() => library.join("bob", ""))).toBe("INVALID");
    expect(codeOf(() => library.join("bob", "Bob", 0))).toBe("INVALID");
    expect(codeOf(() => library.addBook(DUNE, "Dune again", 1))).toBe("DUPLICATE");
    expect(codeOf(() => library.join("ada", "Another Ada"))).toBe("DUPLICATE");
    expect(codeOf(() => library.available(SICP))).toBe("UNKNOWN_BOOK");
  });

  it("hands out copies of its records, so a caller cannot change the library's state", () => {
    const library = stocked();
    const book = library.search("dune")[0];
    book.copies = 100;
    const loan = library.lend(SICP, "ada", "2026-03-01");
    loan.dueOn = "2099-01-01";
    expect(library.search("dune")[0].copies).toBe(2);
    expect([...library.overdue("2026-03-20")]).toEqual([{ isbn: SICP, memberId: "ada", lentOn: "2026-03-01", dueOn: "2026-03-15" }]);
  });
});

describe("lending", () => {
  it("lends for 14 calendar days, across month and year ends", () => {
    const library = stocked();
    expect(library.lend(DUNE, "ada", "2026-12-25")).toEqual({ isbn: DUNE, memberId: "ada", lentOn: "2026-12-25", dueOn: "2027-01-08" });
    expect(library.lend(SICP, "alan", "2028-02-20").dueOn).toBe("2028-03-05");
    expect(library.available(DUNE)).toBe(1);
  });

  it("refuses unknown books and members, bad dates, and a second copy of the same title", () => {
    const library = stocked();
    expect(codeOf(() => library.lend("9780306406157", "ada", "2026-03-01"))).toBe("UNKNOWN_BOOK");
    expect(codeOf(() => library.lend(DUNE, "grace", "2026-03-01"))).toBe("UNKNOWN_MEMBER");
    expect(codeOf(() => library.lend(DUNE, "ada", "2026-02-30"))).toBe("INVALID");
    library.lend(DUNE, "ada", "2026-03-01");
    expect(codeOf(() => library.lend(DUNE, "ada", "2026-03-02"))).toBe("ALREADY_BORROWED");
  });

  it("runs out of copies with NO_COPY_LEFT, and a returned copy can go out again", () => {
    const library = stocked();
    library.lend(SICP, "ada", "2026-03-01");
    expect(library.available(SICP)).toBe(0);
    expect(codeOf(() => library.lend(SICP, "alan", "2026-03-01"))).toBe("NO_COPY_LEFT");
    expect(library.giveBack(SICP, "ada", "2026-03-05")).toBe(0);
    expect(library.lend(SICP, "alan", "2026-03-05").memberId).toBe("alan");
  });

  it("stops at the member's limit with LIMIT_REACHED", () => {
    const library = stocked();
    library.lend(DUNE, "alan", "2026-03-01");
    library.lend(SICP, "alan", "2026-03-01");
    expect(codeOf(() => library.lend(DDIA, "alan", "2026-03-01"))).toBe("LIMIT_REACHED");
    library.lend(DDIA, "ada", "2026-03-01");
    expect(library.available(DDIA)).toBe(0);
    // Both rules fail now: the member's limit is checked first.
    expect(codeOf(() => library.lend(DDIA, "alan", "2026-03-01"))).toBe("LIMIT_REACHED");
  });

  it("refuses a member with an overdue book (HAS_OVERDUE), but not on the due date itself", () => {
    const library = stocked();
    library.lend(DUNE, "ada", "2026-03-01");
    expect(library.lend(SICP, "ada", "2026-03-15").dueOn).toBe("2026-03-29");
    expect(codeOf(() => library.lend(DDIA, "ada", "2026-03-16"))).toBe("HAS_OVERDUE");
  });
});

describe("returns and fines", () => {
  it("fines 25 cents a day after the due date, capped at 10.00, and nothing on the due date", () => {
    const library = stocked();
    const cases: [string, number][] = [["2026-03-15", 0], ["2026-03-16", 25], ["2026-03-27", 300], ["2026-05-01", 1000]];
    for (const [returned, fine] of cases) {
      library.lend(DUNE, "ada", "2026-03-01");
      expect(library.giveBack(DUNE, "ada", returned), returned).toBe(fine);
    }
  });

  it("refuses a return of a book the member does not have, or before it went out", () => {
    const library = stocked();
    expect(codeOf(() => library.giveBack(DUNE, "ada", "2026-03-01"))).toBe("NOT_BORROWED");
    library.lend(DUNE, "ada", "2026-03-10");
    expect(codeOf(() => library.giveBack(DUNE, "alan", "2026-03-11"))).toBe("NOT_BORROWED");
    expect(codeOf(() => library.giveBack(DUNE, "ada", "2026-03-09"))).toBe("INVALID");
    expect(library.giveBack(DUNE, "ada", "2026-03-10")).toBe(0);
    expect(codeOf(() => library.giveBack(DUNE, "ada", "2026-03-10"))).toBe("NOT_BORROWED");
  });
});

describe("overdue and search", () => {
  it("yields overdue loans lazily, most overdue first, then by ISBN and member", () => {
    const library = stocked();
    library.join("grace", "Grace Hopper");
    library.lend(DUNE, "grace", "2026-03-02");
    library.lend(DUNE, "ada", "2026-03-02");
    library.lend(SICP, "alan", "2026-03-01");
    library.lend(DDIA, "ada", "2026-03-10");
    const overdue = library.overdue("2026-03-20");
    expect(typeof overdue[Symbol.iterator]).toBe("function");
    const seen: Loan[] = [...overdue];
    expect(seen.map((l) => `${l.dueOn} ${l.isbn} ${l.memberId}`)).toEqual([
      `2026-03-15 ${SICP} alan`,
      `2026-03-16 ${DUNE} ada`,
      `2026-03-16 ${DUNE} grace`,
    ]);
    expect([...library.overdue("2026-03-15")]).toEqual([]);
  });

  it("searches titles by every word, in any case, sorted by title", () => {
    const library = stocked();
    expect(library.search("DATA applications").map((b) => b.isbn)).toEqual([DDIA]);
    expect(library.search("  ").map((b) => b.title)).toEqual([
      "Designing Data-Intensive Applications", "Dune", "Structure and Interpretation of Computer Programs",
    ]);
    expect(library.search("of").map((b) => b.isbn)).toEqual([SICP]);
    expect(library.search("dune programs")).toEqual([]);
  });
});
