/**
 * The chat page in headless Chromium (Debian's, driven by playwright-core), one browser for the
 * whole file: every interactive example of the corpus rendered and photographed (each picture
 * must not be blank), strings shown as text and never as markup, WhatsApp's formatting, taps that
 * reach the bot's webhook, refused sends with their issues, ticks, and the seed 004 support bot
 * walked through from the page. Screenshots go to test-artifacts/emulator/ (not committed).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { button, parseWebhook } from "../../generated/src/index.ts";
import { createEmulator, type Emulator } from "../../generated/src/emulator/index.ts";
import { ROOT, loadExamples } from "../support/corpus.ts";
import { distinctColours } from "./png.ts";
import { SECRET, TOKEN, message, send } from "./send.ts";
import { type SupportBot, startSupportBot } from "./support-bot-server.ts";
import { type WebhookSink, webhookSink } from "./webhook-sink.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = join(ROOT, "test-artifacts", "emulator");
const available = existsSync(CHROMIUM);
if (!available) {
  // In CI a missing browser is a failure; on a developer's machine, one line saying what to install.
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium), as .ci/run does`);
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (install Debian's chromium: apt-get install -y chromium)`);
}

const CUSTOMER = "+16505551234";
const examples = loadExamples().filter((e) => e.valid && e.schema.startsWith("interactive/") && !e.schema.endsWith("interactive.schema.json"));
const typeOf = (example: (typeof examples)[number]) => (example.instance as { type: string }).type;
/** Per interactive type, the example to photograph: the one with the most in it, among those without a long filler text. */
const showcase = new Map<string, (typeof examples)[number]>();
for (const example of examples) {
  const json = JSON.stringify(example.instance);
  if (/"[^"]{200,}"/.test(json)) continue;
  const best = showcase.get(typeOf(example));
  if (!best || json.length > JSON.stringify(best.instance).length) showcase.set(typeOf(example), example);
}

describe.skipIf(!available)("the chat page", () => {
  let context: BrowserContext;
  let userDataDir: string;
  let sink: WebhookSink;

  beforeAll(async () => {
    userDataDir = mkdtempSync(join(tmpdir(), "emulator-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 760 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    sink = await webhookSink();
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    await sink?.close();
    rmSync(userDataDir, { recursive: true, force: true });
  });

  /** An emulator posting to the sink, a page open on it, and a customer whose window is open. */
  async function open(): Promise<{ emulator: Emulator; page: Page }> {
    const emulator = await createEmulator({ webhook: sink.url, appSecret: SECRET, token: TOKEN, retryDelaysMs: [] });
    await emulator.user(CUSTOMER).say("hi");
    const page = await context.newPage();
    await page.goto(`${emulator.url}/`);
    return { emulator, page };
  }

  async function sent(emulator: Emulator, interactive: unknown): Promise<string> {
    const answer = await send(emulator.url, "meta", message(CUSTOMER, interactive));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body.messages[0].id;
  }

  it(`renders each of the ${examples.length} interactive examples of the corpus, and photographs one of each type, none blank`, async () => {
    const { emulator, page } = await open();
    const ids = await Promise.all(examples.map(async (example) => [await sent(emulator, example.instance), example] as const));
    await emulator.settled();
    await page.locator(`[data-id="${ids.at(-1)![0]}"] [data-status="read"]`).waitFor();
    // Every row's kind and height in one round trip to the page.
    const rendered = await page.evaluate(() =>
      Object.fromEntries([...document.querySelectorAll("#log .row")].map((r) => [r.getAttribute("data-id"), { kind: r.getAttribute("data-kind"), height: r.getBoundingClientRect().height }])),
    );
    expect(ids.map(([id, example]) => [example.name, rendered[id]?.kind, (rendered[id]?.height ?? 0) > 30])).toEqual(ids.map(([, example]) => [example.name, typeOf(example), true]));
    const blank: string[] = [];
    for (const [id, example] of ids) {
      if (showcase.get(typeOf(example)) !== example) continue;
      const png = await page.locator(`[data-id="${id}"]`).screenshot({ animations: "disabled" });
      writeFileSync(join(ARTIFACTS, `${typeOf(example)}.png`), png);
      if (distinctColours(png) < 8) blank.push(example.name);
    }
    expect([...showcase.keys()].sort()).toEqual([...new Set(examples.map(typeOf))].sort());
    expect(blank).toEqual([]);
    await page.close();
    await emulator.close();
  });

  it("shows every string as text: markup in a body, header, footer and button is not run", async () => {
    const { emulator, page } = await open();
    const hostile = "<img src=x onerror=window.__pwned=1>";
    const id = await sent(emulator, { type: "button", header: { type: "text", text: "<b>head</b>" }, body: { text: `Body ${hostile}` }, footer: { text: "<script>window.__pwned=2</script>" }, action: { buttons: [{ type: "reply", reply: { id: "x", title: "<i>tap</i>" } }] } });
    const row = page.locator(`[data-id="${id}"]`);
    await expect.poll(() => row.locator(".body").textContent()).toBe(`Body ${hostile}`);
    expect(await row.locator(".header-text").textContent()).toBe("<b>head</b>");
    expect(await row.locator(".footer").textContent()).toBe("<script>window.__pwned=2</script>");
    expect(await row.locator(".action").textContent()).toBe("<i>tap</i>");
    expect(await page.locator("#log img, #log script, #log b, #log i").count()).toBe(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await row.screenshot({ path: join(ARTIFACTS, "markup-as-text.png") });
    await page.close();
    await emulator.close();
  });

  it("formats *bold*, _italic_, ~strike~ and ```monospace``` as WhatsApp does, and leaves a lone marker alone", async () => {
    const { emulator, page } = await open();
    const id = await sent(emulator, button().body("*Bold* and _italic_, ~gone~ ```code *not bold*``` 2*3 = 6").reply("a", "A").build());
    const body = page.locator(`[data-id="${id}"] .body`);
    await body.waitFor();
    expect(await body.locator("strong").allTextContents()).toEqual(["Bold"]);
    expect(await body.locator("em").allTextContents()).toEqual(["italic"]);
    expect(await body.locator("s").allTextContents()).toEqual(["gone"]);
    expect(await body.locator("code").allTextContents()).toEqual(["code *not bold*"]);
    expect(await body.textContent()).toBe("Bold and italic, gone code *not bold* 2*3 = 6");
    await page.close();
    await emulator.close();
  });

  it("turns a tap on a reply button and a reaction into signed webhooks, shows read ticks, and shows a refused send with its issues", async () => {
    const { emulator, page } = await open();
    sink.received.length = 0;
    const id = await sent(emulator, button().body("Pick a slot").reply("slot-1", "15:00").reply("slot-2", "16:30").build());
    await page.locator(`[data-id="${id}"] [data-status="read"]`).waitFor();
    await page.locator(`[data-id="${id}"] .action`, { hasText: "16:30" }).click();
    await page.locator('.row.in[data-kind="button_reply"]').waitFor();
    await emulator.settled();
    const taps = sink.received.flatMap((r) => parseWebhook("meta", r.raw).events).filter((e) => e.kind === "button_reply");
    expect(taps).toEqual([expect.objectContaining({ replyTo: id, reply: { id: "slot-2", title: "16:30" } })]);
    await page.locator(`[data-id="${id}"] .bubble`).hover();
    await page.locator(`[data-id="${id}"] .react`).click();
    await page.locator('#sheet .emoji[data-emoji="👍"]').click();
    await expect.poll(() => page.locator(`[data-id="${id}"] .reactions`).textContent()).toBe("👍");
    await emulator.settled();
    const reactions = sink.received.flatMap((r) => parseWebhook("meta", r.raw).events).filter((e) => e.kind === "reaction");
    expect(reactions).toEqual([expect.objectContaining({ reaction: { messageId: id, emoji: "👍" } })]);

    const refused = await send(emulator.url, "meta", message(CUSTOMER, { type: "button", body: { text: "Pick" }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "A title of 21 chars!!" } }] } }));
    expect(refused.status).toBe(400);
    const issues = page.locator('[data-kind="refused"] .issues li');
    await expect.poll(() => issues.allTextContents()).toEqual(["/interactive/action/buttons/0/reply/title [maxLength] button title is 21 characters; WhatsApp allows at most 20"]);
    await page.locator('[data-kind="refused"]').screenshot({ path: join(ARTIFACTS, "refused-send.png") });
    await page.close();
    await emulator.close();
  });

  it("shares a location and submits a flow from their sheets, each a webhook answering its message", async () => {
    const { emulator, page } = await open();
    sink.received.length = 0;
    const where = await sent(emulator, { type: "location_request_message", body: { text: "Where should we deliver?" }, action: { name: "send_location" } });
    const flow = await sent(emulator, { type: "flow", body: { text: "Book a table" }, action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "1234", flow_cta: "Book now", flow_token: "tok-7" } } });
    await page.locator(`[data-id="${where}"] .action`).click();
    await page.locator("#sheet input[aria-label=latitude]").fill("12.9716");
    await page.locator("#sheet input[aria-label=longitude]").fill("77.5946");
    await page.locator("#sheet .send").click();
    await page.locator('.row.in[data-kind="location"]').waitFor();
    await page.locator(`[data-id="${flow}"] .action`).click();
    await page.locator("#sheet textarea").fill('{"guests": 2}');
    await page.locator("#sheet .send").click();
    await page.locator('.row.in[data-kind="flow_reply"]').waitFor();
    await emulator.settled();
    const got = sink.received.flatMap((r) => parseWebhook("meta", r.raw).events).filter((e) => e.kind === "location" || e.kind === "flow_reply");
    expect(got).toEqual([
      expect.objectContaining({ kind: "location", replyTo: where, location: { latitude: 12.9716, longitude: 77.5946 } }),
      expect.objectContaining({ kind: "flow_reply", replyTo: flow, flowResponse: { flow_token: "tok-7", guests: 2 } }),
    ]);
    await page.close();
    await emulator.close();
  });

  describe("the seed 004 support bot", () => {
    let bot: SupportBot;
    afterAll(() => bot?.close());

    it('answers "Orders" → "Track My Order" tapped in the page', async () => {
      bot = await startSupportBot({ token: TOKEN, appSecret: SECRET });
      const emulator = await createEmulator({ webhook: bot.url, appSecret: SECRET, token: TOKEN, business: { number: "15550001111" } });
      bot.useApi(emulator.url);
      emulator.user({ phone: CUSTOMER, name: "Ravi" });
      const page = await context.newPage();
      await page.goto(`${emulator.url}/`);
      await page.locator('[data-chat="16505551234"]').click();
      await page.locator("#say").fill("Hi, I need help");
      await page.locator("#say").press("Enter");
      await page.locator(".action", { hasText: "Select Topic" }).click();
      await expect.poll(() => page.locator("#sheet .section-title").allTextContents()).toEqual(["Orders", "Payments"]);
      await page.locator("#sheet .sheet-row", { hasText: "Track My Order" }).click();
      await page.screenshot({ path: join(ARTIFACTS, "list-sheet.png") });
      await page.locator("#sheet .send").click();
      await page.locator("#log .body", { hasText: "Order #ORD-12345: out for delivery, ETA 3 PM. Need anything else?" }).waitFor();
      await page.locator('.row.out[data-kind="button"] [data-status="read"]').waitFor();
      expect(bot.failures).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, "support-bot.png") });
      await page.close();
      await emulator.close();
    });
  });
});
