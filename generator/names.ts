/**
 * The symbol table: which schemas are named types, and what they are called. A name comes from
 * `x-ts-name`, or for a file's root from its file name. Two schemas with one name are an error,
 * never a silent `Foo1`.
 */
import { forEachNode } from "./graph/walk.ts";
import { type Location, type Schema, type SchemaSet, SchemaSetError } from "./schema-set.ts";

export interface NamedSchema extends Location {
  name: string;
  schema: Schema;
}

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join("");
}

export function locationKey(location: Location): string {
  return `${location.file.id}#${location.pointer}`;
}

/** Every named schema of the set, in file order, then document order. */
export function namedSchemas(set: SchemaSet): NamedSchema[] {
  const out: NamedSchema[] = [];
  const seen = new Map<string, string>();
  const add = (named: NamedSchema) => {
    const where = `${named.file.path}#${named.pointer}`;
    const other = seen.get(named.name);
    if (other) throw new SchemaSetError(`type name ${named.name} is used by both ${other} and ${where}`);
    seen.set(named.name, where);
    out.push(named);
  };
  for (const file of set.files) {
    forEachNode(file.schema, "", (schema, pointer) => {
      const explicit = schema["x-ts-name"];
      if (typeof explicit === "string") add({ file, pointer, schema, name: explicit });
      else if (pointer === "") add({ file, pointer, schema, name: pascalCase(file.path.replace(/\.schema\.json$/, "").split("/").pop()!) });
    });
  }
  return out;
}
