/** psql's "aligned" output: centred headers, numbers right-aligned, `+` marking wrapped cells. */
export interface TableOptions {
  title?: string;
  /** Text shown for SQL NULL; psql shows nothing by default. */
  nullText?: string;
  /** The "(N rows)" line; psql leaves it out of \d descriptions. */
  footer?: boolean;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

export function formatTable(fields: string[], rows: (string | null)[][], options: TableOptions = {}): string {
  const cells = rows.map((row) => row.map((value) => (value ?? options.nullText ?? "").split("\n")));
  const widths = fields.map((name, i) =>
    Math.max(width(name), ...cells.map((row) => Math.max(...row[i].map(width)))),
  );
  // psql right-aligns numeric columns; values arrive as text, so judge by what every value looks like.
  const numeric = fields.map((_, i) => {
    const values = rows.map((row) => row[i]).filter((v): v is string => v !== null);
    return values.length > 0 && values.every((v) => NUMBER.test(v));
  });

  const header = fields.map((name, i) => center(name, widths[i]));
  const lines = [joinCells(header, fields.map(() => false))];
  lines.push(widths.map((w) => "-".repeat(w + 2)).join("+"));
  for (const row of cells) {
    const height = Math.max(1, ...row.map((lines) => lines.length));
    for (let k = 0; k < height; k++) {
      const texts = row.map((cell, i) => pad(cell[k] ?? "", widths[i], numeric[i] ? "right" : "left"));
      lines.push(joinCells(texts, row.map((cell) => k < cell.length - 1)));
    }
  }
  if (options.footer !== false) lines.push(rows.length === 1 ? "(1 row)" : `(${rows.length} rows)`);

  const tableWidth = width(lines[1]);
  if (options.title) lines.unshift(center(options.title, tableWidth).trimEnd());
  return lines.join("\n");
}

function joinCells(texts: string[], wrapped: boolean[]): string {
  return texts
    .map((text, i) => ` ${text}${wrapped[i] ? "+" : " "}`)
    .join("|")
    .trimEnd();
}

function center(text: string, w: number): string {
  const left = Math.floor((w - width(text)) / 2);
  return " ".repeat(Math.max(0, left)) + text + " ".repeat(Math.max(0, w - width(text) - left));
}

function pad(text: string, w: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, w - width(text)));
  return align === "right" ? fill + text : text + fill;
}

/** Columns by code point; wide (CJK) characters are rare in exercise data and counted as one. */
function width(text: string): number {
  return [...text].length;
}
