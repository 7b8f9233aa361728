/**
 * The files that make `generated/` a package: package.json, tsconfig.json, the entry module, the
 * copied runtime, and the schemas (each file, plus the bundle) under `schemas/` for the
 * `wa-interactive/schemas/*.json` export.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { bannerJson } from "./print.ts";
import type { Schema, SchemaSet } from "./schema-set.ts";

const RUNTIME_DIR = new URL("./runtime/", import.meta.url);

/** Short public names for the most used validators (`validateMessage` is `validateOutboundMessage`). */
export const ALIASES: Record<string, string> = { Message: "OutboundMessage" };

export function packageJson(version: string): string {
  return bannerJson(
    {
      name: "wa-interactive",
      version,
      description: "Typed contract for WhatsApp interactive messages: JSON Schemas, validators with precise errors, builders and provider translation.",
      license: "MIT",
      type: "module",
      sideEffects: false,
      engines: { node: ">=20.19" },
      exports: {
        ".": { types: "./dist/index.d.ts", default: "./dist/index.js" },
        "./schemas/*.json": "./schemas/*.json",
        "./package.json": "./package.json",
      },
      types: "./dist/index.d.ts",
      files: ["dist", "schemas"],
      keywords: ["whatsapp", "interactive", "json-schema", "validation", "cloud-api"],
    },
    "//",
  );
}

export function tsconfig(): string {
  return bannerJson(
    {
      compilerOptions: {
        target: "es2022",
        lib: ["es2022"],
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        declaration: true,
        declarationMap: true,
        sourceMap: true,
        verbatimModuleSyntax: true,
        isolatedModules: true,
        noUncheckedIndexedAccess: true,
        rootDir: "src",
        outDir: "dist",
        types: [],
      },
      include: ["src"],
    },
    "//",
  );
}

export function indexModule(modules: string[]): string {
  const aliases = Object.entries(ALIASES).flatMap(([short, full]) => [
    `is${full} as is${short}`,
    `validate${full} as validate${short}`,
    `assert${full} as assert${short}`,
  ]);
  return [
    ...modules.map((m) => `export * from "./${m}.js";`),
    `export { ValidationError, type ValidationIssue, type ValidationResult } from "./runtime/issues.js";`,
    `export { ${aliases.join(", ")} } from "./validators.js";`,
  ].join("\n");
}

/** The hand-written runtime, copied into the package so it has no runtime dependency. */
export function runtimeFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(RUNTIME_DIR).sort()) {
    if (name.endsWith(".ts")) out.set(`src/runtime/${name}`, readFileSync(join(RUNTIME_DIR.pathname, name), "utf8"));
  }
  return out;
}

export function schemaFiles(set: SchemaSet, bundle: Schema): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of set.files) {
    const { $schema, $id, ...rest } = file.schema;
    out.set(`schemas/${file.path}`, bannerJson({ $schema, $id, ...rest }, "$comment"));
  }
  const { $schema, $id, ...rest } = bundle;
  out.set("schemas/bundle.schema.json", bannerJson({ $schema, $id, ...rest }, "$comment"));
  return out;
}
