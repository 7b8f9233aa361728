/**
 * The files that make `generated/` a package: package.json, tsconfig.json, the entry module, the
 * hand-written code copied from `src/`, and the schemas (each file, plus the bundle) under `schemas/` for the
 * `wa-interactive/schemas/*.json` export.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { lit, ts } from "./code.ts";
import { BANNER, bannerJson } from "./print.ts";
import type { ProviderMapping } from "./providers.ts";
import type { Schema, SchemaSet } from "./schema-set.ts";

const RUNTIME_DIR = new URL("../src/runtime/", import.meta.url);
const WIRE_DIR = new URL("../src/wire/", import.meta.url);
const CLI_DIR = new URL("../src/cli/", import.meta.url);
const EMULATOR_DIR = new URL("../src/emulator/", import.meta.url);

/** The `bin` script: the compiled command line needs a `#!` line first, which TypeScript sources cannot carry under our banner. */
export const BIN_PATH = "bin/wa-interactive.js";

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
        // Signature checks: their own entry, because the Vonage scheme loads `jose` (an optional peer).
        "./verify": { types: "./dist/verify.d.ts", default: "./dist/verify.js" },
        // TypeBox schemas for Fastify routes: their own entry, because they load `@sinclair/typebox` (an optional peer).
        "./typebox": { types: "./dist/typebox.d.ts", default: "./dist/typebox.js" },
        // The local WhatsApp emulator: its own entry, because it runs on Node only (node:http).
        "./emulator": { types: "./dist/emulator/index.d.ts", default: "./dist/emulator/index.js" },
        "./schemas/*.json": "./schemas/*.json",
        "./package.json": "./package.json",
      },
      types: "./dist/index.d.ts",
      bin: { "wa-interactive": `./${BIN_PATH}` },
      // src/ ships so the declaration maps lead "go to definition" to the TypeScript source.
      files: ["dist", "src", "schemas", "bin", "docs", "CAPABILITIES.md"],
      keywords: ["whatsapp", "interactive", "json-schema", "validation", "cloud-api"],
      peerDependencies: { "@sinclair/typebox": "^0.34.52", jose: "^6.1.3" },
      peerDependenciesMeta: { "@sinclair/typebox": { optional: true }, jose: { optional: true } },
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
        // jose's declarations name DOM types (Headers, CryptoKey) that an ES2022-only build lacks.
        skipLibCheck: true,
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
  return ts`${modules.map((m) => ts`export * from ${lit(`./${m}.js`)};`)}
export { ValidationError, type Severity, type ValidateOptions, type ValidationIssue, type ValidationResult } from "./runtime/issues.js";
export { ${aliases.join(", ")} } from "./validators.js";`;
}

function copyTs(dir: URL, to: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith(".ts")) out.set(`${to}/${name}`, readFileSync(join(dir.pathname, name), "utf8"));
  }
  return out;
}

/**
 * The hand-written support the generated code calls, copied into the package so it has no runtime
 * dependency: the generic runtime (`src/runtime/`) and the providers' wire (`src/wire/`).
 */
export function runtimeFiles(): Map<string, string> {
  return new Map([...copyTs(RUNTIME_DIR, "src/runtime"), ...copyTs(WIRE_DIR, "src/wire")]);
}

/** The hand-written emulator (`src/emulator/`), the `wa-interactive/emulator` entry. */
export function emulatorFiles(): Map<string, string> {
  return copyTs(EMULATOR_DIR, "src/emulator");
}

/** The hand-written command line (`src/cli/`) and the `bin` script that starts it. */
export function cliFiles(): Map<string, string> {
  const out = copyTs(CLI_DIR, "src/cli");
  out.set(
    BIN_PATH,
    ts`#!/usr/bin/env node
// ${BANNER}
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2));
`,
  );
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
  // What every rule's x-source names, so other languages can tell errors from warnings too.
  out.set("schemas/sources.json", bannerJson(Object.fromEntries(set.sources), "$comment"));
  return out;
}

/** The Python reference modules: the x- keywords, and errors told from warnings. */
const PYTHON_MODULES = ["x_keywords.py", "severity.py"];

/**
 * The Python reference implementation, beside the schemas (and `sources.json`) it reads, so a Python
 * project finds it in the installed package (`node_modules/wa-interactive/schemas/x_keywords.py`).
 */
export function pythonFiles(): Map<string, string> {
  return new Map(
    PYTHON_MODULES.map((name) => {
      const source = readFileSync(new URL(`../examples/python/${name}`, import.meta.url), "utf8");
      return [`schemas/${name}`, `# ${BANNER} Copied from examples/python/${name}.\n\n${source}`];
    }),
  );
}

/** What the README's examples leave to the reader, declared ahead of each so that it compiles on its own. */
export const README_GIVEN = [
  "declare const incoming: string; // a JSON payload received from elsewhere",
  "declare const rawBody: string; // a webhook request's body",
];

/**
 * The README's TypeScript examples, each a module of its own with README_GIVEN ahead of it. The
 * tests compile them against the package's sources, and the pack check against the packed package.
 */
export function readmeExamples(readme: string): string[] {
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => `${README_GIVEN.join("\n")}\n${m[1]}`);
}

/**
 * The package's own README, the page npm shows: what it is, how to install and use it. The
 * providers are listed from their mappings, so a new one is named here without an edit; the code
 * examples are compiled against the package (see readmeExamples).
 */
export function packageReadme(providers: Pick<ProviderMapping, "provider" | "title">[]): string {
  const names = providers.map((p) => `  - \`${p.provider}\`: ${p.title}`);
  return `# wa-interactive

The typed contract for WhatsApp interactive messages (reply buttons, lists, products, catalog,
CTA URL, location request, flows, carousels, call buttons, address messages, payment orders) and
reactions: validators that report every broken WhatsApp rule with its JSON Pointer path and limit,
fluent builders, translation to and from the request bodies and webhooks of ${providers.length} providers,
and the JSON Schemas it is all generated from.

\`\`\`sh
npm install wa-interactive
\`\`\`

\`\`\`ts
import { button, interactiveMessage, parseWebhook, toProvider, validateInteractive } from "wa-interactive";

// Build: the chain offers three .reply() calls at most; build() checks every rule, throwing a ValidationError.
const slots = button().body("Pick a slot").reply("slot-1", "15:00").reply("slot-2", "16:30").build();

// Send through a provider: its request body, typed (here Vonage's).
const body = toProvider("vonage", interactiveMessage(slots).to("447700900001").build(), { from: "447700900000" });

// Receive: every message and status of a webhook call, and every bad item as an issue.
const { events, errors } = parseWebhook("meta", rawBody);

// Validate a payload from elsewhere: every broken rule, with its path and limit.
const result = validateInteractive(JSON.parse(incoming));
if (!result.ok) for (const e of result.errors) console.error(\`\${e.path} [\${e.rule}] \${e.message}\`);
\`\`\`

- Entry points: \`wa-interactive\` (validators, types, builders, providers; no dependencies),
  \`wa-interactive/verify\` (webhook signatures; needs \`jose\` for Vonage),
  \`wa-interactive/typebox\` (route schemas; needs \`@sinclair/typebox\`),
  \`wa-interactive/emulator\` (a local WhatsApp and chat page for testing bots; Node only),
  \`wa-interactive/schemas/<path>.json\` (the JSON Schemas, and \`bundle.schema.json\` with all of them).
- Providers, by the name \`toProvider\`, \`fromProvider\`, \`parseWebhook\` and \`verifyWebhook\` take:
${names.join("\n")}
- Python: \`schemas/x_keywords.py\` adds the \`x-\` rules to python-jsonschema (4.10 and later), so
  Python gets the same verdicts from \`schemas/bundle.schema.json\`, and \`schemas/severity.py\` tells
  errors from warnings; put the \`schemas/\` folder on \`sys.path\` and \`import x_keywords\` (usage
  in its docstring).
- Errors and warnings: a rule Meta documents is an error; one only libraries or users report is a
  warning, returned in \`warnings\` with \`ok: true\` (by \`parseWebhook\` too: each at its item's
  JSON Pointer, the item's event still given). \`validate…(value, { strict: true })\` (and
  \`build({ strict: true })\`) makes every warning an error. \`is…\` answers the error verdict.
  \`schemas/sources.json\` lists every rule's source.
- Built messages: \`build()\` returns plain JSON that is yours to change. An envelope checks the
  message it holds again when it is built (\`interactiveMessage(built).to(…).build()\`), so a change
  made after \`build()\` is reported at its path, never sent unchecked; that second check costs
  about as much as the first. Give the envelope the builder itself
  (\`interactiveMessage(button().body(…).reply(…)).to(…).build()\`) and the message is built and
  checked once, with the envelope.
- Command line: \`npx wa-interactive --help\` (\`validate --strict\` fails on warnings too); \`npx wa-interactive emulate --webhook <url> --app-secret <s> --token <t>\`
  starts the emulator and its chat page.
- Reference: \`docs/\` (a page per interactive type with every field and limit) and
  \`CAPABILITIES.md\` (which provider carries which type).
`;
}
