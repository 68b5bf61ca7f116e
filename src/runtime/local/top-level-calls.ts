/** A call found at the top level of a module, as a statement of its own or a declaration's value. */
export interface TopLevelCall {
  /** Where the statement starts (the declaration keyword, `await`, or the callee). */
  start: number;
  /** Where the callee starts. */
  callStart: number;
  /** Just after the closing parenthesis and a `;` that follows it. */
  end: number;
  awaited: boolean;
  declaration?: { keyword: string; pattern: string };
}

const KEYWORDS_BEFORE_REGEX = new Set(["return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void", "throw", "instanceof", "yield", "await"]);
const WORD = /[\w$]+/y;
const DECLARATION = /\b(const|let|var)\s+([^=]+?)\s*=\s*(await\s+)?$/;

/**
 * Finds calls whose callee matches `callee` (anchored, e.g. /^vi\s*\.\s*mock\s*\(/) at nesting
 * depth 0 of a JavaScript module, skipping strings, templates, comments and regular expressions.
 * A lexer, not a parser: enough for the statement shapes Vitest hoists.
 */
export function topLevelCalls(js: string, callee: RegExp): TopLevelCall[] {
  const calleeAt = new RegExp(callee.source.replace(/^\^/, ""), "y");
  const found: TopLevelCall[] = [];
  let depth = 0;
  let statementStart = 0;
  let previous = ""; // the last significant token, to tell a regex from a division
  let open: Omit<TopLevelCall, "end"> | undefined;
  const templates: number[] = []; // depths at which a template's `${` was opened
  let i = 0;
  while (i < js.length) {
    const c = js[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "/" && js[i + 1] === "/") {
      i = lineEnd(js, i);
    } else if (c === "/" && js[i + 1] === "*") {
      i = js.indexOf("*/", i + 2) < 0 ? js.length : js.indexOf("*/", i + 2) + 2;
    } else if (c === "'" || c === '"') {
      i = stringEnd(js, i, c);
      previous = "a";
    } else if (c === "`" || (c === "}" && templates.at(-1) === depth)) {
      if (c === "}") templates.pop();
      i = templateEnd(js, i + 1);
      if (js[i - 1] === "{" && js[i - 2] === "$") {
        templates.push(depth);
      }
      previous = "a";
    } else if (c === "/" && regexAllowed(previous)) {
      i = regexEnd(js, i);
      previous = "a";
    } else if (/[\w$]/.test(c)) {
      WORD.lastIndex = i;
      const word = WORD.exec(js)![0];
      calleeAt.lastIndex = i;
      const match = depth === 0 && (word === "vi" || word === "vitest") && js[i - 1] !== "." ? calleeAt.exec(js) : null;
      if (match && !open) open = describe(js, statementStart, i);
      if (match && open?.callStart === i) {
        depth++;
        i += match[0].length;
        previous = "(";
        continue;
      }
      i += word.length;
      previous = KEYWORDS_BEFORE_REGEX.has(word) ? "(" : "a";
    } else {
      if ("([{".includes(c)) depth++;
      if (")]}".includes(c)) depth--;
      i++;
      previous = c;
      if (depth === 0 && c === ")" && open) {
        const end = js[i] === ";" ? i + 1 : i;
        found.push({ ...open, end });
        open = undefined;
        i = end;
        statementStart = end;
      } else if (depth === 0 && c === ";") {
        statementStart = i;
      }
    }
  }
  return found;
}

/** The call at `callStart` as a statement, or undefined when it is part of a larger expression. */
function describe(js: string, statementStart: number, callStart: number): Omit<TopLevelCall, "end"> | undefined {
  const before = js.slice(statementStart, callStart);
  if (endsStatement(before)) return { start: callStart, callStart, awaited: false };
  const awaited = /await\s+$/.exec(before);
  if (awaited && endsStatement(before.slice(0, awaited.index)) && !/[\w$]$/.test(before.slice(0, awaited.index))) {
    return { start: statementStart + awaited.index, callStart, awaited: true };
  }
  const declaration = DECLARATION.exec(before);
  if (declaration && endsStatement(before.slice(0, declaration.index))) {
    const start = statementStart + declaration.index;
    return { start, callStart, awaited: !!declaration[3], declaration: { keyword: declaration[1], pattern: declaration[2] } };
  }
  return undefined;
}

/** Whether what comes before ends a statement: nothing, `;`, `}`, or a line break after a complete expression. */
function endsStatement(text: string): boolean {
  return /^\s*$/.test(text) || /[;}]\s*$/.test(text) || (/\n\s*$/.test(text) && !/[=(,.?:+\-*/&|!<>[{]\s*$/.test(text));
}

function regexAllowed(previous: string): boolean {
  return previous === "" || "([{,;:=!&|?+-*%<>~^".includes(previous);
}

function lineEnd(js: string, i: number): number {
  const end = js.indexOf("\n", i);
  return end < 0 ? js.length : end;
}

function stringEnd(js: string, i: number, quote: string): number {
  for (let j = i + 1; j < js.length; j++) {
    if (js[j] === "\\") j++;
    else if (js[j] === quote || js[j] === "\n") return j + 1;
  }
  return js.length;
}

/** From inside a template, to just after its closing backtick or just after a `${`. */
function templateEnd(js: string, i: number): number {
  for (let j = i; j < js.length; j++) {
    if (js[j] === "\\") j++;
    else if (js[j] === "`") return j + 1;
    else if (js[j] === "$" && js[j + 1] === "{") return j + 2;
  }
  return js.length;
}

function regexEnd(js: string, i: number): number {
  let inClass = false;
  for (let j = i + 1; j < js.length; j++) {
    const c = js[j];
    if (c === "\\") j++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "/" && !inClass) return /^[a-z]*/.exec(js.slice(j + 1))![0].length + j + 1;
    else if (c === "\n") return j;
  }
  return js.length;
}
