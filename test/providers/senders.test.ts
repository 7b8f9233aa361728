/**
 * Who wrote an inbound event, across every webhook fixture of every provider: the one key a bot
 * holds a conversation by (`senderId`) is the phone number when there is one, else the
 * business-scoped user id; no identity is ever `""`; and the three providers that forward Meta's
 * webhook read it exactly as Meta's own parser does.
 */
import { describe, expect, it } from "vitest";
import { type InboundEvent, type ProviderName, parseWebhook } from "../../generated/src/index.ts";
import { loadWebhookFixtures } from "../support/webhook-fixtures.ts";

const fixtures = loadWebhookFixtures();
const allEvents: InboundEvent[] = fixtures.flatMap((f) => {
  const o = f.options ?? {};
  const options = {
    ...(o.sent === undefined ? {} : { sent: o.sent as never }),
    ...(o.receivedAt === undefined ? {} : { receivedAt: new Date(o.receivedAt) }),
  };
  return parseWebhook(f.provider as ProviderName, f.payload, options).events;
});

/** The identity fields of an event, by name, including a status's recipient. */
function identities(e: InboundEvent): Record<string, string | undefined> {
  return {
    senderId: e.senderId,
    from: e.from,
    fromUserId: e.fromUserId,
    fromParentUserId: e.fromParentUserId,
    username: e.username,
    groupId: e.groupId,
    contactName: e.contactName,
    recipient: e.status?.recipient,
    recipientUserId: e.status?.recipientUserId,
    recipientParentUserId: e.status?.recipientParentUserId,
  };
}

describe("the sender of an inbound event", () => {
  it("is keyed by the phone number when there is one, else by the business-scoped user id", () => {
    const withSender = allEvents.filter((e) => e.kind !== "status" && (e.from ?? e.fromUserId) !== undefined);
    expect(withSender.length).toBeGreaterThan(40);
    for (const e of withSender) expect(e.senderId).toBe(e.from ?? e.fromUserId);
    // A username user has no phone number: the BSUID is the key.
    expect(allEvents.some((e) => e.from === undefined && e.senderId === e.fromUserId)).toBe(true);
  });

  it("is never an empty string, nor is any recipient", () => {
    for (const e of allEvents)
      for (const [name, value] of Object.entries(identities(e))) expect(value, `${e.messageId} ${name}`).not.toBe("");
  });

  it("keeps the group and the participant of a group message, so a bot can answer in the group", () => {
    const [event] = parseWebhook(
      "meta",
      fixtures.find((f) => f.provider === "meta" && f.name === "group-message")!.payload,
    ).events;
    expect(event).toMatchObject({
      groupId: "Y2FwaV9ncm91cDoxMjAzNjMwMjk3NjU0MzIx",
      senderId: "34600111222",
      fromUserId: "ES.55512380011872903411",
    });
  });
});

describe("providers that forward Meta's webhook", () => {
  const metaFixtures = fixtures.filter((f) => f.provider === "meta");

  for (const provider of ["360dialog", "whatsapp-node-sdk"] as const) {
    it(`${provider} reads every Meta fixture as Meta does, under its own name`, () => {
      for (const f of metaFixtures) {
        const meta = parseWebhook("meta", f.payload);
        const theirs = parseWebhook(provider, f.payload);
        expect(theirs.events, f.name).toEqual(meta.events.map((e) => ({ ...e, provider })));
        expect(theirs.errors, f.name).toEqual(meta.errors);
        expect(theirs.skipped, f.name).toEqual(meta.skipped);
      }
    });
  }
});
