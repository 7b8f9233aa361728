/**
 * Names and documentation text for the generated builders: method names from property names, and
 * JSDoc from schema descriptions.
 */
import { doc, docBlock } from "../code.ts";
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
 * it fits on one.
 */
export function docs(description: string, params: [string, string][] = [], extra: string[] = []): string {
  const tags = params.filter(([, d]) => d).map(([name, d]) => `@param ${name} ${d}`);
  const text = [[description, ...extra].filter(Boolean).join("\n\n"), ...tags].filter(Boolean).join("\n");
  if (!text) return "";
  return text.includes("\n") ? docBlock(text) : doc(text);
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
