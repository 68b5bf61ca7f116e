import type { SqlOutcome, SqlStatementResult } from "../../../runtime/types";
import { dim, printable, red } from "../ansi";
import { formatTable, type TableOptions } from "./format-table";
import { describeSql, listRelationsSql, parseMetaCommand, RELATION_TYPES } from "./meta-commands";

export type RunSql = (query: string) => Promise<SqlOutcome>;

/** Runs one complete console input (SQL or a backslash command) and returns what psql would print. */
export async function runConsoleInput(input: string, runSql: RunSql): Promise<string> {
  const text = input.trim();
  if (text === "") return "";
  if (!text.startsWith("\\")) return printOutcome(await runSql(text));

  const command = parseMetaCommand(text);
  switch (command.kind) {
    case "help":
      return HELP;
    case "quit":
      return dim("There is no session to quit here: switch back to Output, or just leave the console open.\n");
    case "unknown":
      return red(`invalid command ${command.command}`) + "\nTry \\? for help.\n";
    case "list": {
      const outcome = await runSql(listRelationsSql(command.tablesOnly, command.pattern));
      if (!outcome.ok) return error(outcome.message);
      const [result] = outcome.results;
      if (result.rows.length === 0) {
        return command.pattern ? `Did not find any relation named "${command.pattern}".\n` : "Did not find any relations.\n";
      }
      return table(result.fields, result.rows, { title: "List of relations" }) + "\n\n";
    }
    case "describe":
      return describe(command.name, await runSql(describeSql(command.name)));
  }
}

function printOutcome(outcome: SqlOutcome): string {
  if (!outcome.ok) return error(outcome.message);
  let previous = 0;
  return outcome.results
    .map((result) => {
      // affectedRows is a running total over the statements of one query; psql reports each one's own.
      const count = result.affectedRows === undefined ? undefined : result.affectedRows - previous;
      previous = result.affectedRows ?? previous;
      return result.fields.length > 0 ? table(result.fields, result.rows) + "\n\n" : commandTag(result, count) + "\n";
    })
    .join("");
}

function commandTag({ command }: SqlStatementResult, count: number | undefined): string {
  const tag = command.toUpperCase();
  if (count === undefined) return tag;
  if (tag === "INSERT") return `INSERT 0 ${count}`;
  if (["UPDATE", "DELETE", "MERGE", "COPY", "MOVE", "FETCH", "SELECT"].includes(tag)) return `${tag} ${count}`;
  return tag;
}

const DESCRIBE_TITLES: Record<string, string> = {
  r: "Table",
  p: "Partitioned table",
  v: "View",
  m: "Materialized view",
  S: "Sequence",
  f: "Foreign table",
  i: "Index",
};

function describe(name: string, outcome: SqlOutcome): string {
  if (!outcome.ok) return error(outcome.message);
  const [relation, columns, indexes, constraints] = outcome.results;
  const [found] = relation.rows;
  if (!found) return `Did not find any relation named "${name}".\n`;
  const [schema, relname, kind] = found;
  const title = `${DESCRIBE_TITLES[kind ?? ""] ?? RELATION_TYPES[kind ?? ""] ?? "Relation"} "${schema}.${relname}"`;
  const lines = [table(columns.fields, columns.rows, { title: printable(title), footer: false })];
  const section = (heading: string, rows: (string | null)[][]) => {
    if (rows.length > 0) lines.push(heading, ...rows.map(([n, def]) => printable(`    "${n}" ${def}`)));
  };
  section("Indexes:", indexes.rows);
  section("Check constraints:", constraints.rows.filter(([type]) => type === "c").map((r) => r.slice(1)));
  section("Foreign-key constraints:", constraints.rows.filter(([type]) => type === "f").map((r) => r.slice(1)));
  return lines.join("\n") + "\n\n";
}

/** Data is shown, never interpreted: control characters in values cannot drive the terminal. */
function table(fields: string[], rows: (string | null)[][], options?: TableOptions): string {
  return formatTable(fields.map((f) => printable(f)), rows.map((row) => row.map((v) => (v === null ? v : printable(v)))), options);
}

function error(message: string): string {
  return red(`ERROR:  ${printable(message)}`) + "\n";
}

const HELP = `General
  \\?                 show this help
  \\q                 (nothing to quit: the console lives as long as the page)
Informational
  \\d                 list tables, views and sequences
  \\d NAME            describe a table, view, sequence or index: columns, indexes, constraints
  \\dt [PATTERN]      list tables (PATTERN may use * and ?)
Input
  SQL runs once a line ends with ;  — until then Enter starts a new line.
  Up/Down recall earlier input, Ctrl+C clears the line.
The database is this exercise's: seed.sql's data as the last test run left it.
`;
