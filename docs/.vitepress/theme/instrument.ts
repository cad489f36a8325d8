/** One `// =>` check of an example: the expression, what the page says it gives, and where. */
export interface Check {
  readonly expression: string;
  readonly expected: string;
}

/** An example rewritten so each checked expression reports its value. */
export interface Instrumented {
  readonly code: string;
  readonly checks: readonly Check[];
  /** `// =>` markers that did not follow a top-level statement. */
  readonly unplaced: number;
}

const MARKER = /^\/\/ ?=> ?/;

/**
 * Turns `expression; // => expected` (the comment on the same line, or on its own
 * line right after, continued by `//` lines) into `__check(i, () => (expression), () => (expected));`,
 * as the Node tests of the guides do. Works on top-level statements, scanning the
 * text for strings, comments and brackets, so it runs in a page without a compiler.
 */
export function instrument(code: string): Instrumented {
  const checks: Check[] = [];
  let out = "";
  let depth = 0;
  let statementStart = 0; // where the current top-level statement begins in `code`
  let copied = 0; // how much of `code` is in `out`
  let lastEnd = -1; // the `;` that ended the last top-level statement
  let lastStatementStart = 0; // where that statement began
  let markers = 0;
  let i = 0;
  const n = code.length;
  while (i < n) {
    const c = code[i];
    const next = code[i + 1];
    if (c === "/" && next === "/") {
      const lineEnd = code.indexOf("\n", i) === -1 ? n : code.indexOf("\n", i);
      const comment = code.slice(i, lineEnd);
      if (MARKER.test(comment)) {
        markers += 1;
        const between = lastEnd >= 0 ? code.slice(lastEnd + 1, i) : "x";
        const sameLine = !between.includes("\n");
        const onNextLine = /^[ \t]*\n[ \t]*$/.test(between);
        if (depth === 0 && lastEnd >= 0 && (sameLine || onNextLine)) {
          let expected = comment.replace(MARKER, "");
          let end = lineEnd;
          if (onNextLine) {
            // Continuation lines: `//` comments that are not markers themselves.
            const rest = /^(?:\n[ \t]*\/\/(?! ?=>).*)*/.exec(code.slice(lineEnd));
            const more = rest?.[0] ?? "";
            expected += more
              .split("\n")
              .slice(1)
              .map((line) => "\n" + line.replace(/^[ \t]*\/\/ ?/, ""))
              .join("");
            end = lineEnd + more.length;
          }
          const statement = code.slice(lastStatementStart, lastEnd);
          const expression = stripLeadingComments(statement).trim();
          const lead = statement.slice(0, statement.length - stripLeadingComments(statement).length);
          const index = checks.length;
          checks.push({ expression, expected: expected.trim() });
          out += code.slice(copied, lastStatementStart) + lead + `__check(${index}, () => (${expression}), () => (${expected}\n));`;
          copied = end;
          i = end;
          statementStart = end;
          continue;
        }
      }
      i = lineEnd;
      continue;
    }
    if (c === "/" && next === "*") {
      const close = code.indexOf("*/", i + 2);
      i = close === -1 ? n : close + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      i = skipString(code, i);
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth += 1;
    else if (c === ")" || c === "]" || c === "}") {
      depth -= 1;
      if (depth === 0 && c === "}" && /^[ \t]*\n/.test(code.slice(i + 1))) {
        statementStart = i + 1;
      }
    } else if (c === ";" && depth === 0) {
      lastStatementStart = statementStart;
      lastEnd = i;
      statementStart = i + 1;
    }
    i += 1;
  }
  out += code.slice(copied);
  return { code: out, checks, unplaced: markers - checks.length };
}

function stripLeadingComments(text: string): string {
  let rest = text.trimStart();
  for (;;) {
    if (rest.startsWith("//")) rest = rest.slice(rest.indexOf("\n") === -1 ? rest.length : rest.indexOf("\n") + 1).trimStart();
    else if (rest.startsWith("/*")) rest = rest.slice(rest.indexOf("*/") + 2).trimStart();
    else return rest;
  }
}

function skipString(code: string, start: number): number {
  const quote = code[start];
  let i = start + 1;
  while (i < code.length) {
    const c = code[i];
    if (c === "\\") i += 2;
    else if (c === quote) return i + 1;
    else if (quote === "`" && c === "$" && code[i + 1] === "{") {
      // A template expression: skip to its matching brace.
      let depth = 1;
      i += 2;
      while (i < code.length && depth > 0) {
        const d = code[i];
        if (d === '"' || d === "'" || d === "`") {
          i = skipString(code, i);
          continue;
        }
        if (d === "{") depth += 1;
        else if (d === "}") depth -= 1;
        i += 1;
      }
    } else i += 1;
  }
  return i;
}
