/**
 * The provider mappings are checked against the schema set before anything is emitted: a new
 * message property or interactive type fails generation until every provider says what it does
 * with it, and a mapping with a hole or a typo is an error naming the file.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildGraph } from "../../generator/graph/build.ts";
import { namedSchemas } from "../../generator/names.ts";
import { emitProviders, loadProviders, messageKinds } from "../../generator/providers.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A copy of schemas/ with one file edited. */
function withSchema(file: string, edit: (json: Record<string, any>) => void): string {
  dir = mkdtempSync(join(tmpdir(), "wa-providers-"));
  cpSync(SCHEMAS_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${SCHEMAS_DIR}/examples`) });
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, "utf8"));
  edit(json);
  writeFileSync(path, JSON.stringify(json));
  return dir;
}

/** A copy of schemas/ with one provider's mapping edited. */
const withMapping = (provider: string, edit: (mapping: Record<string, any>) => void) =>
  withSchema(`providers/${provider}/mapping.json`, edit);

const load = (schemasDir: string) => loadProviders(schemasDir, loadSchemaSet(schemasDir));

describe("provider mappings", () => {
  it("load for all seven providers, Meta first", () => {
    expect(load(SCHEMAS_DIR).map((p) => p.mapping.provider)).toEqual([
      "meta",
      "360dialog",
      "aisoule",
      "exotel",
      "infobip",
      "vonage",
      "whatsapp-node-sdk",
    ]);
  });

  it("give every interactive type of the schema set a capability", () => {
    const schemas = loadSchemaSet(SCHEMAS_DIR);
    const kinds = messageKinds(buildGraph(schemas, namedSchemas(schemas)));
    expect(kinds).toContain("carousel");
    for (const p of load(SCHEMAS_DIR)) expect(Object.keys(p.mapping.capabilities).sort()).toEqual([...kinds].sort());
  });

  it("reject a missing capability", () => {
    const schemas = withMapping("vonage", (m) => delete m.capabilities.flow);
    expect(() => load(schemas)).toThrow(/providers\/vonage\/mapping.json: capability of "flow"/);
  });

  it("reject a capability that is not documented without a reason", () => {
    const schemas = withMapping("aisoule", (m) => delete m.notes.reaction);
    expect(() => load(schemas)).toThrow(/"reaction" is unsupported: notes.reaction must say why/);
  });

  it("reject a message property with no fate", () => {
    const schemas = withMapping("vonage", (m) => delete m.outbound.unsupported["/biz_opaque_callback_data"]);
    expect(() => load(schemas)).toThrow(
      /property "biz_opaque_callback_data" is neither mapped nor implied nor unsupported/,
    );
  });

  it("reject a part of a kind's message with no fate, for a provider with a body per kind", () => {
    const schemas = withMapping("infobip", (m) => {
      m.outbound.kinds.list.fields = m.outbound.kinds.list.fields.filter((f: { body: string }) => !f.body.endsWith("/description"));
    });
    expect(() => load(schemas)).toThrow(/list: \/interactive\/action\/sections\/\*\/rows\/\*\/description neither mapped/);
  });

  it("refuse to emit a body whose schema demands what the translation cannot check", () => {
    const schemas = withSchema("providers/infobip/content/product.schema.json", (s) => {
      s.properties.action.properties.catalogId = { type: "string", format: "uuid" };
    });
    expect(() => emitProviders(schemas, loadSchemaSet(schemas))).toThrow(
      /\/content\/action\/catalogId: the provider's schema adds "format"/,
    );
  });

  it("refuse an array whose item limits the source array does not guarantee", () => {
    const schemas = withSchema("providers/infobip/content/buttons.schema.json", (s) => {
      s.properties.action.properties.buttons.maxItems = 2;
    });
    expect(() => emitProviders(schemas, loadSchemaSet(schemas))).toThrow(/maxItems of 2 is not guaranteed/);
  });

  it("reject a provider name that is not its folder, and a signature header not in lower case", () => {
    expect(() => load(withMapping("exotel", (m) => (m.provider = "exotell")))).toThrow(
      /"provider" must be the folder name/,
    );
    expect(() => load(withMapping("meta", (m) => (m.signature.header = "X-Hub-Signature-256")))).toThrow(
      /lower-case header name/,
    );
  });

  it("reject a provider without a signature scheme that does not say why", () => {
    expect(() => load(withMapping("exotel", (m) => delete m.signature.reason))).toThrow(/must say why/);
  });

  it("emit one module per provider (and its webhook normaliser where the mapping declares it), the dispatcher, verify and the capability table", () => {
    const files = [...emitProviders(SCHEMAS_DIR, loadSchemaSet(SCHEMAS_DIR)).keys()].sort();
    expect(files).toEqual([
      "CAPABILITIES.md",
      "src/providers/360dialog.ts",
      "src/providers/aisoule-webhook.ts",
      "src/providers/aisoule.ts",
      "src/providers/exotel-webhook.ts",
      "src/providers/exotel.ts",
      "src/providers/index.ts",
      "src/providers/infobip-webhook.ts",
      "src/providers/infobip.ts",
      "src/providers/meta-webhook.ts",
      "src/providers/meta.ts",
      "src/providers/vonage-webhook.ts",
      "src/providers/vonage.ts",
      "src/providers/whatsapp-node-sdk.ts",
      "src/verify.ts",
    ]);
  });

  it("keep jose out of the package root: nothing index.ts imports, however deep, loads it", () => {
    const files = new Map([...emitProviders(SCHEMAS_DIR, loadSchemaSet(SCHEMAS_DIR))]);
    const read = (path: string) => files.get(path) ?? readFileSync(join(SCHEMAS_DIR, "../generated", path), "utf8");
    const seen = new Set<string>();
    const visit = (path: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const match of read(path).matchAll(
        /^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/gm,
      )) {
        const spec = match[1] ?? match[2]!;
        expect(spec, `${path} imports ${spec}`).toMatch(/^\./);
        visit(join(path, "..", spec.replace(/\.js$/, ".ts")));
      }
    };
    visit("src/index.ts");
    expect(seen.has("src/providers/index.ts")).toBe(true);
    expect([...seen].filter((p) => /verify|vonage-jwt/.test(p))).toEqual([]);
    expect(read("src/wire/vonage-jwt.ts")).toMatch(/import\("jose"\)/);
  });
});
