/**
 * Cuts a large TypeScript module into runs of whole top-level statements, so that both cores can
 * format one file: prettier formats each top-level statement on its own (its comments, its line
 * breaks), and keeps one blank line between two statements where the source has one or more. So the
 * formatted pieces, joined with a blank line where the source had one at the cut, are the formatted
 * file.
 *
 * A cut is made only at the start of a line that begins a declaration or a comment (`export`,
 * `function`, `const`, …), after a line ending in `;` or `}` (not in a comment), where a light scan finds no open
 * bracket, string, template or comment. A cut anywhere else leaves a bracket, string, template or
 * comment open in the piece before it, so prettier fails on that piece and print.ts formats the
 * file whole instead: a wrong cut costs time, never a different output.
 */

/** Where a top-level statement may begin. */
const STATEMENT = /^(?:export |import |function |async function |const |let |var |class |interface |type |declare |enum |\/\/|\/\*)/;

/** A `/` after one of these (or at a line's start) begins a regular expression, not a division. */
const BEFORE_REGEX = new Set(["", "(", ",", "=", ":", "[", "!", "&", "|", "?", "{", "}", ";", "+", "-", "*", "%", "<", ">", "~", "^"]);

const WORD = /[A-Za-z0-9_$]/;

/** Offsets of the lines that may begin a top-level statement. */
export function statementStarts(text: string): number[] {
  const starts: number[] = [];
  const templates: number[] = []; // bracket depth at each open `${`
  let depth = 0;
  let last = ""; // the last significant character, for telling a regex from a division
  let lineEnd = ""; // the last significant character before the line about to begin
  let i = 0;
  const skipQuoted = (quote: string) => {
    for (i++; i < text.length && text[i] !== quote; i++) if (text[i] === "\\") i++;
  };
  const skipTemplateText = () => {
    // From inside a template's text to its end (`) or its next `${`.
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === "\\") i++;
      else if (c === "`") return;
      else if (c === "$" && text[i + 1] === "{") {
        templates.push(depth++);
        i++;
        return;
      }
    }
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      if (last !== "") lineEnd = last;
      if (depth === 0 && templates.length === 0 && (lineEnd === ";" || lineEnd === "}") && STATEMENT.test(text.slice(i + 1, i + 16)))
        starts.push(i + 1);
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    // A comment belongs to what follows it, so no cut is made right after one.
    if (c === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i + 1] !== "\n") i++;
      last = "comment";
      continue;
    }
    if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
      last = "comment";
      continue;
    }
    if (c === '"' || c === "'") skipQuoted(c);
    else if (c === "`") {
      i++;
      skipTemplateText();
    } else if (c === "/" && BEFORE_REGEX.has(last)) {
      let inClass = false;
      for (i++; i < text.length && text[i] !== "\n" && (inClass || text[i] !== "/"); i++) {
        if (text[i] === "\\") i++;
        else if (text[i] === "[") inClass = true;
        else if (text[i] === "]") inClass = false;
      }
    } else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (c === "}" && templates.length > 0 && templates[templates.length - 1] === depth) {
        templates.pop();
        i++;
        skipTemplateText();
      }
    }
    last = WORD.test(c) ? "a" : c;
  }
  return starts;
}

/** `text` cut at top-level statements into pieces of about `size` characters (one piece if it is smaller). */
export function splitStatements(text: string, size: number): string[] {
  if (text.length < 2 * size) return [text];
  const pieces: string[] = [];
  let from = 0;
  for (const at of statementStarts(text)) {
    if (at - from < size || text.length - at < size / 2) continue;
    pieces.push(text.slice(from, at));
    from = at;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/** The formatted file from its formatted pieces: a blank line at each cut the source had one at. */
export function joinFormatted(pieces: readonly string[], formatted: readonly string[]): string {
  return formatted.map((text, i) => (i > 0 && /\n[ \t]*\n$/.test(pieces[i - 1]!) ? `\n${text}` : text)).join("");
}
