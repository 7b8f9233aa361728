/**
 * What the table does not show: how long `npm run generate` takes, whether a million validations
 * leave the heap where they found it, and how long hostile payloads take to be turned away.
 * Tests assert only the outcome of hostile input; its timing is measured here.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { wa } from "./package.ts";

const { button, parseWebhook, validateInteractive } = wa;

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** `npm run generate`'s command from package.json, run by this Node without npm's own start-up. */
const GENERATE: readonly string[] = (() => {
  const [program, ...args] = (JSON.parse(readFileSync(`${ROOT}package.json`, "utf8")) as { scripts: { generate: string } }).scripts.generate.split(" ");
  if (program !== "node") throw new Error(`npm run generate runs ${program}, not node; the bench cannot time it without npm`);
  return args;
})();

export interface GenerateTiming {
  ms: number;
  /** What the generator said (it runs with --check, so it writes nothing). */
  output: string;
}

/**
 * Wall time of the generator, process start included, as `npm run generate -- --check` runs it: the
 * median of `runs`. With `--fresh` it formats every file instead of reusing unchanged ones.
 */
export function timeGenerate(runs = 3, extra: readonly string[] = []): GenerateTiming {
  const times: number[] = [];
  let output = "";
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, [...GENERATE, "--check", ...extra], { cwd: ROOT, encoding: "utf8" });
    times.push(performance.now() - started);
    output = `${run.stdout}${run.stderr}`.trim().split("\n")[0] ?? "";
  }
  return { ms: times.sort((a, b) => a - b)[runs >> 1]!, output };
}

export interface HeapReport {
  calls: number;
  beforeMB: number;
  afterMB: number;
  /** Whether the heap could be collected before each reading (node --expose-gc). */
  collected: boolean;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

export function heapAcrossLoop(calls: number, validate: () => unknown): HeapReport {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let kept: unknown;
  for (let i = 0; i < calls; i++) kept = validate();
  gc?.();
  const after = process.memoryUsage().heapUsed;
  if (kept === undefined) throw new Error("the loop produced nothing");
  return { calls, beforeMB: mb(before), afterMB: mb(after), collected: gc !== undefined };
}

export interface HostileTiming {
  what: string;
  ms: number;
  outcome: string;
  /** `JSON.parse` of the same payload as text, where the payload is JSON: the most rejecting it may cost. */
  parseMs?: number;
}

/** A JSON Pointer short enough for a table cell: a 10 000-level path becomes its depth. */
function shortPath(path: string): string {
  if (path.length <= 60) return path || "/";
  return `${path.slice(0, 40)}… (${path.split("/").length - 1} levels)`;
}

function timed(what: string, run: () => { ok: boolean; errors?: readonly { path: string; rule: string }[] }): HostileTiming {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const first = result.errors?.[0];
  const outcome = result.ok ? "accepted" : `${result.errors?.length ?? 0} issue(s), first: ${first ? `${shortPath(first.path)} [${first.rule}]` : "none"}`;
  return { what, ms, outcome };
}

/** A payload given as JSON text: validating the parsed value is timed next to parsing the text. */
function timedAgainstParse(what: string, text: string, run: (value: unknown) => { ok: boolean; errors?: readonly { path: string; rule: string }[] }): HostileTiming {
  const started = performance.now();
  const value: unknown = JSON.parse(text);
  const parseMs = performance.now() - started;
  return { ...timed(what, () => run(value)), parseMs };
}

function nested(depth: number): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let node = root;
  for (let i = 0; i < depth; i++) node = (node.a = {}) as Record<string, unknown>;
  return root;
}

const flowWith = (data: unknown) => ({
  type: "flow",
  body: { text: "x" },
  action: { name: "flow", parameters: { flow_message_version: "3", flow_id: "1", flow_cta: "Go", flow_action_payload: { screen: "A", data } } },
});

export function hostileTimings(): HostileTiming[] {
  const big = "x".repeat(10 * 1024 * 1024);
  const rows = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i}`, title: "A row title" }));
  const deepJson = `${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}`;
  const bigWebhook = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "1", changes: [{ field: "messages", value: { messaging_product: "whatsapp", metadata: { display_phone_number: "1", phone_number_id: "1" }, messages: [{ from: "1", id: "wamid.x", timestamp: "1", type: "text", text: { body: big } }] } }] }] });
  const buttons = Array.from({ length: 1_000_000 }, (_, i) => ({ type: "reply", reply: { id: `b${i}`, title: "Same title" } }));
  const repeated = Array.from({ length: 200_000 }, (_, i) => ({ id: `r${i % 1000}`, title: "Row" }));
  return [
    timedAgainstParse("1 000 000 reply buttons sharing one title (about 54 MB as JSON)", JSON.stringify({ type: "button", body: { text: "Pick" }, action: { buttons } }), validateInteractive),
    timedAgainstParse("list with 200 000 rows repeating 1 000 ids", JSON.stringify({ type: "list", body: { text: "x" }, action: { button: "Open", sections: [{ rows: repeated }] } }), validateInteractive),
    timedAgainstParse("list with a 50-million-character body", JSON.stringify({ type: "list", body: { text: "x".repeat(50_000_000) }, action: { button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] } }), validateInteractive),
    timed("list with a 10 MB body text", () => validateInteractive({ type: "list", body: { text: big }, action: { button: "Open", sections: [{ rows: [{ id: "a", title: "A" }] }] } })),
    timed("list with 200 000 rows (about 10 MB as JSON)", () => validateInteractive({ type: "list", body: { text: "x" }, action: { button: "Open", sections: [{ rows }] } })),
    timed("flow data nested 10 000 levels deep", () => validateInteractive(flowWith(nested(10_000)))),
    timed("unknown key holding an object nested 10 000 levels deep", () => validateInteractive({ type: "button", body: { text: "x" }, extra: nested(10_000) })),
    timed("builder given a 10 MB body text", () => button().body(big).reply("a", "A").safeBuild()),
    timed("parseWebhook of a 10 MB Meta webhook (text message)", () => parseWebhook("meta", bigWebhook)),
    timed("parseWebhook of JSON nested 10 000 levels deep", () => parseWebhook("meta", deepJson)),
  ];
}
