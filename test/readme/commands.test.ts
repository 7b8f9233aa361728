/**
 * Every command the README shows runs, as written, after its two set-up commands: the lines of its
 * `sh` blocks and the `npx …` / `npm run …` commands named in its text. Each runs in bash and
 * must exit 0. The `wa-interactive` commands run where a user has them, in a project with the
 * package installed: `node_modules/wa-interactive` is `generated/` with `dist/` compiled, its `bin`
 * linked into `node_modules/.bin`, and the files the commands name taken from the example corpus.
 * Everything else runs in the repository.
 *
 * Left out, each for the reason given in EXCLUDED (the test checks the README still shows them, so
 * the list cannot go stale).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExamples, ROOT } from "../support/corpus.ts";

const EXCLUDED: Record<string, string> = {
  "npm install wa-interactive": "installs the published package from the registry; the project below installs this checkout's instead",
  "npm ci && npm run main": "the set-up command itself: this test runs after it",
  "npm test": "the set-up command itself: this test is part of it",
  "npm run generate": "rewrites generated/ under the other tests; `npm run generate -- --check` runs instead",
  "npm run pack-check": "builds, packs and installs the tarball (about a minute); CI runs it as a step of its own",
  "npm run bench": "runs the benchmarks for minutes and rewrites docs/benchmarks.md",
  "npx vitest run test/emulator/page.test.ts": "one of this suite's own test files, run with it",
  "wa-interactive emulate --webhook http://127.0.0.1:3000/webhook --app-secret S --token T": "starts the emulator, a server that runs until stopped; test/emulator/ runs it",
  "npx wa-interactive emulate --port 8099 --webhook http://127.0.0.1:3000/webhook --app-secret S --token T": "starts the emulator, a server that runs until stopped; test/emulator/ runs it",
};

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

/** The README's commands: every line of its `sh` blocks (comments dropped), then the `npx` / `npm run` commands in its text. */
function readmeCommands(): string[] {
  const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].flatMap((m) => m[1]!.split("\n"));
  // An inline command may be wrapped across lines: the break is a space.
  const inline = [...readme.matchAll(/`((?:npx|npm run) [^`]+)`/g)].map((m) => m[1]!.replace(/\s+/g, " "));
  return [...new Set([...blocks, ...inline].map((line) => line.replace(/\s+#.*$/, "").trim()).filter(Boolean))];
}

const commands = readmeCommands();
const project = mkdtempSync(join(tmpdir(), "wa-interactive-readme-"));
const isCli = (command: string) => /(^|\| *|npx )wa-interactive\b/.test(command);

beforeAll(() => {
  // The package as a user installs it: generated/ with dist/ compiled (here, into the copy).
  const pkg = join(project, "node_modules/wa-interactive");
  mkdirSync(join(project, "node_modules/.bin"), { recursive: true });
  for (const entry of ["package.json", "bin", "schemas"]) cpSync(join(ROOT, "generated", entry), join(pkg, entry), { recursive: true });
  execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", join(ROOT, "generated/tsconfig.json"), "--outDir", join(pkg, "dist")], { stdio: "pipe" });
  // npm links the bin and makes it executable on install.
  chmodSync(join(pkg, "bin/wa-interactive.js"), 0o755);
  symlinkSync("../wa-interactive/bin/wa-interactive.js", join(project, "node_modules/.bin/wa-interactive"));
  // The files the CLI commands name: valid examples of what each command reads.
  const examples = loadExamples();
  const instance = (name: string) => {
    const found = examples.find((e) => e.name === name);
    if (!found) throw new Error(`no example ${name} in the corpus`);
    return found.instance;
  };
  writeFileSync(join(project, "message.json"), JSON.stringify(instance("message/outbound-message/valid/interactive-with-to.json")));
  writeFileSync(join(project, "payload.json"), JSON.stringify(instance("interactive/button/valid/document-header.json")));
  writeFileSync(join(project, "webhook.json"), JSON.stringify(instance("webhook/meta/webhook/valid/button-reply.json")));
}, 120_000);

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe("the README's commands", () => {
  it("are found, and every one left out is still in the README", () => {
    expect(commands.length).toBeGreaterThan(8);
    expect(Object.keys(EXCLUDED).filter((command) => !commands.includes(command))).toEqual([]);
  });

  it.each(commands.filter((command) => !(command in EXCLUDED)))("%s", (command) => {
    const cwd = isCli(command) ? project : ROOT;
    const env = { ...process.env, PATH: [join(project, "node_modules/.bin"), process.env.PATH].join(delimiter) };
    const run = spawnSync("bash", ["-c", command], { cwd, env, encoding: "utf8", timeout: 60_000 });
    const what = `${command} (in ${isCli(command) ? "a project with the package installed" : "the repository"})`;
    expect(run.status, `${what} exited ${run.status ?? run.signal}:\n${run.stderr}${run.stdout}`).toBe(0);
  });
});
