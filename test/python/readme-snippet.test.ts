/**
 * The Python snippet of examples/python/README.md, run exactly as written, in a project laid out as
 * the README says (`node_modules/wa-interactive` is the package, `generated/`), with each Python
 * found: it must print the issues the TypeScript validator reports for the same message, with
 * x_keywords.py imported from beside the installed schemas.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { validateMessage } from "../../generated/src/index.ts";
import { ROOT } from "../support/corpus.ts";
import { describeEachPython, runPython } from "../support/python.ts";

const readme = readFileSync(join(ROOT, "examples/python/README.md"), "utf8");
const blocks = [...readme.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);

// Two buttons with one id, and a title over 20 characters: an x- rule and a standard rule.
const message = {
  messaging_product: "whatsapp",
  to: "+16505551234",
  type: "interactive",
  interactive: {
    type: "button",
    body: { text: "Confirm the order?" },
    action: {
      buttons: [
        { type: "reply", reply: { id: "yes", title: "Yes" } },
        { type: "reply", reply: { id: "yes", title: "Yes, and one more thing" } },
      ],
    },
  },
};

const project = mkdtempSync(join(tmpdir(), "wa-interactive-python-"));
mkdirSync(join(project, "node_modules"));
symlinkSync(join(ROOT, "generated"), join(project, "node_modules/wa-interactive"), "dir");
writeFileSync(join(project, "message.json"), JSON.stringify(message));
writeFileSync(join(project, "snippet.py"), blocks[0] ?? "");
afterAll(() => rmSync(project, { recursive: true, force: true }));

describeEachPython("The Python README's snippet", (python) => {
  it("is one block that prints the issues the TypeScript validator reports", () => {
    expect(blocks).toHaveLength(1);
    const run = runPython(python, ["snippet.py"], undefined, project);
    expect(run.status).toBe(0);
    const printed = run.stdout.trim().split("\n").map((line) => line.split(" ").slice(0, 2).join(" "));
    const ts = validateMessage(message);
    expect(ts.ok).toBe(false);
    const expected = ts.ok ? [] : ts.errors.map((e) => `${e.path} ${e.rule}`);
    expect(printed.sort()).toEqual(expected.sort());
    expect(printed).toContain("/interactive/action/buttons/1/reply/id x-uniqueValues");
  });
});
