import { describe, expect, it } from "vitest";
import { describeSql, listRelationsSql, literal, parseMetaCommand, patternToRegex } from "./meta-commands";

describe("parseMetaCommand", () => {
  it.each([
    ["\\?", { kind: "help" }],
    ["\\q", { kind: "quit" }],
    ["\\dt", { kind: "list", tablesOnly: true, pattern: undefined }],
    ["\\dt  cust*", { kind: "list", tablesOnly: true, pattern: "cust*" }],
    ["\\d", { kind: "list", tablesOnly: false }],
    ["\\d customers ", { kind: "describe", name: "customers" }],
    ["\\d public.orders", { kind: "describe", name: "public.orders" }],
    ["\\x", { kind: "unknown", command: "\\x" }],
  ])("%s", (line, command) => {
    expect(parseMetaCommand(line)).toEqual(command);
  });
});

describe("catalog queries", () => {
  it("\\dt lists only tables, \\d also views and sequences", () => {
    expect(listRelationsSql(true)).toContain("c.relkind IN ('r', 'p')");
    expect(listRelationsSql(false)).toContain("'v', 'm', 'S'");
    expect(listRelationsSql(true)).not.toContain("OPERATOR");
  });

  it("filters by a psql pattern", () => {
    expect(listRelationsSql(true, "Cust*")).toContain("OPERATOR(pg_catalog.~) '^(cust.*)$'");
  });

  it("describes a relation in four statements, quoting the name as a literal", () => {
    const sql = describeSql("o'brien");
    expect(sql.match(/;\n?/g)).toHaveLength(4);
    expect(sql).toContain("pg_catalog.to_regclass('o''brien')");
  });

  it("turns psql patterns into anchored regular expressions", () => {
    expect(patternToRegex("order_?tems")).toBe("^(order_.tems)$");
    expect(patternToRegex('"Mixed.Case"')).toBe("^(Mixed\\.Case)$");
    expect(literal("a'b")).toBe("'a''b'");
  });
});
