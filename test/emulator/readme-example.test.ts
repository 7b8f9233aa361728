/**
 * The README's example of a bot developer testing their own bot with `createEmulator()`, as a
 * test that runs (the README imports from "wa-interactive/emulator"; this file from the source).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../../generated/src/emulator/index.ts";
import { type SupportBot, startSupportBot } from "./support-bot-server.ts";

let bot: SupportBot;
let whatsapp: Emulator;

beforeAll(async () => {
  bot = await startSupportBot({ token: "T", appSecret: "S" }); // your bot's webhook server
  whatsapp = await createEmulator({ webhook: bot.url, appSecret: "S", token: "T" });
  bot.useApi(whatsapp.url); // the bot sends to the emulator instead of graph.facebook.com
});
afterAll(async () => {
  await whatsapp.close();
  await bot.close();
});

it("tracks an order from the help menu", async () => {
  const customer = whatsapp.user("+16505551234");
  await customer.say("hi");
  const [menu] = customer.received();
  expect(menu!.message).toMatchObject({ interactive: { type: "list", action: { button: "Select Topic" } } });

  await customer.choose(menu!.id, "Track My Order");
  const answer = customer.received().at(-1)!;
  expect(answer.message).toMatchObject({ interactive: { body: { text: "Order #ORD-12345: out for delivery, ETA 3 PM. Need anything else?" } } });
  await whatsapp.settled();
  expect(answer.status).toBe("read");
});
// The README shows this file down to here, importing from the package name.

it("is the README's example, word for word", async () => {
  const { readFileSync } = await import("node:fs");
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const own = readFileSync(new URL(import.meta.url), "utf8");
  const example = own
    .slice(own.indexOf("import { afterAll"), own.indexOf("// The README shows this file"))
    .replace('"../../generated/src/emulator/index.ts"', '"wa-interactive/emulator"');
  expect(readme).toContain("```ts\n" + example.trimEnd() + "\n```");
});
