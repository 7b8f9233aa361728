/**
 * Names and documentation text for the generated builders: method names from property names, and
 * JSDoc from schema descriptions.
 */
import { pascalCase } from "../names.ts";

/** A property name as a method name: `product_retailer_id` → `productRetailerId`. */
export function camel(key: string): string {
  const p = pascalCase(key);
  return p[0]!.toLowerCase() + p.slice(1);
}

/** `sections` → `section`, `saved_addresses` → `saved_address`, `product_items` → `product_item`. */
export function singular(key: string): string {
  if (/sses$/.test(key)) return key.slice(0, -2);
  if (/ies$/.test(key)) return `${key.slice(0, -3)}y`;
  if (/s$/.test(key)) return key.slice(0, -1);
  return key;
}

/**
 * A doc comment (followed by a line break), or nothing when there is nothing to say: the
 * description and extra paragraphs, then a `@param` per documented parameter. One line when all of
 * it fits on one, else a block with a ` * ` line each.
 */
export function docs(description: string, params: [string, string][] = [], extra: string[] = []): string {
  const clean = (s: string) => s.replace(/\*\//g, "*\\/");
  const tags = params.filter(([, d]) => d).map(([name, d]) => `@param ${name} ${clean(d)}`);
  const text = [description, ...extra].filter(Boolean).map(clean).join("\n\n");
  const lines = [...(text ? text.split("\n") : []), ...tags.flatMap((t) => t.split("\n"))];
  if (lines.length === 0) return "";
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((l) => (l ? ` * ${l}` : " *")).join("\n")}\n */\n`;
}

/** Sentences joined, the empty ones left out. */
export function joinText(...parts: string[]): string {
  return parts.filter(Boolean).join(" ");
}

export function capitalize(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

/** "a reply buttons message", "an address message". */
export function a(title: string): string {
  return `${/^[aeiou]/i.test(title) ? "an" : "a"} ${title}`;
}
