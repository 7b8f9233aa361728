/** The code builder: imports follow from use, names never clash. */
import { describe, expect, it } from "vitest";
import { Module, Names, doc, docBlock, lines, lit, ts } from "../../generator/code.ts";

describe("ts", () => {
  it("writes a list one a line and leaves out false, null and undefined", () => {
    const optional = false;
    expect(ts`f(${lit("a")}, ${0});\n${["x();", optional && "y();", null, ["z();"]]}`).toBe('f("a", 0);\nx();\nz();');
    expect(lines(["a;", undefined, "", "b;"])).toBe("a;\nb;");
  });

  it("closes no doc comment early", () => {
    expect(doc("a */ b")).toBe("/** a *\\/ b */\n");
  });

  it("writes a doc comment of several lines, a blank line as a bare star", () => {
    expect(docBlock("One.\n\n@minItems 1 */")).toBe("/**\n * One.\n *\n * @minItems 1 *\\/\n */\n");
  });
});

describe("Names", () => {
  it("gives each base its first free spelling", () => {
    const names = new Names(["m"], (base, n) => `${base}${n}`);
    expect([names.fresh("m"), names.fresh("row"), names.fresh("row"), names.fresh("x", (n) => n !== "x")]).toEqual(["m2", "row", "row2", "x2"]);
  });

  it("gives a scope inside another the names taken outside, and keeps its own to itself", () => {
    const outer = new Names(["item"], (base, n) => `${base}${n}`);
    const block = outer.inner();
    expect([block.fresh("item"), block.fresh("row")]).toEqual(["item2", "row"]);
    expect([outer.fresh("row"), outer.fresh("item")]).toEqual(["row", "item2"]);
  });
});

describe("Module", () => {
  it("imports what the code uses, in the order its modules were asked for, names sorted", () => {
    const module = new Module();
    const types = module.imports("./types.js");
    const runtime = module.imports("./runtime.js");
    const rules = module.imports("./rules.js").namespace("rules");
    const T = module.imports("./all-types.js").typeNamespace("T");
    void runtime.value("unused");
    const body = ts`export function f(v: ${types.type("Message")}): ${types.type("Body")} {\n${runtime.value("refuse")}(${rules}.x, ${runtime.type("Issue")} as ${T}.Row);\n}`;
    expect(module.render("// head", body)).toBe(
      [
        "// head",
        'import type { Body, Message } from "./types.js";',
        'import { type Issue, refuse } from "./runtime.js";',
        'import * as rules from "./rules.js";',
        'import type * as T from "./all-types.js";',
        "export function f(v: Message): Body {",
        "refuse(rules.x, Issue as T.Row);",
        "}",
      ].join("\n"),
    );
  });

  it("renames an import whose name this module declares or another module exports too", () => {
    const module = new Module();
    const name = module.declare("check");
    const a = module.imports("./a.js").value("check");
    const b = module.imports("./b.js").value("check");
    const constant = module.constants.add("check", "1");
    expect([name, constant, module.constants.add("other", "1")]).toEqual(["check", "check_2", "check_2"]);
    expect(module.render("", `${a}(); ${b}();`)).toBe('\nimport { check as check_3 } from "./a.js";\nimport { check as check_4 } from "./b.js";\ncheck_3(); check_4();');
  });

  it("renames the second of two imports of one name, neither declared here", () => {
    const module = new Module();
    const a = module.imports("./a.js").value("x");
    const b = module.imports("./b.js").value("x");
    expect(module.render("", `${a}(${b});`)).toBe('\nimport { x } from "./a.js";\nimport { x as x_2 } from "./b.js";\nx(x_2);');
  });

  it("imports a pinned name unused or used by its spelling, keeps it, and renames what would take it", () => {
    const module = new Module();
    const walk = module.imports("./walk.js").namespace("walk");
    const unicode = module.imports("./unicode.js").namespace("unicode");
    module.pin(walk);
    module.pin(unicode);
    const other = module.imports("./other.js").value("walk");
    expect(module.declare("unicode")).toBe("unicode_2");
    expect(module.render("", `walk.x(${other});`)).toBe(
      '\nimport * as walk from "./walk.js";\nimport * as unicode from "./unicode.js";\nimport { walk as walk_2 } from "./other.js";\nwalk.x(walk_2);',
    );
    expect(() => module.pin("walk")).toThrow(/token/);
  });

  it("refuses a token cut apart", () => {
    const module = new Module();
    const token = module.imports("./a.js").value("x");
    expect(() => module.render("", token.slice(0, -1))).toThrow(/token/);
  });
});
