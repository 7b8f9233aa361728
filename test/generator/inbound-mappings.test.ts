/**
 * An inbound mapping is read against the provider's webhook schema and the event schema while the
 * normaliser is written: a typo, a read the schema has no place for, an unknown hook or an event
 * part that could come out missing fails generation with a message naming the mapping, instead of
 * becoming code that reads nothing.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emitProviders } from "../../generator/providers.ts";
import { loadSchemaSet } from "../../generator/schema-set.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The provider modules emitted from a copy of schemas/ whose mapping for `provider` has its `inbound` edited. */
function emitWith(provider: string, edit: (inbound: Record<string, any>) => void): Map<string, string> {
  dir = mkdtempSync(join(tmpdir(), "wa-inbound-"));
  cpSync(SCHEMAS_DIR, dir, { recursive: true, filter: (src) => !src.includes(`${SCHEMAS_DIR}/examples`) });
  const path = join(dir, "providers", provider, "mapping.json");
  const mapping = JSON.parse(readFileSync(path, "utf8"));
  edit(mapping.inbound);
  writeFileSync(path, JSON.stringify(mapping));
  return emitProviders(dir, loadSchemaSet(dir));
}

const WHERE = /schemas\/providers\/(vonage|aisoule|infobip)\/mapping\.json \(inbound\)/;

describe("inbound mappings", () => {
  it("write the mapping's comments into the normaliser, and one case per provider value", () => {
    const code = emitProviders(SCHEMAS_DIR, loadSchemaSet(SCHEMAS_DIR)).get("src/providers/vonage-webhook.ts")!;
    expect(code).toContain("// A reply button tap and a list row choice both arrive as reply");
    for (const type of ["reply", "button", "text", "location", "order"]) expect(code).toContain(`case ${JSON.stringify(type)}:`);
    // No mapping is read at run time: no pointer is split and no generic walk is imported.
    expect(code).not.toMatch(/split\("\/"\)|runtime\/walk\.js/);
  });

  it("reject a case key no case takes", () => {
    expect(() => emitWith("vonage", (inbound) => (inbound.present.cases.text.feilds = {}))).toThrow(/"feilds", which no case takes/);
    expect(() => emitWith("vonage", (inbound) => (inbound.present.cases.text.feilds = {}))).toThrow(WHERE);
  });

  it("reject a read the webhook schema has no place for", () => {
    expect(() => emitWith("vonage", (inbound) => (inbound.present.cases.text.fields["/text"] = "/txet"))).toThrow(
      /the vonage webhook schema has no \/txet there/,
    );
  });

  it("reject an event part the event schema has no place for", () => {
    expect(() => emitWith("aisoule", (inbound) => (inbound.cases["message.received"].cases.text.fields["/body"] = "/data/body"))).toThrow(
      /InboundEvent has no "body"/,
    );
  });

  it("reject an unknown hook", () => {
    expect(() => emitWith("vonage", (inbound) => (inbound.present.cases.reply.kind = { hook: "guessKind", from: "/reply/id" }))).toThrow(
      /unknown hook "guessKind"; the hooks are isoTime, parseObject, replyKind, flowKind, contactCards, sharedPhone, senderContact/,
    );
  });

  it("reject an event part the event requires from a source that may be missing", () => {
    expect(() => emitWith("vonage", (inbound) => (inbound.present.event["/messageId"] = "/to"))).toThrow(
      /the event's \/messageId may be missing: list the part in "requires"/,
    );
  });

  it("reject a value sharing the case of a value that has none", () => {
    expect(() => emitWith("aisoule", (inbound) => (inbound.cases["message.read"] = "message.seen"))).toThrow(
      /case "message.read" shares "message.seen", which has no case of its own/,
    );
  });

  it("reject a case that gives no event, error or choice", () => {
    expect(() => emitWith("aisoule", (inbound) => delete inbound.cases["message.sent"].kind)).toThrow(/a case gives neither a kind, an error nor a choice/);
  });
});
