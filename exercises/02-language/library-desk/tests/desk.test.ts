import { describe, expect, it } from "vitest";
import { execute } from "../desk";
import { Library } from "../library";

function session(lines: string[]): string[][] {
  const library = new Library();
  return lines.map((line) => execute(library, line));
}

describe("the console desk", () => {
  it("runs a day at the desk, one command per line", () => {
    expect(session([
      "add 9780441013593 2 Dune",
      "add 9781449373320 1 Designing Data-Intensive Applications",
      "join ada Ada Lovelace",
      "join alan Alan Turing",
      "lend 9780441013593 ada 2026-03-01",
      "lend 9781449373320 alan 2026-03-01",
      "search dune",
      "overdue 2026-03-20",
      "return 9780441013593 ada 2026-03-19",
      "return 9781449373320 alan 2026-03-15",
      "overdue 2026-03-20",
    ])).toEqual([
      ['added 9780441013593 "Dune" (2 copies)'],
      ['added 9781449373320 "Designing Data-Intensive Applications" (1 copies)'],
      ["joined ada Ada Lovelace"],
      ["joined alan Alan Turing"],
      ["lent 9780441013593 to ada, due 2026-03-15"],
      ["lent 9781449373320 to alan, due 2026-03-15"],
      ["9780441013593 Dune (1 of 2 in)"],
      ["2026-03-15 9780441013593 ada", "2026-03-15 9781449373320 alan"],
      ["returned 9780441013593, fine 1.00"],
      ["returned 9781449373320"],
      [],
    ]);
  });

  it("prints refusals as error codes and keeps going", () => {
    expect(session([
      "lend 9780441013593 ada 2026-03-01",
      "add 9780441013593 two Dune",
      "add 9780441013593 1 Dune",
      "lend 9780441013593 ada 2026-03-01",
      "join ada Ada",
      "lend 9780441013593 ada 1 March",
      "return 9780441013593 ada 2026-03-01",
      "borrow 9780441013593 ada",
      "",
      "add",
      "join ada Ada",
    ])).toEqual([
      ["error: UNKNOWN_BOOK"],
      ["error: INVALID"],
      ['added 9780441013593 "Dune" (1 copies)'],
      ["error: UNKNOWN_MEMBER"],
      ["joined ada Ada"],
      ["error: INVALID"],
      ["error: NOT_BORROWED"],
      ["error: UNKNOWN_COMMAND"],
      ["error: UNKNOWN_COMMAND"],
      ["error: INVALID"],
      ["error: DUPLICATE"],
    ]);
  });

  it("tolerates extra spaces between words", () => {
    expect(session(["  add   9780441013593  1   Dune   Messiah ", "search   messiah  "])).toEqual([
      ['added 9780441013593 "Dune Messiah" (1 copies)'],
      ["9780441013593 Dune Messiah (1 of 1 in)"],
    ]);
  });
});
