import { describe, expect, it } from "vitest";
import { formatTable } from "./format-table";

describe("formatTable", () => {
  it("prints a psql aligned table with a row count", () => {
    const text = formatTable(["id", "name"], [["1", "Ann"], ["12", "Bartholomew"]]);
    expect(text).toBe(
      [
        " id |    name",
        "----+-------------",
        "  1 | Ann",
        " 12 | Bartholomew",
        "(2 rows)",
      ].join("\n"),
    );
  });

  it("says (1 row) and (0 rows)", () => {
    expect(formatTable(["n"], [["1"]])).toMatch(/\(1 row\)$/);
    expect(formatTable(["n"], [])).toBe([" n", "---", "(0 rows)"].join("\n"));
  });

  it("left-aligns a column once any value is not a number, and shows NULL as empty", () => {
    const text = formatTable(["v", "w"], [["10", null], ["x", "2.5"]]);
    expect(text.split("\n").slice(2, 4)).toEqual([" 10 |", " x  | 2.5"]);
  });

  it("marks multi-line values with + like psql", () => {
    const text = formatTable(["id", "note"], [["1", "first\nsecond"], ["2", "x"]]);
    expect(text.split("\n").slice(2, 5)).toEqual(["  1 | first +", "    | second", "  2 | x"]);
  });

  it("centres a title over the table", () => {
    const text = formatTable(["Schema", "Name"], [["public", "customers"]], { title: "List of relations" });
    expect(text.split("\n")[0]).toBe(" List of relations");
    expect(text.split("\n")[1]).toBe(" Schema |   Name");
  });
});
