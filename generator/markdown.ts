/**
 * Prints Markdown exactly as prettier's `markdown` parser prints it (prose wrap "preserve"), without
 * prettier, for the narrow form the generated reference pages and capability matrix are written
 * in; anything outside it returns undefined and goes to prettier. Prettier's markdown pass cost
 * about a second of CPU in every fresh run, most of it on these pages' tables.
 *
 * The form: blocks separated by blank lines, each a heading (`# …`, one line), a bullet list (every
 * line `- …`), a table (every line `| … |`, the second a delimiter row) or a paragraph, and every
 * piece of text "plain": outside code spans no character Markdown could read as syntax (`\`, `*`,
 * `_` but between letters, `<`, `[`, …; allowed are `**strong**` plain words, `[1]` note marks and
 * `[plain words](relative/path.md)` links), no letters whose spacing prettier adjusts (CJK), no
 * line that could begin another block. Such text prettier prints as written; what it changes is the table (each column padded to its
 * widest cell, at least 3, the delimiter row of dashes to match) and the blank lines between
 * blocks (one). test/generator/markdown.test.ts holds it to prettier's own output.
 */
import { util } from "prettier";

/** Characters outside code spans that prettier prints as written: ASCII without Markdown's syntax, Latin letters, dashes, quotes, currency signs, arrows, math signs. */
const PLAIN = /^[A-Za-z0-9 .,;:'"()/=+%?!\-\u00A0-\u00AC\u00AE-\u024F\u2010-\u2027\u2030-\u205E\u20A0-\u20BF\u2190-\u2193\u2200-\u22FF]*$/;

/** A code span, a `**strong**` run of plain words, a `[1]` note mark, a link of plain words to a relative path. */
const SPAN = /`([^`]+)`|\*\*([A-Za-z0-9][A-Za-z0-9 ,.'()-]*)\*\*|\[(\d+)\]|\[([A-Za-z0-9][A-Za-z0-9 ,.'-]*)\]\((\.{0,2}\/?[A-Za-z0-9][A-Za-z0-9./-]*)\)/g;

/** Whether `text` (one line, or one table cell) is printed by prettier as written. */
function plain(text: string, inTable: boolean): boolean {
  if (text !== text.trim()) return false;
  let rest = "";
  let at = 0;
  for (const m of text.matchAll(SPAN)) {
    const [whole, code, , note] = m;
    if (code !== undefined && (code !== code.trim() || (inTable && code.includes("|")))) return false;
    // Strong text may not touch a word (or it is no strong text), and a note mark is no link's
    // text nor a definition's label.
    const before = text[m.index - 1];
    const after = text[m.index + whole.length];
    if (code === undefined && before !== undefined && before !== " " && before !== "(") return false;
    if (code === undefined && after !== undefined && !(note === undefined ? /[ .,;:)]/ : /[ .,;)]/).test(after)) return false;
    rest += `${text.slice(at, m.index)}x`;
    at = m.index + whole.length;
  }
  rest += text.slice(at);
  // An underscore between two letters or digits (`recipient_type`) is no emphasis; a link needs `://` or `www.`.
  const words = rest.replace(/(?<=[A-Za-z0-9])_(?=[A-Za-z0-9])/g, "");
  return PLAIN.test(words) && !/ {2}|:\/\/|www\./.test(words);
}

/** A line that continues or starts a paragraph (or a list item's text) and begins nothing else. */
const paragraphLine = (line: string) => /^[A-Za-z0-9`"'(*[]/.test(line) && !/^\d+[.)]/.test(line) && !/^\*[^*]/.test(line) && plain(line, false);

/** The cells of a table row `| a | b |`, or undefined. */
function cells(line: string): string[] | undefined {
  if (!line.startsWith("|") || !line.endsWith("|") || line.length < 2) return undefined;
  return line
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());
}

/** The table as prettier aligns it, or undefined when it is not in the narrow form. */
function table(lines: string[]): string | undefined {
  const rows = lines.map(cells);
  const [head, delimiter] = rows;
  if (!head || !delimiter || rows.some((r) => r === undefined || r.length !== head.length)) return undefined;
  if (!delimiter.every((d) => /^-+$/.test(d))) return undefined;
  const body = [head, ...(rows.slice(2) as string[][])];
  if (!body.every((row) => row.every((cell) => plain(cell, true)))) return undefined;
  const widths = head.map((_, i) => Math.max(3, ...body.map((row) => util.getStringWidth(row[i]!))));
  const row = (r: string[]) => `| ${r.map((cell, i) => cell + " ".repeat(widths[i]! - util.getStringWidth(cell))).join(" | ")} |`;
  return [row(head), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...body.slice(1).map(row)].join("\n");
}

/** One block as prettier prints it, or undefined. */
function block(lines: string[]): string | undefined {
  const first = lines[0]!;
  if (first.startsWith("#")) return lines.length === 1 && /^#{1,6} /.test(first) && !first.endsWith("#") && plain(first.replace(/^#+ /, ""), false) ? first : undefined;
  if (first.startsWith("|")) return table(lines);
  if (first.startsWith("- ")) return lines.every((l) => l.startsWith("- ") && paragraphLine(l.slice(2))) ? lines.join("\n") : undefined;
  return lines.every(paragraphLine) ? lines.join("\n") : undefined;
}

/** `text` printed as prettier prints it, or undefined when it is not in the narrow form. */
export function printMarkdown(text: string): string | undefined {
  const blocks: string[] = [];
  let lines: string[] = [];
  const end = () => {
    if (lines.length === 0) return true;
    const printed = block(lines);
    lines = [];
    if (printed === undefined) return false;
    blocks.push(printed);
    return true;
  };
  for (const line of text.split("\n")) {
    if (line === "") {
      if (!end()) return undefined;
    } else lines.push(line);
  }
  if (!end() || blocks.length === 0) return undefined;
  return `${blocks.join("\n\n")}\n`;
}
