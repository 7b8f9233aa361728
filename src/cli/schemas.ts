/**
 * `wa-interactive schemas`: where the installed package keeps its schema files, for tools and
 * other languages that read them directly.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printJson } from "./report.js";
import { EXIT, type Command, UsageError } from "./usage.js";

/** The package's `schemas/` folder, two levels above this module in `dist/cli/`. */
const SCHEMAS_DIR = fileURLToPath(new URL("../../schemas/", import.meta.url));

function schemaFiles(dir: string, prefix = ""): string[] {
  return readdirSync(`${dir}${prefix}`, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? schemaFiles(dir, `${prefix}${e.name}/`)
        : e.name.endsWith(".schema.json")
          ? [`${prefix}${e.name}`]
          : [],
    )
    .sort();
}

export const schemas: Command = {
  name: "schemas",
  summary: "print where the schema files and the single-file bundle are",
  about: [
    "Prints the folder holding the JSON Schema files (draft 2020-12, one concept per file, linked by",
    "relative $refs), the single-file bundle (every schema under $defs, for validators that cannot",
    "resolve references) and the Extended_Pictographic ranges the x-noEmoji and x-emoji keywords need.",
  ],
  options: {
    json: { type: "boolean", help: "print { dir, bundle, pictographic, files } on standard output instead" },
  },
  readsInput: false,
  async run(values, positionals) {
    if (positionals.length > 0) throw new UsageError(`schemas takes no operands, got: ${positionals.join(" ")}`);
    const files = schemaFiles(SCHEMAS_DIR).filter((f) => f !== "bundle.schema.json");
    const bundle = `${SCHEMAS_DIR}bundle.schema.json`;
    const pictographic = `${SCHEMAS_DIR}extended-pictographic.json`;
    if (values.json) printJson({ dir: SCHEMAS_DIR, bundle, pictographic, files });
    else {
      process.stdout.write(
        [
          `schemas:      ${SCHEMAS_DIR} (${files.length} files)`,
          `bundle:       ${bundle}`,
          `pictographic: ${pictographic}`,
          "",
        ].join("\n"),
      );
    }
    return EXIT.valid;
  },
};
