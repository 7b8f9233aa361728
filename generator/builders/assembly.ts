/**
 * Emits the code behind each builder: a class whose methods record calls, and whose `[ASSEMBLE]`
 * replays them into the message with every key written in schema order, plus the small functions
 * that make an item from its fields (a reply button from an id and a title). Emitting this per
 * builder, rather than interpreting a plan at run time, is what makes `build()` cost little more
 * than the validation it ends with: no path walking, no reordering pass, no copying of text.
 */
import { type Json, SchemaSetError } from "../schema-set.ts";
import { a as withArticle, camel, capitalize } from "./words.ts";

export interface KeyOrder {
  keys: string[];
  children?: Record<string, KeyOrder>;
}

/**
 * How a value given at run time is taken: as is, for scalars (anything else fails validation, and
 * a failed build returns nothing that could alias it), or copied, keys in the order named.
 */
export type Take = { copy: false } | { copy: true; order?: string };

/** One field of an item made from arguments: where it goes inside the item. */
export interface Field {
  /** The argument's name, and the record key of the array form. */
  key: string;
  path: string[];
  required: boolean;
  take: Take;
}

/** An item made from fields (a reply button from `id` and `title`), with the constants it carries. */
export interface Maker {
  /** The item's type name: `ReplyButton`. */
  typeName: string;
  /** What it is called in prose: "reply button". */
  title: string;
  fixed: Record<string, Json>;
  fields: Field[];
  order: KeyOrder | undefined;
}

interface CallBase {
  /** The method's name (inside its group, if any). */
  method: string;
  /** The group the method is read from: `header` for `.header.text(…)`. */
  group?: string;
  /** Where the call writes, from the object the builder makes. */
  at: string[];
  /** Constants of containers that exist only once this call is made (a card's `action.name`). */
  consts: [string[], Json][];
  /** The parameters' names. */
  params: string[];
}

export type CallSpec = CallBase &
  (
    | { op: "set"; value: { kind: "whole"; take: Take } | { kind: "text" } | { kind: "target" } | { kind: "made"; maker: Maker } }
    | { op: "add"; maker: Maker }
    /** An item of more fields than a call holds, given as one record (`.pixDynamicCode({ … })`). */
    | { op: "addRecord"; maker: Maker }
    /** The array form: records read into fields (`maker`), or wire items copied in `order`. */
    | { op: "addEach"; maker?: Maker; order?: string }
    | { op: "addBuilt"; sub: string; seeds: string[] }
  );

export interface ChainSpec {
  /** `ButtonChain`. */
  className: string;
  /** The builder's public type, for the docs: `ButtonBuilder`. */
  builderName: string;
  planName: string;
  what: string;
  base: Record<string, Json>;
  order: KeyOrder | undefined;
  calls: CallSpec[];
}

/** Names the generated code imports from the runtime; no slot may take one. */
const RUNTIME = ["Chain", "Group", "calls", "filled", "assembled", "own", "isRecord", "keep", "add", "addEach", "addCopies", "nested", "CALL", "A0", "A1", "A2", "ASSEMBLE", "PLAN", "OWNER", "PREV", "retain", "c", "out", "context", "record"];

/** The most arguments a builder method takes: the chain holds them in as many fields. */
export const MAX_ARGS = 3;

const lit = (v: unknown) => JSON.stringify(v);
const IDENT = /^[A-Za-z_$][\w$]*$/;
const prop = (key: string) => (IDENT.test(key) ? `.${key}` : `[${lit(key)}]`);
const keyOf = (key: string) => (IDENT.test(key) ? key : lit(key));

/** The constant holding a builder class's empty builder: `ListSectionChain` → `listSectionRoot`. */
export function rootName(className: string): string {
  return `${camel(className.replace(/Chain$/, ""))}Root`;
}

/** A variable named after a path: `["action", "buttons"]` → `actionButtons`. */
function varName(path: string[]): string {
  const name = camel(path.join("_").replace(/[^\w$]/g, "_"));
  return IDENT.test(name) ? name : `_${name}`;
}

// ---------------------------------------------------------------- object trees

/** A leaf of an object being made: a constant, or an expression that may be undefined. */
type Tree = { kind: "const"; value: Json } | { kind: "value"; expr: string; test: string; always: boolean } | { kind: "object"; always: boolean; children: Map<string, Tree> };

function object(always: boolean): Tree & { kind: "object" } {
  return { kind: "object", always, children: new Map() };
}

function addConsts(into: Tree & { kind: "object" }, value: Record<string, Json>): void {
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "object" && v !== null && !Array.isArray(v)) {
      const existing = into.children.get(k);
      const child = existing?.kind === "object" ? existing : object(true);
      into.children.set(k, child);
      addConsts(child, v as Record<string, Json>);
    } else into.children.set(k, { kind: "const", value: v });
  }
}

function place(root: Tree & { kind: "object" }, path: string[], leaf: Tree, where: string): void {
  let node = root;
  for (const seg of path.slice(0, -1)) {
    const found = node.children.get(seg);
    const next: Tree = found ?? object(false);
    if (found === undefined) node.children.set(seg, next);
    if (next.kind !== "object") throw new SchemaSetError(`${where}: ${path.join("/")} is written both whole and by parts`);
    node = next;
  }
  const last = path[path.length - 1]!;
  const existing = node.children.get(last);
  if (existing === undefined) node.children.set(last, leaf);
  else if (existing.kind === "object" || leaf.kind === "object") throw new SchemaSetError(`${where}: ${path.join("/")} is written both whole and by parts`);
  // The same constant, or the same slot, reached twice (two calls writing one place): one leaf.
}

function ordered(node: Tree & { kind: "object" }, order: KeyOrder | undefined): [string, Tree, KeyOrder | undefined][] {
  const keys = [...node.children.keys()];
  const rank = (k: string) => {
    const i = order?.keys.indexOf(k) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  // Stable: keys the schema does not order keep the order they were added in.
  return keys
    .map((k, i) => [k, i] as const)
    .sort((x, y) => rank(x[0]) - rank(y[0]) || x[1] - y[1])
    .map(([k]) => [k, node.children.get(k)!, order?.children?.[k]]);
}

/** Whether a tree is there whatever the arguments are. */
function present(t: Tree): boolean {
  return t.kind === "const" || t.always;
}

/** The condition under which an optional object is written: any of its values given. */
function given(t: Tree): string[] {
  if (t.kind === "const") return [];
  if (t.kind === "value") return [`${t.test} !== undefined`];
  return [...t.children.values()].flatMap(given);
}

/** An expression for a tree whose every part is always there, or undefined. */
function literal(t: Tree, order: KeyOrder | undefined): string | undefined {
  if (t.kind === "const") return lit(t.value);
  if (t.kind === "value") return t.always ? t.expr : undefined;
  const parts: string[] = [];
  for (const [k, child, childOrder] of ordered(t, order)) {
    if (!present(child)) return undefined;
    const e = literal(child, childOrder);
    if (e === undefined) return undefined;
    parts.push(e === k ? k : `${keyOf(k)}: ${e}`);
  }
  return `{ ${parts.join(", ")} }`;
}

/**
 * Statements that make the object `t` in variable `name`: the leading parts that are always
 * there in one literal, the rest written in schema order as they turn out to be given.
 */
function statements(t: Tree & { kind: "object" }, name: string, path: string[], order: KeyOrder | undefined, lines: string[]): void {
  const parts = ordered(t, order);
  const head: string[] = [];
  let i = 0;
  for (; i < parts.length; i++) {
    const [k, child, childOrder] = parts[i]!;
    const e = present(child) ? literal(child, childOrder) : undefined;
    if (e === undefined) break;
    head.push(e === k ? k : `${keyOf(k)}: ${e}`);
  }
  lines.push(`const ${name}: Record<string, unknown> = { ${head.join(", ")} };`);
  for (; i < parts.length; i++) {
    const [k, child, childOrder] = parts[i]!;
    const target = `${name}${prop(k)}`;
    if (child.kind === "const") lines.push(`${target} = ${lit(child.value)};`);
    else if (child.kind === "value") lines.push(child.always ? `${target} = ${child.expr};` : `if (${child.test} !== undefined) ${target} = ${child.expr};`);
    else {
      const inner = varName([...path, k]);
      const e = child.always ? literal(child, childOrder) : undefined;
      if (e !== undefined) {
        lines.push(`${target} = ${e};`);
        continue;
      }
      const body: string[] = [];
      statements(child, inner, [...path, k], childOrder, body);
      body.push(`${target} = ${inner};`);
      if (child.always) lines.push(...body);
      else lines.push(`if (${given(child).join(" || ")}) {`, ...body, "}");
    }
  }
}

function taken(expr: string, take: Take): string {
  if (!take.copy) return expr;
  return take.order ? `own(${expr}, ${take.order})` : `own(${expr})`;
}

// ---------------------------------------------------------------- makers

export function makerName(m: Maker): string {
  return `new${m.typeName}`;
}

export function recordMakerName(m: Maker): string {
  return `${camel(m.typeName)}From`;
}

/** Where keys of a record that the item does not know go: the fields' common parent. */
function home(fields: Field[]): string[] {
  const first = fields[0]?.path ?? [];
  const out: string[] = [];
  for (let i = 0; i < first.length - 1; i++) {
    if (fields.every((f) => f.path.length > i + 1 && f.path[i] === first[i])) out.push(first[i]!);
    else break;
  }
  return out;
}

/** `function newReplyButton(id, title)`: the item from its fields, keys in schema order. */
export function makerCode(m: Maker): string {
  const params = m.fields.map((f) => camel(f.key));
  const root = object(true);
  addConsts(root, m.fixed);
  m.fields.forEach((f, i) => place(root, f.path, { kind: "value", expr: taken(params[i]!, f.take), test: params[i]!, always: f.required }, m.typeName));
  const e = literal(root, m.order);
  const doc = `/** ${capitalize(withArticle(m.title))} from its fields, keys in schema order. */`;
  const signature = `function ${makerName(m)}(${params.map((p) => `${p}: unknown`).join(", ")}): Record<string, unknown>`;
  if (e !== undefined) return `${doc}\n${signature} {\n return ${e};\n}`;
  const lines: string[] = [];
  statements(root, "out", [], m.order, lines);
  return `${doc}\n${signature} {\n${lines.join("\n")}\nreturn out;\n}`;
}

/** `function replyButtonFrom(record)`: the array form's item, unknown keys kept for validation to name. */
export function recordMakerCode(m: Maker): string {
  const known = m.fields.map((f) => f.key);
  const at = home(m.fields);
  const reads = known.map((k) => `record${prop(k)}`).join(", ");
  const into = at.length === 0 ? "item" : `item${at.map(prop).join("")}`;
  const unknown = known.map((k) => `k !== ${lit(k)}`).join(" && ");
  return [
    `/** ${capitalize(withArticle(m.title))} from a record given at run time; anything but a plain record is copied whole, for validation to name. */`,
    `function ${recordMakerName(m)}(record: unknown): unknown {`,
    "if (!isRecord(record)) return own(record);",
    `const item = ${makerName(m)}(${reads});`,
    "// Keys the item does not know are kept, so validation names them rather than the builder dropping them.",
    `for (const k in record) if (${unknown} && Object.hasOwn(record, k)) keep(${into}, k, record[k]);`,
    "return item;",
    "}",
  ].join("\n");
}

// ---------------------------------------------------------------- chains

/** The method that records a call: `reply(id, title) { return new ButtonChain(this, 3, [id, title]); }`. */
function methodCode(spec: ChainSpec, call: CallSpec, index: number, self: string): string {
  if (call.op === "addBuilt") {
    // The leading arguments seed the sub-builder, in order; the last is the callback that fills it in.
    const seeds = call.seeds.map((seed, i) => `if (args.length > ${i + 1} && args[${i}] !== undefined) item = item.${seed}(args[${i}]);`);
    return [
      `${call.method}(...args: unknown[]): ${spec.className} {`,
      `let item: ${call.sub} = ${rootName(call.sub)};`,
      ...seeds,
      `return new ${spec.className}(${self}, ${index}, filled(item, args[args.length - 1]));`,
      "}",
    ].join("\n");
  }
  const params = call.params;
  if (params.length > MAX_ARGS) throw new SchemaSetError(`${spec.builderName}.${call.method} would take ${params.length} arguments; builder calls hold at most ${MAX_ARGS}`);
  return `${call.method}(${params.map((p) => `${p}: unknown`).join(", ")}): ${spec.className} {\nreturn new ${spec.className}(${self}, ${index}, ${params.join(", ")});\n}`;
}

/** The i-th argument of call `c`. */
const arg = (i: number) => `c[A${i}]`;

function allUndefined(n: number): string {
  return Array.from({ length: n }, (_, i) => `${arg(i)} === undefined`).join(" && ");
}

function args(n: number): string {
  return Array.from({ length: n }, (_, i) => arg(i)).join(", ");
}

/** What one call does to its slot, inside `[ASSEMBLE]`'s switch. */
function caseCode(call: CallSpec, slot: string, constSlots: string[]): string[] {
  const lines = call.consts.map(([, v], i) => `${constSlots[i]} = ${lit(v)};`);
  switch (call.op) {
    case "set": {
      const v = call.value;
      if (v.kind === "whole") lines.push(`${slot} = ${taken(arg(0), v.take)};`);
      else if (v.kind === "text") lines.push(`${slot} = ${arg(0)} === undefined ? undefined : { text: ${arg(0)} };`);
      else if (v.kind === "target") lines.push(`${slot} = nested(${arg(0)}, ${lit(call.at.map((s) => `/${s.replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""))}, context);`);
      else lines.push(`${slot} = ${allUndefined(v.maker.fields.length)} ? undefined : ${makerName(v.maker)}(${args(v.maker.fields.length)});`);
      break;
    }
    case "add":
      lines.push(`if (!(${allUndefined(call.maker.fields.length)})) ${slot} = add(${slot}, ${makerName(call.maker)}(${args(call.maker.fields.length)}));`);
      break;
    case "addRecord":
      lines.push(`if (${arg(0)} !== undefined) ${slot} = add(${slot}, ${recordMakerName(call.maker)}(${arg(0)}));`);
      break;
    case "addEach":
      if (call.maker) lines.push(`${slot} = addEach(${slot}, ${arg(0)}, ${recordMakerName(call.maker)});`);
      else lines.push(`${slot} = addCopies(${slot}, ${arg(0)}${call.order ? `, ${call.order}` : ""});`);
      break;
    case "addBuilt":
      lines.push(`${slot} = add(${slot}, assembled(${arg(0)}, context));`);
      break;
  }
  return lines;
}

/**
 * The constant holding a builder class's empty builder, which every builder of the class starts
 * from (a builder never changes, so one serves all), kept alive with one of each of its groups.
 * It goes after every class, which it constructs.
 */
function rootCode(spec: ChainSpec, groups: string[]): string {
  const keptWith = groups.length ? " with one of each of its groups" : "";
  return [
    `/** The empty \`${spec.builderName}\` every one starts from, kept alive${keptWith}: see \`retain\`. */`,
    `const ${rootName(spec.className)} = /* @__PURE__ */ retain(new ${spec.className}()${groups.map((g) => `, ${g}`).join("")});`,
  ].join("\n");
}

/** The builder's class and the classes of its method groups, and (apart) the constant holding its empty builder. */
export function chainCode(spec: ChainSpec): { code: string; root: string } {
  const where = spec.builderName;
  const root = object(true);
  addConsts(root, spec.base);
  const slots: string[] = [];
  const seen = new Set<string>();
  const declare = (path: string[]): string => {
    const name = varName(path);
    if (RUNTIME.includes(name)) throw new SchemaSetError(`${where}: a slot would be called ${name}, a name the generated code uses`);
    if (!seen.has(name)) {
      seen.add(name);
      slots.push(name);
      place(root, path, { kind: "value", expr: name, test: name, always: false }, where);
    }
    return name;
  };
  const cases: string[] = [];
  spec.calls.forEach((call, i) => {
    const slot = declare(call.at);
    const constSlots = call.consts.map(([p]) => declare(p));
    const label = call.group ? `${call.group}.${call.method}` : call.method;
    cases.push(`case ${i}: // ${label}`, ...caseCode(call, slot, constSlots), "break;");
  });
  const usesContext = spec.calls.some((c) => c.op === "addBuilt" || (c.op === "set" && c.value.kind === "target"));

  const assemble: string[] = [];
  statements(root, "out", [], spec.order, assemble);

  const groups = new Map<string, string[]>();
  const members: string[] = [];
  spec.calls.forEach((call, i) => {
    if (call.group === undefined) members.push(methodCode(spec, call, i, "this"));
    else groups.set(call.group, [...(groups.get(call.group) ?? []), methodCode(spec, call, i, "this[OWNER]")]);
  });
  const groupClass = (group: string) => `${spec.className.replace(/Chain$/, "")}${capitalize(group)}Group`;
  const groupCode = [...groups].map(([group, methods]) => `/** The methods of \`${where}.${group}\`. */\nclass ${groupClass(group)} extends Group<${spec.className}> {\n${methods.join("\n")}\n}`);
  const getters = [...groups.keys()].map((group) => `get ${group}(): ${groupClass(group)} {\nreturn new ${groupClass(group)}(this);\n}`);

  const chain = [
    `/** The calls made on a \`${where}\`, each method returning a new one a call longer; \`build()\` assembles them into ${withArticle(spec.what)}, keys in schema order. */`,
    `class ${spec.className} extends Chain {`,
    // The fields are written here rather than in Chain's constructor, so each write sees one shape.
    "constructor(prev?: Chain, call = -1, a0?: unknown, a1?: unknown, a2?: unknown) {",
    "super();",
    "this[PREV] = prev;",
    "this[CALL] = call;",
    "this[A0] = a0;",
    "this[A1] = a1;",
    "this[A2] = a2;",
    "}",
    `get [PLAN](): Plan {\nreturn ${spec.planName};\n}`,
    ...getters,
    ...members,
    `[ASSEMBLE](${usesContext ? "context: Context" : ""}): unknown {`,
    ...slots.map((s) => `let ${s}: unknown;`),
    "for (const c of calls(this)) {",
    "switch (c[CALL]) {",
    ...cases,
    "}",
    "}",
    ...assemble,
    "return out;",
    "}",
    "}",
  ].join("\n");
  return { code: [...groupCode, chain].join("\n\n"), root: rootCode(spec, [...groups.keys()].map(groupClass)) };
}
