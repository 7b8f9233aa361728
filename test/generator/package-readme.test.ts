/**
 * The published README's TypeScript examples compile against the package: each ```ts block of
 * generated/README.md becomes a module that imports `wa-interactive` (and its subpaths, from the
 * package's own `exports`) and is type-checked with tsc. A renamed export or a changed signature
 * fails here instead of on npm's page. The README names its providers from the mappings; that list
 * is checked too.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { README_GIVEN, readmeExamples } from "../../generator/package.ts";
import { loadProviders } from "../../generator/providers.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { ROOT, SCHEMAS_DIR } from "../support/corpus.ts";
import { typeErrors } from "../support/tsc.ts";

const PACKAGE = join(ROOT, "generated");
const readme = readFileSync(join(PACKAGE, "README.md"), "utf8");
const examples = readmeExamples(readme);

/** `wa-interactive` and each of its subpaths, mapped from the declarations `exports` names onto the sources. */
function packagePaths(): Record<string, string[]> {
  const { exports } = JSON.parse(readFileSync(join(PACKAGE, "package.json"), "utf8")) as { exports: Record<string, unknown> };
  const paths: Record<string, string[]> = {};
  for (const [subpath, target] of Object.entries(exports)) {
    const types = (target as { types?: string }).types;
    if (!types) continue;
    paths[`wa-interactive${subpath.slice(1)}`] = [join(PACKAGE, types.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts"))];
  }
  return paths;
}

const work = mkdtempSync(join(tmpdir(), "wa-readme-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the package README", () => {
  it("has TypeScript examples", () => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it("examples type-check against the package", () => {
    const files = examples.map((source, i) => {
      const name = `block-${i + 1}.mts`;
      writeFileSync(join(work, name), source);
      return name;
    });
    const compilerOptions = {
      target: "es2022",
      lib: ["es2022", "dom"],
      module: "nodenext",
      moduleResolution: "nodenext",
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      skipLibCheck: true,
      types: [],
      paths: packagePaths(),
    };
    writeFileSync(join(work, "tsconfig.json"), JSON.stringify({ compilerOptions, files }));
    const output = typeErrors(join(work, "tsconfig.json"));
    // Lines are counted from the README block's first line, after the given declarations.
    expect(output.replace(/^\S*block-(\d+)\.mts\((\d+),(\d+)\)/gm, (_, block, line, column) => `README block ${block}, line ${Number(line) - README_GIVEN.length}:${column}`)).toBe("");
  }, 60_000);

  it("names every provider, and says how many there are", () => {
    const providers = loadProviders(SCHEMAS_DIR, loadSchemaSet(SCHEMAS_DIR));
    expect(readme).toContain(`webhooks of ${providers.length} providers`);
    for (const { mapping } of providers) expect(readme).toContain(`- \`${mapping.provider}\`: ${mapping.title}`);
  });
});
