/** Runs the project's tsc on a tsconfig and returns what it printed: empty when the files type-check. */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT } from "./corpus.ts";

export function typeErrors(tsconfigPath: string): string {
  try {
    execFileSync(join(ROOT, "node_modules/.bin/tsc"), ["-p", tsconfigPath], { encoding: "utf8", stdio: "pipe" });
    return "";
  } catch (error) {
    // tsc prints its diagnostics on standard output and exits non-zero.
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    return `${stdout ?? ""}${stderr ?? ""}` || String(error);
  }
}
