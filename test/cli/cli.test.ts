/**
 * The `wa-interactive` command line, end to end: the package is built, and each test runs the real
 * `bin` script in a child process and checks its exit code, standard output and standard error.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CAPABILITIES, PROVIDERS } from "../../generated/src/index.ts";
import { loadExamples, ROOT } from "../support/corpus.ts";
import type { WebhookSink } from "../emulator/webhook-sink.ts";

const BIN = join(ROOT, "generated/bin/wa-interactive.js");
const COMMANDS = ["validate", "translate", "parse-webhook", "schemas"];
const work = mkdtempSync(join(tmpdir(), "wa-interactive-cli-"));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input?: string): Run {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: work, input, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function file(name: string, value: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
}

const examples = loadExamples();
const example = (name: string) => {
  const found = examples.find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return found;
};
const validButton = examples.find((e) => e.schema === "interactive/button.schema.json" && e.verdict === "valid")!;
const validMessage = examples.find((e) => e.schema === "message/outbound-message.schema.json" && e.verdict === "valid")!;
const longTitle = example("interactive/button/invalid/title-21-chars.json");
const spacedRowId = example("interactive/list/warning/row-id-trailing-space.json");

beforeAll(() => {
  // The bin runs the compiled package, so compile it first (dist/ is build output, not generated).
  execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", join(ROOT, "generated/tsconfig.json")], { stdio: "pipe" });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("wa-interactive", () => {
  it("prints an overview with --help, and exits 2 with it on standard error when given no command", () => {
    const help = cli(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: wa-interactive <command>/);
    for (const command of COMMANDS) expect(help.stdout).toContain(`  ${command}`);
    const bare = cli([]);
    expect(bare.status).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toContain("Usage: wa-interactive <command>");
  });

  it("prints its version", () => {
    expect(cli(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  for (const command of COMMANDS) {
    it(`${command} --help prints the command's usage and options`, () => {
      const run = cli([command, "--help"]);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: wa-interactive ${command}`));
      expect(run.stdout).toContain("--json");
    });
  }

  it("exits 2 on an unknown command or option, naming it and pointing at --help", () => {
    const unknown = cli(["valdiate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown command "valdiate"');
    const option = cli(["validate", "--strictly"]);
    expect(option.status).toBe(2);
    expect(option.stderr).toContain("--strictly");
    expect(option.stderr).toContain("wa-interactive validate --help");
  });
});

describe("wa-interactive validate", () => {
  it("accepts a valid interactive object: exit 0, one line on standard output", () => {
    const run = cli(["validate", file("button.json", validButton.instance)]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(/button\.json: valid interactive object\n$/);
  });

  it("rejects an invalid one: exit 1, each issue on standard error with its path and rule", () => {
    const run = cli(["validate", file("long-title.json", longTitle.instance)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    for (const { path, rule } of longTitle.expect) expect(run.stderr).toContain(`  ${path} [${rule}] `);
    expect(run.stderr).toContain("WhatsApp allows at most 20");
  });

  it("lists warnings on standard error and exits 0; --strict makes them errors", () => {
    const path = file("spaced-row-id.json", spacedRowId.instance);
    const run = cli(["validate", path]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/spaced-row-id\.json: valid interactive object\n$/);
    expect(run.stderr).toContain("warnings, not errors (--strict makes them errors)");
    expect(run.stderr).toContain("  /action/sections/0/rows/0/id [x-trimmed] ");
    const json = JSON.parse(cli(["validate", "--json", path]).stdout);
    expect(json).toMatchObject({ valid: true, errors: [], warnings: [{ path: "/action/sections/0/rows/0/id", rule: "x-trimmed", severity: "warning" }] });
    const strict = cli(["validate", "--strict", path]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("invalid interactive object");
    expect(strict.stderr).toContain("  /action/sections/0/rows/0/id [x-trimmed] ");
  });

  it("reads standard input when the file is - or missing", () => {
    expect(cli(["validate", "-"], JSON.stringify(validButton.instance)).status).toBe(0);
    const run = cli(["validate"], JSON.stringify(longTitle.instance));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("<stdin>: invalid interactive object");
  });

  it("--json prints the verdict and every issue on standard output", () => {
    const run = cli(["validate", "--json", file("long-title.json", longTitle.instance)]);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: false, kind: "interactive", detected: true });
    expect(report.errors).toEqual(expect.arrayContaining(longTitle.expect.map((e) => expect.objectContaining(e))));
    expect(report.errors[0]).toEqual(expect.objectContaining({ limit: 20, actual: 21 }));
  });

  it("detects an outbound message and a webhook, and --as overrides the detection", () => {
    const message = file("message.json", validMessage.instance);
    expect(JSON.parse(cli(["validate", "--json", message]).stdout)).toMatchObject({ valid: true, kind: "message" });
    const webhook = JSON.parse(cli(["validate", "--json", "-"], JSON.stringify({ object: "whatsapp_business_account" })).stdout);
    expect(webhook).toMatchObject({ valid: false, kind: "webhook" });
    expect(webhook.errors).toContainEqual(expect.objectContaining({ path: "", rule: "required" }));
    const forced = cli(["validate", "--json", "--as", "interactive", message]);
    expect(forced.status).toBe(1);
    expect(JSON.parse(forced.stdout)).toMatchObject({ valid: false, kind: "interactive", detected: false });
  });

  it("reports text that is not JSON as an invalid payload (exit 1, rule json)", () => {
    const run = cli(["validate", file("broken.json", '{"type": "button",')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\/ \[json\] .*broken\.json is not JSON/);
  });

  it("exits 2 for a file it cannot read, an unknown kind, or two inputs", () => {
    const missing = cli(["validate", "no-such-file.json"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no-such-file.json");
    const kind = cli(["validate", "--as", "template", file("button.json", validButton.instance)]);
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain("--as template: expected one of interactive, message, webhook");
    expect(cli(["validate", "a.json", "b.json"]).status).toBe(2);
  });
});

describe("wa-interactive schemas", () => {
  it("prints where the schema files, the bundle and the pictographic ranges are", () => {
    const run = cli(["schemas"]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("bundle.schema.json");
    const report = JSON.parse(cli(["schemas", "--json"]).stdout) as { dir: string; bundle: string; pictographic: string; files: string[] };
    expect(report.files).toContain("interactive/button.schema.json");
    expect(report.files).not.toContain("bundle.schema.json");
    for (const path of [report.dir, report.bundle, report.pictographic, join(report.dir, report.files[0]!)]) expect(existsSync(path)).toBe(true);
  });

  it("takes no operands", () => {
    expect(cli(["schemas", "extra"]).status).toBe(2);
  });
});

const message = {
  messaging_product: "whatsapp",
  to: "+16505551234",
  type: "interactive",
  interactive: { type: "button", body: { text: "Confirm?" }, action: { buttons: [{ type: "reply", reply: { id: "yes", title: "Yes" } }] } },
};

describe("wa-interactive translate", () => {
  it("prints the provider's request body", () => {
    const run = cli(["translate", "--to", "vonage", "--option", "from=14155550100", file("message.json", message)]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    // Vonage takes the number as digits only: the + Meta writes goes.
    expect(JSON.parse(run.stdout)).toMatchObject({ from: "14155550100", to: "16505551234", channel: "whatsapp", custom: { interactive: message.interactive } });
    const meta = JSON.parse(cli(["translate", "--to", "meta", "--json", "-"], JSON.stringify(message)).stdout);
    expect(meta).toMatchObject({ ok: true, provider: "meta", body: { messaging_product: "whatsapp", interactive: message.interactive } });
  });

  it("rejects an invalid message with every issue, and translates nothing", () => {
    const broken = { ...message, interactive: { ...message.interactive, body: { text: "" } } };
    const run = cli(["translate", "--to", "meta", file("broken-message.json", broken)]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("[invalid-message]");
    expect(run.stderr).toContain("  /interactive/body/text [minLength] ");
  });

  it("refuses a kind the provider cannot carry (exit 1, unsupported-kind)", () => {
    const reaction = { messaging_product: "whatsapp", to: "+16505551234", type: "reaction", reaction: { message_id: "wamid.HBgL", emoji: "👍" } };
    /** A valid outbound message of each kind: the reaction, or an interactive type's first valid example. */
    const messageOf = (kind: string) => {
      if (kind === "reaction") return reaction;
      const example = examples.find((e) => e.verdict === "valid" && e.schema === `interactive/${kind.replace(/_/g, "-")}.schema.json`);
      return example && { ...message, interactive: example.instance };
    };
    const unsupported = PROVIDERS.flatMap((provider) =>
      Object.entries(CAPABILITIES[provider]).flatMap(([kind, capability]) => (capability === "unsupported" ? [{ provider, payload: messageOf(kind) }] : [])),
    ).find((u) => u.payload !== undefined);
    expect(unsupported, "some provider leaves some kind unsupported").toBeDefined();
    const { provider, payload } = unsupported!;
    const run = cli(["translate", "--to", provider, "--json", "--option", "from=14155550100", file("unsupported.json", payload)]);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, provider, code: "unsupported-kind" });
  });

  it("exits 2 without --to, for an unknown provider, or without an option the provider needs", () => {
    const path = file("message.json", message);
    expect(cli(["translate", path]).stderr).toContain("--to is required");
    const unknown = cli(["translate", "--to", "twilio", path]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`expected one of ${PROVIDERS.join(", ")}`);
    const needsFrom = cli(["translate", "--to", "vonage", path]);
    expect(needsFrom.status).toBe(2);
    expect(needsFrom.stderr).toContain("--option name=value");
    expect(cli(["translate", "--to", "meta", "--option", "novalue", path]).status).toBe(2);
  });
});

describe("wa-interactive parse-webhook", () => {
  const reply = (id: string, timestamp: string) => ({
    from: "16505551234",
    id,
    timestamp,
    type: "interactive",
    interactive: { type: "button_reply", button_reply: { id: "yes", title: "Yes" } },
  });
  const webhook = (...messages: unknown[]) => ({
    object: "whatsapp_business_account",
    entry: [
      {
        id: "102290129340398",
        changes: [
          {
            field: "messages",
            value: {
              messaging_product: "whatsapp",
              metadata: { display_phone_number: "15550001111", phone_number_id: "106540352242922" },
              contacts: [{ profile: { name: "Kerry" }, wa_id: "16505551234" }],
              messages,
            },
          },
        ],
      },
    ],
  });

  it("prints one line per event", () => {
    const run = cli(["parse-webhook", "--provider", "meta", file("webhook.json", webhook(reply("wamid.A", "1714557600"), reply("wamid.B", "1714557601")))]);
    expect(run).toMatchObject({ status: 0, stderr: "" });
    expect(run.stdout).toMatch(/webhook\.json: 2 events\nbutton_reply {2}wamid\.A {2}from 16505551234\nbutton_reply {2}wamid\.B/);
  });

  it("reports a broken item with its path and rule (exit 1) and still prints the good ones", () => {
    const payload = JSON.stringify(webhook(reply("wamid.A", "1714557600"), reply("wamid.B", "yesterday")));
    const run = cli(["parse-webhook", "--provider", "meta"], payload);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("button_reply  wamid.A");
    expect(run.stderr).toContain("/entry/0/changes/0/value/messages/1/timestamp [pattern]");
    const json = JSON.parse(cli(["parse-webhook", "--provider", "meta", "--json", "-"], payload).stdout);
    expect(json).toMatchObject({ ok: false, events: [{ kind: "button_reply", messageId: "wamid.A", contactName: "Kerry" }] });
  });

  it("reports a warning with its path and rule (exit 0) and still prints its event", () => {
    const location = { from: "16505551234", id: "wamid.L", timestamp: "1714557600", type: "location", location: { latitude: 95, longitude: 13.4 } };
    const payload = JSON.stringify(webhook(location));
    const run = cli(["parse-webhook", "--provider", "meta"], payload);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("location  wamid.L");
    expect(run.stderr).toContain("warnings, not errors");
    expect(run.stderr).toContain("/entry/0/changes/0/value/messages/0/location/latitude [maximum]");
    const json = JSON.parse(cli(["parse-webhook", "--provider", "meta", "--json", "-"], payload).stdout);
    expect(json).toMatchObject({ ok: true, errors: [], warnings: [{ path: "/entry/0/changes/0/value/messages/0/location/latitude", rule: "maximum" }] });
  });

  it("exits 2 without a known --provider", () => {
    expect(cli(["parse-webhook", file("webhook.json", webhook())]).status).toBe(2);
    expect(cli(["parse-webhook", "--provider", "twilio", file("webhook.json", webhook())]).status).toBe(2);
  });
});

/**
 * Runs `wa-interactive emulate <args>` against a webhook sink: waits until it prints its URL, runs
 * `use` with the URL, what it printed and the sink, then stops it with SIGTERM and expects exit 0.
 */
async function withEmulator(args: string[], use: (url: string, out: string, sink: WebhookSink) => Promise<void>): Promise<void> {
  const { spawn } = await import("node:child_process");
  const { webhookSink } = await import("../emulator/webhook-sink.ts");
  const sink = await webhookSink();
  const child = spawn(process.execPath, [BIN, "emulate", "--port", "0", "--webhook", sink.url, "--app-secret", "S", "--token", "T", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  try {
    let out = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on("exit", (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
    });
    await use(url, out, sink);
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    await sink.close();
  }
}

describe("wa-interactive emulate", () => {
  it("exits 2 naming a missing --token, --app-secret or --webhook, and a bad --port or --provider", () => {
    const base = ["emulate", "--webhook", "http://127.0.0.1:9/webhook", "--app-secret", "S", "--token", "T"];
    expect(cli(base.slice(0, 5))).toMatchObject({ status: 2, stderr: expect.stringContaining("--token is required") });
    expect(cli(["emulate", "--webhook", "http://127.0.0.1:9/", "--token", "T"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--app-secret is required") });
    expect(cli(["emulate", "--app-secret", "S", "--token", "T"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--webhook is required") });
    expect(cli([...base, "--port", "70000"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--port 70000") });
    expect(cli([...base, "--provider", "twilio"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--provider twilio: expected one of") });
  });

  it("starts, answers a Cloud API send with Bearer T, posts the signed statuses, and stops on SIGTERM", async () => {
    const { verifyWebhook } = await import("../../generated/src/verify.ts");
    await withEmulator([], async (url, out, sink) => {
      expect(out).toContain("POST " + url + "/{version}/{phone-number-id}/messages  (Authorization: Bearer <token>)");
      const body = { messaging_product: "whatsapp", to: "+16505551234", type: "interactive", interactive: validButton.instance };
      const answer = await fetch(`${url}/v23.0/100000000000001/messages`, { method: "POST", headers: { authorization: "Bearer T", "content-type": "application/json" }, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
      // No customer wrote first, so the message fails with 131047: one signed status.
      await expect.poll(() => sink.received.length).toBe(1);
      const [status] = sink.received;
      expect(await verifyWebhook("meta", { rawBody: status!.raw, headers: status!.headers, secret: "S" })).toEqual({ ok: true });
      expect(status!.raw).toContain('"code":131047');
    });
  });

  it("--provider infobip takes sends at Infobip's per-kind endpoints with App T and posts its delivery report unsigned", async () => {
    const { toInfobip } = await import("../../generated/src/index.ts");
    await withEmulator(["--provider", "infobip"], async (url, out, sink) => {
      expect(out).toContain(`WhatsApp emulator (infobip) on ${url}`);
      expect(out).toContain("POST " + url + "/whatsapp/1/message/interactive/<kind>  (Authorization: App <token>)");
      const body = toInfobip({ messaging_product: "whatsapp", to: "+16505551234", type: "interactive", interactive: validButton.instance }, { from: "441134960000" });
      const post = (kind: string, authorization: string) =>
        fetch(`${url}/whatsapp/1/message/interactive/${kind}`, { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify(body) });
      expect((await post("buttons", "Bearer T")).status).toBe(401);
      expect((await post("list", "App T")).status).toBe(400);
      const answer = await post("buttons", "App T");
      expect(answer.status).toBe(200);
      const { messageId } = (await answer.json()) as { messageId: string };
      // No customer wrote first, so the message is undeliverable: one delivery report, unsigned.
      await expect.poll(() => sink.received.length).toBe(1);
      const [report] = sink.received;
      expect(JSON.parse(report!.raw)).toMatchObject({ results: [{ messageId, status: { groupName: "UNDELIVERABLE" }, error: { id: 131047 } }] });
      expect(Object.keys(report!.headers).filter((h) => /signature/i.test(h))).toEqual([]);
    });
  });
});
