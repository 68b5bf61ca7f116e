/**
 * Whether console input is ready to run, as psql decides it: a backslash command runs at once;
 * SQL runs once it ends with a `;` that is outside quotes, comments and parentheses.
 */
export function isInputComplete(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed.startsWith("\\")) return true;
  return endsWithTerminator(text);
}

function endsWithTerminator(sql: string): boolean {
  let depth = 0;
  let lastSignificant = "";
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const end = sql.indexOf("\n", i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === "/" && next === "*") {
      const end = blockCommentEnd(sql, i);
      if (end === -1) return false;
      i = end;
    } else if (c === "'" || c === '"') {
      // E'…' strings let a backslash escape the quote; standard strings only double it.
      const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? "") && !/\w/.test(sql[i - 2] ?? "");
      const end = quoteEnd(sql, i, c, escapes);
      if (end === -1) return false;
      lastSignificant = c;
      i = end;
    } else if (c === "$" && !/\w/.test(sql[i - 1] ?? "") && /^\$[A-Za-z_]?\w*\$/.test(sql.slice(i))) {
      const tag = /^\$[A-Za-z_]?\w*\$/.exec(sql.slice(i))![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end === -1) return false;
      lastSignificant = "$";
      i = end + tag.length;
    } else {
      if (c === "(") depth++;
      else if (c === ")") depth = Math.max(0, depth - 1);
      if (!/\s/.test(c)) lastSignificant = c;
      i++;
    }
  }
  return lastSignificant === ";" && depth === 0;
}

/** Index just past a PostgreSQL block comment (they nest), or -1 while it is still open. */
function blockCommentEnd(sql: string, start: number): number {
  let nesting = 0;
  for (let i = start; i < sql.length - 1; i++) {
    if (sql[i] === "/" && sql[i + 1] === "*") {
      nesting++;
      i++;
    } else if (sql[i] === "*" && sql[i + 1] === "/") {
      nesting--;
      i++;
      if (nesting === 0) return i + 1;
    }
  }
  return -1;
}

function quoteEnd(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  for (let i = start + 1; i < sql.length; i++) {
    if (backslashEscapes && sql[i] === "\\") i++;
    else if (sql[i] === quote) {
      if (sql[i + 1] === quote) i++;
      else return i + 1;
    }
  }
  return -1;
}
