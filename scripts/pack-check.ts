/**
 * `npm run pack-check`: checks `generated/` the way a user meets it, as a published tarball.
 * Builds it, packs it, lints the package (publint, strict) and its types (attw, esm-only profile),
 * then installs the tarball into a fresh project and there imports it from ESM, `require()`s it
 * from CommonJS, type-checks a strict TypeScript consumer (module nodenext) and the README's
 * examples, imports a schema through `wa-interactive/schemas/…json` with a JSON import
 * attribute, and runs the `bin`.
 * Ends with the numbers a release note wants: packed and unpacked size, files, and how many
 * packages the root entry imports (it must be none).
 */
import { execFileSync, type ExecFileSyncOptions, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { readmeExamples } from "../generator/package.ts";
import { ID_BASE } from "../generator/schema-set.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkgDir = join(root, "generated");
const bin = (name: string) => join(root, "node_modules/.bin", name);
const started = performance.now();

function step(title: string, file: string, args: string[], options: ExecFileSyncOptions = {}): string {
  const t = performance.now();
  try {
    const out = execFileSync(file, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], ...options }) as string;
    console.log(`ok    ${title} (${Math.round(performance.now() - t)} ms)`);
    return out;
  } catch (e) {
    const { stdout, stderr } = e as { stdout?: string; stderr?: string };
    console.error(`FAIL  ${title}\n${stdout ?? ""}${stderr ?? ""}`);
    process.exit(1);
  }
}

/** The package names a module graph imports, following relative imports from `entry`, and how many modules it has. */
function bareImports(entry: string): { packages: Set<string>; modules: number } {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    // Static imports and re-exports (tsc writes each on its own line) and dynamic import() calls.
    const specifiers = source.matchAll(/^\s*(?:import|export)\s(?:[^;"']*?\sfrom\s*)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm);
    for (const [, staticSpec, dynamicSpec] of specifiers) {
      const spec = (staticSpec ?? dynamicSpec)!;
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec));
      else packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  };
  visit(entry);
  return { packages, modules: seen.size };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// 1. Build from scratch, so no stale file from an earlier build reaches the tarball.
rmSync(join(pkgDir, "dist"), { recursive: true, force: true });
step("build generated/ with tsc", bin("tsc"), ["-p", join(pkgDir, "tsconfig.json")]);

// 2. Pack, as `npm publish` would.
const work = mkdtempSync(join(tmpdir(), "wa-interactive-pack-"));
// The tarball and the consumer project go away however the check ends, failures included.
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const [packed] = JSON.parse(step("npm pack", "npm", ["pack", "--json", "--pack-destination", work], { cwd: pkgDir })) as {
  filename: string;
  size: number;
  unpackedSize: number;
  entryCount: number;
}[];
const tarball = join(work, packed!.filename);

// 3. Lint the package and its types.
step("publint --strict", bin("publint"), ["run", tarball, "--strict", "--level", "suggestion"]);
step("attw --pack --profile esm-only", bin("attw"), ["--pack", pkgDir, "--profile", "esm-only", "--format", "table-flipped"]);

// 4. A fresh project that installs the tarball like any dependency.
const consumer = join(work, "consumer");
mkdirSync(consumer);
const write = (name: string, text: string) => writeFileSync(join(consumer, name), text);
write("package.json", JSON.stringify({ name: "consumer", private: true, type: "module" }, null, 2));
// Optional peers (a subpath's heavier library, such as jose for ./verify) are installed too, so every
// subpath can be imported; step 6 proves the root entry needs none of them.
const peers = Object.entries(
  (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { peerDependencies?: Record<string, string> }).peerDependencies ?? {},
).map(([name, range]) => `${name}@${range}`);
step(
  `npm install the tarball${peers.length ? ` and its peers (${peers.join(", ")})` : ""} into a fresh project`,
  "npm",
  ["install", tarball, ...peers, "--no-audit", "--no-fund", "--prefer-offline"],
  { cwd: consumer },
);

/** The package's code entry points: `wa-interactive` and each subpath such as `wa-interactive/verify`. */
const manifestExports = (JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")) as { exports: Record<string, unknown> }).exports;
const entries = Object.keys(manifestExports)
  .filter((key) => !key.includes("*") && key !== "./package.json")
  .map((key) => `wa-interactive${key.slice(1)}`);

const broken = { type: "button", body: { text: "Pick one" }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "A title that is too long" } }] } };

write(
  "esm.mjs",
  `import { validateInteractive } from "wa-interactive";
import bundle from "wa-interactive/schemas/bundle.schema.json" with { type: "json" };
import button from "wa-interactive/schemas/interactive/button.schema.json" with { type: "json" };
const result = validateInteractive(${JSON.stringify(broken)});
if (result.ok || result.errors[0].path !== "/action/buttons/0/reply/title") throw new Error("unexpected result " + JSON.stringify(result));
if (!bundle.$defs.ButtonInteractive || button.$id !== ${JSON.stringify(`${ID_BASE}interactive/button.schema.json`)}) throw new Error("schemas not importable");
for (const entry of ${JSON.stringify(entries)}) {
  const module = await import(entry);
  if (Object.keys(module).length === 0) throw new Error(entry + " exports nothing");
}
console.log("esm ok");
`,
);
step(`ESM import of ${entries.join(", ")}, and schemas imported with { type: "json" }`, "node", ["esm.mjs"], { cwd: consumer });

write(
  "cjs.cjs",
  `const { validateInteractive, ValidationError } = require("wa-interactive");
const result = validateInteractive(${JSON.stringify(broken)});
if (result.ok || typeof ValidationError !== "function") throw new Error("unexpected result");
for (const entry of ${JSON.stringify(entries)}) if (Object.keys(require(entry)).length === 0) throw new Error(entry + " exports nothing");
console.log("cjs ok");
`,
);
step(`CommonJS require() of ${entries.join(", ")}`, "node", ["cjs.cjs"], { cwd: consumer });

write(
  "tsconfig.json",
  JSON.stringify(
    {
      compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, resolveJsonModule: true, types: [], lib: ["es2022"] },
      include: ["consumer.ts"],
    },
    null,
    2,
  ),
);
write(
  "consumer.ts",
  `import { assertInteractive, validateInteractive, ValidationError, type Interactive, type ValidationIssue } from "wa-interactive";
import bundle from "wa-interactive/schemas/bundle.schema.json" with { type: "json" };

const payload: unknown = JSON.parse("{}");
const result = validateInteractive(payload);
if (result.ok) {
  const kind: Interactive["type"] = result.value.type;
  // @ts-expect-error the payload's type is a union of string literals, not a number
  const wrong: number = result.value.type;
  void kind, wrong;
} else {
  const first: ValidationIssue | undefined = result.errors[0];
  void first?.path.toUpperCase();
}
try {
  assertInteractive(payload);
  const narrowed: Interactive = payload;
  void narrowed;
} catch (e) {
  if (e instanceof ValidationError) void e.errors.length;
}
const title: string = bundle.title;
void title;
`,
);
step("strict TypeScript consumer (module nodenext) type-checks", bin("tsc"), ["-p", join(consumer, "tsconfig.json")]);

// The README npm shows: each TypeScript example, compiled against the installed package. Its
// examples log with `console`, so this project has the DOM library too.
const examples = readmeExamples(readFileSync(join(pkgDir, "README.md"), "utf8")).map((source, i) => {
  write(`readme-${i + 1}.mts`, source);
  return `readme-${i + 1}.mts`;
});
write(
  "readme.tsconfig.json",
  JSON.stringify({ compilerOptions: { target: "es2022", module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [], lib: ["es2022", "dom"] }, files: examples }, null, 2),
);
step(`the README's ${examples.length} TypeScript example(s) type-check against the package`, bin("tsc"), ["-p", join(consumer, "readme.tsconfig.json")]);

// 5. The bin, as npm links it: a broken payload is exit code 1 with the issue in the JSON report.
writeFileSync(join(consumer, "broken.json"), JSON.stringify(broken));
const cli = spawnSync(join(consumer, "node_modules/.bin/wa-interactive"), ["validate", "--json", "broken.json"], { cwd: consumer, encoding: "utf8" });
const report = cli.status === 1 ? (JSON.parse(cli.stdout) as { valid: boolean; errors: { rule: string }[] }) : undefined;
if (report?.valid !== false || report.errors[0]?.rule !== "maxLength") {
  console.error(`FAIL  bin wa-interactive validate: exit ${cli.status}\n${cli.stdout}${cli.stderr}`);
  process.exit(1);
}
console.log("ok    bin wa-interactive validate (exit 1, issue reported)");

// 6. The numbers, measured on what was installed.
const installed = join(consumer, "node_modules/wa-interactive");
const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
};
/** What each code entry imports from outside the package, following its module graph. */
const graphs = entries.map((entry) => {
  const target = manifestExports[`.${entry.slice("wa-interactive".length)}`] as { default: string };
  return { entry, ...bareImports(join(installed, target.default)) };
});
const rootGraph = graphs.find((g) => g.entry === "wa-interactive")!;
const rootImports = [...rootGraph.packages];
console.log(
  [
    "",
    `packed size:        ${kb(packed!.size)}`,
    `unpacked size:      ${kb(packed!.unpackedSize)}`,
    `files:              ${packed!.entryCount}`,
    `dependencies:       ${Object.keys(manifest.dependencies ?? {}).length} declared, peer: ${Object.keys(manifest.peerDependencies ?? {}).join(", ") || "none"}`,
    ...graphs.map(
      (g) => `imports of ${g.entry}: ${g.packages.size} packages${g.packages.size ? ` (${[...g.packages].join(", ")})` : ""}, ${g.modules} modules followed`,
    ),
  ].join("\n"),
);
if (rootImports.length > 0) {
  console.error("FAIL  the root entry must import nothing, not even node: built-ins: move what needs one behind its own subpath");
  process.exit(1);
}
console.log(`pack-check passed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
