/**
 * Prints a JSON value exactly as prettier's `json` parser prints `JSON.stringify(value, null, 2)`,
 * without prettier: the generated package holds about fifty JSON files (the schemas, their bundle,
 * the Unicode table), and parsing each through prettier cost over a second of every fresh run.
 *
 * Prettier keeps an object broken over lines when its source has a line break after `{`, which
 * `JSON.stringify` always writes; so every object but `{}` is one member a line. An array is one
 * line when it fits in the print width (counting what follows it up to the line's end: a comma),
 * else one item a line; prettier always breaks an array of two or more objects (or arrays), each
 * with two or more members, and fills an array of numbers line by line. `print.ts` checks that a
 * file's text is what `JSON.stringify` writes before it takes this path; test/generator/json.test.ts
 * holds it to prettier's own output.
 */
import { util } from "prettier";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Whether `value` is printed over several lines whatever the width: a non-empty object, or an array
 * prettier always breaks; its break breaks every array around it too.
 */
function breaks(value: Json): boolean {
  if (Array.isArray(value)) return alwaysBroken(value) || value.some(breaks);
  return isObject(value) && Object.keys(value).length > 0;
}

/** Prettier's rule: two or more items, all objects or all arrays, each with two or more members. */
function alwaysBroken(items: Json[]): boolean {
  if (items.length < 2) return false;
  const size = (v: Json) => (Array.isArray(v) ? v.length : isObject(v) ? Object.keys(v).length : 0);
  const kind = (v: Json) => (Array.isArray(v) ? "array" : isObject(v) ? "object" : "other");
  return items.every((v) => kind(v) !== "other" && kind(v) === kind(items[0]!) && size(v) > 1);
}

/** A scalar as prettier prints it: `JSON.stringify`'s text, but an exponent without its `+` (`1e21`). */
const scalar = (value: Json): string => (typeof value === "number" ? JSON.stringify(value).replace("e+", "e") : JSON.stringify(value));

/** The one-line form of a value that has no forced break. */
const flat = (value: Json): string => (Array.isArray(value) ? `[${value.map(flat).join(", ")}]` : scalar(value));

export class JsonPrinter {
  constructor(private readonly width: number) {}

  /** The file text of `value`, ending in a newline. */
  print(value: Json): string {
    return `${this.value(value, "", 0, "")}\n`;
  }

  /**
   * `value` printed at column `column` of a line indented by `indent`, followed on its line by
   * `trailer`.
   */
  private value(value: Json, indent: string, column: number, trailer: string): string {
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0) return "{}";
      const inner = `${indent}  `;
      const members = keys.map((key, i) => {
        const head = `${inner}${JSON.stringify(key)}: `;
        return head + this.value(value[key]!, inner, util.getStringWidth(head), i < keys.length - 1 ? "," : "");
      });
      return `{\n${members.join(",\n")}\n${indent}}`;
    }
    if (!Array.isArray(value)) return scalar(value);
    if (value.length === 0) return "[]";
    if (!breaks(value)) {
      const line = flat(value);
      if (column + util.getStringWidth(line + trailer) <= this.width) return line;
    }
    const inner = `${indent}  `;
    if (value.length > 1 && value.every((v) => typeof v === "number")) return `[\n${this.fill(value as number[], inner)}\n${indent}]`;
    const items = value.map((v, i) => inner + this.value(v, inner, inner.length, i < value.length - 1 ? "," : ""));
    return `[\n${items.join(",\n")}\n${indent}]`;
  }

  /**
   * Numbers as prettier fills them: each with its comma, and the next on the same line while the
   * pair of them still fits from where the first starts.
   */
  private fill(numbers: number[], indent: string): string {
    const parts = numbers.map((n, i) => `${scalar(n)}${i < numbers.length - 1 ? "," : ""}`);
    let out = indent + parts[0]!;
    let start = indent.length;
    for (let i = 1; i < parts.length; i++) {
      if (start + parts[i - 1]!.length + 1 + parts[i]!.length <= this.width) {
        start += parts[i - 1]!.length + 1;
        out += ` ${parts[i]}`;
      } else {
        start = indent.length;
        out += `\n${indent}${parts[i]}`;
      }
    }
    return out;
  }
}
