import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

/** A runnable example: where it comes from, its code, and how many `// =>` checks it makes. */
export interface DocExample {
  readonly name: string;
  readonly code: string;
  readonly checks: number;
  /** How many `// =>` markers the code has; each must have become a check. */
  readonly markers: number;
}

/** An exported value of src/ with what its TSDoc says. */
export interface DocumentedExport {
  readonly name: string;
  readonly file: string;
  readonly documented: boolean;
  readonly examples: readonly string[];
}

export function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(path, suffix);
    return entry.name.endsWith(suffix) ? [path] : [];
  });
}

const FENCE = /```(?:ts|typescript)\n([\s\S]*?)```/g;

function fencedCode(text: string): string[] {
  return [...text.matchAll(FENCE)].map((match) => match[1] ?? "");
}

function commentText(comment: string | ts.NodeArray<ts.JSDocComment> | undefined): string {
  if (comment === undefined) return "";
  if (typeof comment === "string") return comment;
  return comment.map((part) => part.text).join("");
}

/** Every exported function, class and const of a source file, with its TSDoc examples. */
export function documentedExports(file: string, root: string): DocumentedExport[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
  const out: DocumentedExport[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    let names: string[] = [];
    if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) names = [statement.name.text];
    if (ts.isVariableStatement(statement)) {
      names = statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
    }
    if (names.length === 0) continue;
    const docs = ts.getJSDocCommentsAndTags(statement).filter(ts.isJSDoc);
    const examples = docs.flatMap((doc) =>
      (doc.tags ?? []).filter((tag) => tag.tagName.text === "example").flatMap((tag) => fencedCode(commentText(tag.comment))),
    );
    for (const name of names) out.push({ name, file: relative(root, file), documented: docs.length > 0, examples });
  }
  return out;
}

/** The ```ts blocks of a Markdown page. */
export function markdownExamples(file: string): string[] {
  return fencedCode(readFileSync(file, "utf8"));
}

/**
 * Turns `expression; // => expected` (the comment on the same line or on the
 * lines right after) into a checked assertion, and counts them.
 */
export function instrument(name: string, code: string): DocExample {
  const source = ts.createSourceFile(`${name}.ts`, code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node)) {
      const ranges = ts.getTrailingCommentRanges(code, node.end) ?? [];
      let expected = ranges.map((range) => code.slice(range.pos, range.end)).find((text) => text.startsWith("// =>"));
      let end = node.end;
      if (expected === undefined) {
        // The expectation may sit on the next line(s): `// => {...}`.
        const rest = code.slice(node.end);
        const next = /^[ \t]*\n((?:[ \t]*\/\/ ?=>.*\n?)(?:[ \t]*\/\/(?! ?=>).*\n?)*)/.exec(rest);
        if (next?.[1] !== undefined) {
          expected = next[1]
            .split("\n")
            .map((line) => line.replace(/^[ \t]*\/\/ ?(=> ?)?/, ""))
            .join("\n");
          expected = `// => ${expected}`;
          end = node.end + (next[0]?.length ?? 0);
        }
      } else {
        end = node.end + (ranges.find((range) => code.slice(range.pos, range.end) === expected)?.end ?? node.end) - node.end;
      }
      if (expected !== undefined) {
        const value = expected.replace(/^\/\/ ?=> ?/, "");
        const expression = node.expression.getText(source);
        edits.push({ start: node.getStart(source), end, text: `__expect((${expression}), (${value}));\n` });
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return { name, code: out, checks: edits.length, markers: (code.match(/\/\/ ?=>/g) ?? []).length };
}
