/**
 * `npm run bench`: wa-interactive against its peers and against hand-written floors, all in one
 * process and one run, then the targets, the heap across a million validations, hostile payload
 * timings and the generator's time. Prints the tables and writes docs/benchmarks.md.
 *
 * The contenders are timed in `--runs N` child processes one after the other (3 by default): a
 * process's luck (where the code landed, what else the machine did) moves every figure of that run,
 * so a ratio is reported as the median over the runs with the lowest and highest run beside it.
 *
 * `npm run bench -- --quick` runs one process of fewer, shorter rounds (a smoke run; the figures are noisier);
 * `--runs N` sets the number of processes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { APP_SECRET, invalidList, validButtons, validList, webhookBody, webhookSignature } from "../bench/fixtures.ts";
import { isValidButtons, isValidList, listIssues } from "../bench/floor-validator.ts";
import { floorWebhook } from "../bench/floor-webhook.ts";
import { type Contender, type Group, type Measured, type RunSamples, measure, mergeRuns, samplesOf } from "../bench/measure.ts";
import { ajvButtons, ajvList, ajvListAllErrors } from "../bench/peers/ajv.ts";
import { kapsoButtonsInput, kapsoListInput, kapsoSendButtons, kapsoSendList, kapsoWebhook } from "../bench/peers/kapso.ts";
import { wajsAccepts, wajsButtons, wajsList } from "../bench/peers/whatsapp-api-js.ts";
import { consoleTable, groupTable, targetRows, targetTable } from "../bench/report.ts";
import { heapAcrossLoop, hostileTimings, timeGenerate } from "../bench/side-measures.ts";
import { buildButtons, buildList, RECIPIENT, send } from "../bench/builders.ts";
import { verify, wa } from "../bench/package.ts";
import { providerGroups } from "../bench/providers.ts";
import { reference } from "../bench/reference.ts";

const { isInteractive, parseWebhook, validateInteractive } = wa;
const { verifyWebhook } = verify;

const quick = process.argv.includes("--quick");
const rounds = quick ? 2 : 5;
const time = quick ? 150 : 400;
/** Set in a child process: the file its samples go to. */
const childOut = optionValue("--child");
const runs = Number(optionValue("--runs") ?? (quick ? 1 : 3));
if (!Number.isInteger(runs) || runs < 1 || runs > 20) throw new Error(`--runs takes a whole number from 1 to 20, not ${optionValue("--runs")}`);

function optionValue(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** Times the groups in `runs` child processes, one after the other, and merges their samples. */
function measureInRuns(): Measured[] {
  const dir = mkdtempSync(join(tmpdir(), "wa-bench-"));
  try {
    const samples: RunSamples[] = [];
    for (let run = 1; run <= runs; run++) {
      console.log(`run ${run}/${runs} (load average ${load()})`);
      const out = join(dir, `run-${run}.json`);
      const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child", out], { stdio: "inherit" });
      if (child.status !== 0) throw new Error(`bench run ${run} failed (exit ${child.status ?? child.signal})`);
      samples.push(JSON.parse(readFileSync(out, "utf8")) as RunSamples);
    }
    return mergeRuns(groups, samples);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const OURS = "wa-interactive";
const FLOOR = "floor: hand-written (this project)";
const REFERENCE = "floor: reference D (shared harness)";
const AJV = "ajv 8.20.0";
const WAJS = "whatsapp-api-js 6.3.0";
const KAPSO = "@kapso/whatsapp-cloud-api 0.3.0";
const STRINGIFY = "floor: JSON.stringify alone";
const WEBHOOK_FLOOR = "floor: HMAC + JSON.parse (this project)";
const WEBHOOK_REFERENCE = "floor: reference F (shared harness)";

const ajvNote = "standard keywords only (no totals, uniqueness, whitespace or emoji rules), code-point lengths";
const wajsNote = "validation is its constructors: a subset of the rules (no unknown keys, whitespace or list totals); stops at the first error";
const kapsoNote = "Zod schema of its send input, then builds, snake-cases and serialises the request (stubbed fetch, one promise per call)";
const referenceNote = "the shared harness's hand-written validator for lists and reply buttons (`contenders/hand/validator.mjs`): every documented rule, code points with a UTF-16 fast path";

function mustBe<T>(expected: T, got: T, what: string): void {
  if (got !== expected) throw new Error(`${what}: expected ${String(expected)}, got ${String(got)}; the bench would compare unlike work`);
}

/** The floors a validate row's target may be taken against: the reference one when the harness is beside the repository. */
const validateFloors = reference ? [FLOOR, REFERENCE] : [FLOOR];

function referenceRow(fn: () => unknown, note = referenceNote): Contender[] {
  return reference ? [{ name: REFERENCE, note, fn, floor: true }] : [];
}

function validGroup(title: string, message: object, floor: (v: unknown) => boolean, ajv: (v: unknown) => boolean, wajs: () => unknown, kapso: () => Promise<boolean>): Group {
  return {
    title,
    ours: OURS,
    target: { against: validateFloors, atLeast: 0.9 },
    contenders: [
      { name: OURS, note: "`validateInteractive`: every rule, standard and x-", fn: () => validateInteractive(message).ok },
      { name: FLOOR, note: "`bench/floor-validator.ts`: the same rules, written by hand for this one shape", fn: () => floor(message), floor: true },
      ...referenceRow(() => reference!.isValid(message)),
      { name: AJV, note: ajvNote, fn: () => ajv(message) },
      { name: WAJS, note: wajsNote, fn: wajs },
      { name: KAPSO, note: kapsoNote, fn: kapso, async: true },
    ],
  };
}

function buildGroup(title: string, body: object, ours: () => string, wajs: () => string, kapso: () => Promise<boolean>): Group {
  return {
    title,
    ours: OURS,
    target: { against: [STRINGIFY], atLeast: 0.8 },
    contenders: [
      { name: OURS, note: "the builders (which validate on `build()`), then `interactiveMessage(…).recipientType(\"individual\").to(…).build()`, then `JSON.stringify`: the path a user takes", fn: ours },
      { name: STRINGIFY, note: "`JSON.stringify` of the finished request body alone: no building, no checks", fn: () => JSON.stringify(body), floor: true },
      { name: WAJS, note: "its constructors, then `JSON.stringify`", fn: wajs },
      { name: KAPSO, note: kapsoNote, fn: kapso, async: true },
    ],
  };
}

const webhookHeaders = { "x-hub-signature-256": webhookSignature, "content-type": "application/json" };

async function ourWebhook(): Promise<unknown> {
  const verdict = await verifyWebhook("meta", { rawBody: webhookBody, headers: webhookHeaders, secret: APP_SECRET });
  return verdict.ok ? parseWebhook("meta", webhookBody) : undefined;
}

const listInput = kapsoListInput(validList);
const buttonsInput = kapsoButtonsInput(validButtons);
const invalidInput = kapsoListInput(invalidList as typeof validList);
/** The finished request bodies the build rows produce. */
const envelope = (interactive: object) => ({ messaging_product: "whatsapp", recipient_type: "individual", to: RECIPIENT, type: "interactive", interactive });
const referenceWebhook = reference ? await reference.webhook(webhookBody, webhookSignature, APP_SECRET) : undefined;

const groups: Group[] = [
  validGroup("validate a valid list (3 sections, 7 rows)", validList, isValidList, ajvList, () => wajsList(validList), () => kapsoSendList(listInput)),
  validGroup("validate a valid 3-button message", validButtons, isValidButtons, ajvButtons, () => wajsButtons(validButtons), () => kapsoSendButtons(buttonsInput)),
  {
    title: "validate an invalid list (11 rows, a 30-character row title), all errors",
    ours: OURS,
    target: { against: validateFloors, atLeast: 0.6 },
    contenders: [
      { name: OURS, note: "`validateInteractive`: fast pass fails, full pass collects every issue with its message", fn: () => validateInteractive(invalidList) },
      { name: FLOOR, note: "`listIssues`: the hand-written collecting pass", fn: () => listIssues(invalidList), floor: true },
      ...referenceRow(() => reference!.validate(invalidList), "its boolean pass, then its collecting pass (violations with path, rule, limit, message)"),
      { name: AJV, note: `allErrors; ${ajvNote}, so it finds only the title`, fn: () => ajvListAllErrors(invalidList) },
      { name: WAJS, note: wajsNote, fn: () => wajsAccepts(() => wajsList(invalidList)) },
      { name: KAPSO, note: "Zod collects every issue it knows and throws them as one error", fn: () => kapsoSendList(invalidInput), async: true },
    ],
  },
  {
    title: "reject the same invalid list, first error only (fail fast)",
    ours: OURS,
    target: { against: validateFloors, atLeast: 0.5 },
    contenders: [
      { name: OURS, note: "`isInteractive`: the boolean pass alone", fn: () => isInteractive(invalidList) },
      { name: FLOOR, note: "`isValidList`: the hand-written boolean pass", fn: () => isValidList(invalidList), floor: true },
      ...referenceRow(() => reference!.isValid(invalidList), "its boolean pass"),
      { name: AJV, note: `stops at the first error; ${ajvNote}`, fn: () => ajvList(invalidList) },
      { name: WAJS, note: "its constructors throw at the first broken rule they know", fn: () => wajsAccepts(() => wajsList(invalidList)) },
    ],
  },
  buildGroup("build + envelope + serialise the list", envelope(validList), () => send(buildList()), () => JSON.stringify(wajsList(validList)), () => kapsoSendList(listInput)),
  buildGroup("build + envelope + serialise the 3-button message", envelope(validButtons), () => send(buildButtons()), () => JSON.stringify(wajsButtons(validButtons)), () => kapsoSendButtons(buttonsInput)),
  {
    title: "webhook: verify signature + parse (Meta, button reply)",
    ours: OURS,
    target: { against: reference ? [WEBHOOK_FLOOR, WEBHOOK_REFERENCE] : [WEBHOOK_FLOOR], atLeast: 0.8 },
    contenders: [
      { name: OURS, note: "`verifyWebhook` (node:crypto where the runtime has it, else Web Crypto; returns a promise) + `parseWebhook` into typed events", fn: () => ourWebhook(), async: true },
      { name: WEBHOOK_FLOOR, note: "`bench/floor-webhook.ts`: HMAC-SHA256, constant-time compare, JSON.parse", fn: () => floorWebhook(webhookBody, webhookSignature, APP_SECRET), floor: true },
      ...(referenceWebhook ? [{ name: WEBHOOK_REFERENCE, note: "the shared harness's floor: HMAC-SHA256, `timingSafeEqual`, `JSON.parse`, read the reply id", fn: referenceWebhook, floor: true }] : []),
      { name: KAPSO, note: "`verifySignature` (node:crypto) + `normalizeWebhook`", fn: () => kapsoWebhook(webhookBody, webhookSignature, APP_SECRET) },
    ],
  },
  ...providerGroups(),
];

// Every contender must do what its row says before any of it is timed.
mustBe(true, validateInteractive(validList).ok && validateInteractive(validButtons).ok, "ours on the valid messages");
mustBe(true, isValidList(validList) && isValidButtons(validButtons), "the floor on the valid messages");
mustBe(false, validateInteractive(invalidList).ok || isInteractive(invalidList) || isValidList(invalidList) || ajvList(invalidList), "the invalid list accepted by a contender");
mustBe(2, listIssues(invalidList).length, "the floor's issues on the invalid list");
if (reference) {
  mustBe(true, reference.isValid(validList) && reference.isValid(validButtons), "the reference floor on the valid messages");
  mustBe(false, reference.isValid(invalidList), "the reference floor on the invalid list");
  mustBe("confirm", referenceWebhook!(), "the reference webhook floor's reply id");
}
mustBe(true, ajvList(validList) && ajvButtons(validButtons), "ajv on the valid messages");
mustBe(true, wajsAccepts(() => wajsList(validList)) && wajsAccepts(() => wajsButtons(validButtons)), "whatsapp-api-js on the valid messages");
mustBe(true, (await kapsoSendList(listInput)) && (await kapsoSendButtons(buttonsInput)), "kapso on the valid messages");
mustBe(false, await kapsoSendList(invalidInput), "kapso on the invalid list");
mustBe(JSON.stringify(envelope(validList)), send(buildList()), "the list builder's request body");
mustBe(JSON.stringify(envelope(validButtons)), send(buildButtons()), "the buttons builder's request body");
mustBe(true, (await ourWebhook()) !== undefined && parseWebhook("meta", webhookBody).ok, "ours on the webhook");
mustBe(true, floorWebhook(webhookBody, webhookSignature, APP_SECRET) !== undefined && kapsoWebhook(webhookBody, webhookSignature, APP_SECRET) !== undefined, "webhook contenders");

const cpu = cpus();
const machine = `Node ${process.version}, ${platform()} ${arch()}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? "unknown CPU"})`;
// Other work on the machine slows every contender alike, so ratios hold; absolute figures do not.
const load = () => loadavg()[0]!.toFixed(1);
const loadAtStart = load();
if (childOut !== undefined) {
  writeFileSync(childOut, JSON.stringify(samplesOf(await measure(groups, { rounds, time, onRound: (r) => console.log(`  round ${r}/${rounds}…`) }))));
  process.exit(0);
}
console.log(reference ? `reference floors: ${reference.where}` : "reference floors: the shared harness was not found beside the repository; own floors only");
console.log(`${machine}\n${runs} run(s) of ${rounds} rounds × ${time} ms per contender\n`);

const measured = runs === 1 ? await measure(groups, { rounds, time, onRound: (r) => console.log(`round ${r}/${rounds}…`) }) : measureInRuns();
console.log("");
for (const m of measured) console.log(`${consoleTable(m)}\n`);

const targets = targetRows(measured);
const heap = heapAcrossLoop(1_000_000, () => validateInteractive(validList));
const hostile = hostileTimings();
const generate = timeGenerate();
const generateFresh = timeGenerate(3, ["--fresh"]);

const targetsTable = targetTable([
  ...targets,
  { what: "`npm run generate` (wall time, process start included, median of 3; unchanged files reused)", measured: `${(generate.ms / 1000).toFixed(2)} s`, target: "≤ 5 s", met: generate.ms <= 5000 },
  { what: "`npm run generate -- --fresh` (every file formatted again)", measured: `${(generateFresh.ms / 1000).toFixed(2)} s`, target: "≤ 5 s", met: generateFresh.ms <= 5000 },
]);
console.log(`Targets\n${targetsTable}\n`);
console.log(`Heap across ${heap.calls.toLocaleString("en-US")} validations: ${heap.beforeMB.toFixed(1)} MB → ${heap.afterMB.toFixed(1)} MB${heap.collected ? "" : " (no --expose-gc: readings include garbage)"}`);
for (const h of hostile) console.log(`${h.what}: ${h.ms.toFixed(1)} ms${h.parseMs === undefined ? "" : ` (JSON.parse ${h.parseMs.toFixed(1)} ms)`}, ${h.outcome}`);
console.log(`generate: ${generate.ms.toFixed(0)} ms (${generate.output}); --fresh: ${generateFresh.ms.toFixed(0)} ms`);

const doc = [
  "<!-- Written by `npm run bench` (scripts/bench.ts). Figures depend on the machine; the ratios are the point. -->",
  "",
  "# Benchmarks",
  "",
  `${machine}; load average ${loadAtStart} at the start and ${load()} at the end. ${runs > 1 ? `${runs} runs, each a process of its own started one after the other; within a run every contender ran in the same process, ${rounds} rounds of ${time} ms each. Ops/s are the median over all rounds; a ratio is the median over the runs of each run's median of ours ÷ theirs in the same round, with the lowest and highest run beside it.` : `Every contender ran in the same process and the same run: ${rounds} rounds of ${time} ms each, figures are the median over the rounds; a ratio is the median over the rounds of ours ÷ theirs in the same round, with the lowest and highest round beside it.`}`,
  "Calls shorter than a microsecond are timed in batches so the timer's cost does not flatten them. Each row's payloads are in `bench/fixtures.ts`; every contender's verdict on them is checked before timing.",
  reference
    ? "The reference floors are the shared benchmark harness's (`../shared/anchors-bench`): its hand-written validator D and its webhook floor F, run in this process next to the project's own floors; each target is taken against the fastest floor of its row, and must also be ahead of every peer."
    : "The shared benchmark harness was not found beside the repository, so the targets are taken against the project's own floors alone.",
  "wa-interactive is measured as it is published: `generated/src` compiled by `tsc` (`npm run build`, which `npm run bench` runs first), not the TypeScript sources through a loader, whose transform (class names kept by a static block) changes how fast classes construct.",
  "",
  "## Targets",
  "",
  targetsTable,
  "",
  "## Tables",
  "",
  ...measured.map(groupTable),
  "## Memory",
  "",
  `Validating the list message ${heap.calls.toLocaleString("en-US")} times: heap ${heap.beforeMB.toFixed(1)} MB before, ${heap.afterMB.toFixed(1)} MB after${heap.collected ? " (both read after a full collection)" : ""}.`,
  "",
  "## Hostile input",
  "",
  "Time to turn each payload away (one call each), and where the payload is JSON text, the time `JSON.parse` took to read it: rejecting must cost no more than parsing (`test/hostile/cost.test.ts` asserts that ratio, with slack for noise).",
  "",
  "| payload | time | its JSON.parse | outcome |",
  "|---|---:|---:|---|",
  ...hostile.map((h) => `| ${h.what} | ${h.ms.toFixed(1)} ms | ${h.parseMs === undefined ? "—" : `${h.parseMs.toFixed(1)} ms`} | ${h.outcome} |`),
  "",
  readFileSync(fileURLToPath(new URL("../bench/notes.md", import.meta.url)), "utf8"),
].join("\n");

writeFileSync(fileURLToPath(new URL("../docs/benchmarks.md", import.meta.url)), doc);
console.log("\nwrote docs/benchmarks.md");
