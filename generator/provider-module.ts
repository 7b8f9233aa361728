/**
 * Emits `src/providers/<name>.ts`: a provider's options type and its `to<Name>` / `from<Name>`
 * as straight-line code (translation.ts writes the literals). The message is validated once, on
 * the way in; the body is built to be valid (see translation.ts) and is not validated again.
 *
 * Decision: a body shares objects with the message it was made from, and a message made from a
 * body shares objects with that body (Meta's body is the validated message itself). Translating
 * reads and never writes, and a body is normally serialised at once, so a copy would only double
 * the work; a caller who mutates one afterwards copies it first (`structuredClone`).
 */
import { type Imports, Module, doc, lines, lit, ts } from "./code.ts";
import type { FieldMapping, KindMapping, Provider, ProviderMapping } from "./providers.ts";
import type { SchemaGraph } from "./graph/build.ts";
import type { GraphNode } from "./graph/nodes.ts";
import { rootOf } from "./graph/query.ts";
import { type Json, SchemaSetError } from "./schema-set.ts";
import { constValue, namedNode, walk } from "./schema-path.ts";
import { FormEmitter, type Leaf, type Refer, type Side, access, parsePointer, pointerOf } from "./translation.ts";

interface Form {
  /** The message's `type`, and for a provider with per-kind bodies the interactive type. */
  type: string;
  kind?: string;
  mapping?: KindMapping;
}

function formsOf(m: ProviderMapping): Form[] {
  const forms: Form[] = [];
  if (m.capabilities.reaction !== "unsupported") forms.push({ type: "reaction" });
  const kinds = m.outbound.kinds;
  if (kinds === undefined) return [{ type: "interactive" }, ...forms];
  return [...Object.entries(kinds).map(([kind, mapping]) => ({ type: "interactive", kind, mapping })), ...forms];
}

const invert = (values: Record<string, Json> | undefined) =>
  values === undefined ? undefined : Object.fromEntries(Object.entries(values).map(([k, v]) => [String(v), k as Json]));

class ModuleEmitter {
  readonly module = new Module();
  readonly message: GraphNode;
  readonly body: GraphNode;
  readonly m: ProviderMapping;
  readonly where: string;
  /** The generated modules and the runtime, as this module names what it imports from them. */
  readonly types: Imports;
  readonly validators: Imports;
  readonly refer: Refer;
  /** Names this module declares: its options type, the option lists and its two functions. */
  readonly OPTIONS: string;
  readonly REQUIRED_OPTIONS: string;

  constructor(
    readonly graph: SchemaGraph,
    readonly p: Provider,
  ) {
    this.m = p.mapping;
    this.message = rootOf(graph, "message/outbound-message.schema.json");
    this.body = rootOf(graph, `providers/${this.m.provider}/outbound.schema.json`);
    this.where = `schemas/providers/${this.m.provider}/mapping.json`;
    this.types = this.module.imports("../types.js");
    this.validators = this.module.imports("../validators.js");
    const translate = this.module.imports("../wire/translate.js");
    const namespaces: Record<string, string> = {
      rules: this.module.imports("../runtime/rules.js").namespace("rules"),
      unicode: this.module.imports("../runtime/unicode.js").namespace("unicode"),
    };
    this.refer = { helper: (name) => namespaces[name] ?? translate.value(name), type: (name) => this.types.type(name) };
    for (const name of [`${this.m.typeName}Options`, `to${this.m.typeName}`, `from${this.m.typeName}`]) this.module.declare(name);
    this.OPTIONS = this.module.declare("OPTIONS");
    this.REQUIRED_OPTIONS = this.module.declare("REQUIRED_OPTIONS");
  }

  /** A translation helper (src/wire/translate.ts) as this module names it. */
  helper(name: string): string {
    return this.refer.helper(name);
  }

  fail(message: string): never {
    throw new SchemaSetError(`${this.where}: ${message}`);
  }

  private messagePins(form: Form): Map<string, unknown> {
    const pins = new Map<string, unknown>([["type", form.type]]);
    if (form.kind !== undefined) pins.set("interactive/type", form.kind);
    return pins;
  }

  private fields(form: Form): FieldMapping[] {
    return [...this.m.outbound.fields, ...(form.mapping?.fields ?? [])];
  }

  /** The fields whose message part this form has. */
  /** The fields this form writes: those its message has, less the parts it refuses (they have no place in the body). */
  private present(form: Form): FieldMapping[] {
    const pins = this.messagePins(form);
    const refused = Object.keys({ ...this.m.outbound.unsupported, ...form.mapping?.unsupported });
    const isRefused = (ptr: string) => refused.some((r) => ptr === r || ptr.startsWith(`${r}/`));
    return this.fields(form).filter((f) => !isRefused(f.message) && walk(this.message, parsePointer(f.message), pins) !== undefined);
  }

  /** Where the body says which form it is: the body field that carries the message's `type`. */
  private typeField(): FieldMapping | undefined {
    return this.m.outbound.fields.find((f) => f.message === "/type");
  }

  private bodyPins(form: Form): { pins: Map<string, unknown>; overrides: Map<string, GraphNode> } {
    const pins = new Map<string, unknown>();
    const overrides = new Map<string, GraphNode>();
    const t = this.typeField();
    if (t !== undefined) pins.set(parsePointer(t.body).join("/"), t.values?.[form.type] ?? form.type);
    for (const [ptr, name] of Object.entries(form.mapping?.match ?? {}))
      overrides.set(parsePointer(ptr).join("/"), namedNode(this.graph, `providers/${this.m.provider}/`, name));
    return { pins, overrides };
  }

  private impliedOf(form: Form): [string, { value: string; reason: string }][] {
    return [...Object.entries(this.m.outbound.implied ?? {}), ...Object.entries(form.mapping?.implied ?? {})];
  }


  // ------------------------------------------------------------------------ to

  private toLeaves(form: Form): Leaf[] {
    const leaves: Leaf[] = this.present(form).map((f) => ({
      target: parsePointer(f.body),
      source: {
        read: parsePointer(f.message),
        ...(f.values && { values: f.values }),
        ...(f.as !== undefined && { phone: f.as }),
      },
    }));
    for (const [ptr, value] of Object.entries({ ...this.m.outbound.constants, ...form.mapping?.constants }))
      leaves.push({ target: parsePointer(ptr), source: { constant: value } });
    for (const [name, o] of Object.entries(this.m.outbound.options ?? {}))
      leaves.push({ target: parsePointer(o.body), source: { option: name, required: o.required === true } });
    return leaves;
  }

  private toForm(form: Form): string[] {
    const P = lit(this.m.provider);
    const pins = this.messagePins(form);
    const message: Side = { root: this.message, pinned: pins, overrides: new Map(), name: "m", type: "OutboundMessage", param: "message" };
    const { pins: bodyPins, overrides } = this.bodyPins(form);
    const body: Side = { root: this.body, pinned: bodyPins, overrides, name: "body", type: this.p.outboundType, param: "body" };
    const e = new FormEmitter(this.m.provider, message, body, this.toLeaves(form), this.module.constants, this.where, undefined, this.refer);
    const scope = { items: [], known: [] };
    // The envelope's refusals and the options first (the same for every form, so written once),
    // then what this kind's own mapping refuses, then the body.
    const refusals = (unsupported: [string, string][], implied: [string, { value: string; reason: string }][]) => {
      const out: string[] = [];
      for (const [ptr, why] of unsupported) {
        const path = parsePointer(ptr);
        if (path.includes("*")) this.fail(`unsupported ${ptr}: name a field, not array items`);
        if (e.walkSource(path) === undefined) continue;
        // The whole path's presence: a field of one union branch (a text header's `sub_text`) is read
        // only once its branch is known.
        const when = new Set([...e.presence(path, scope), `${e.expr(path, scope)} !== undefined`]);
        out.push(ts`if (${[...when].join(" && ")}) ${this.helper("refuseField")}(${P}, ${lit(ptr)}, ${lit(why)});`);
      }
      for (const [ptr, { value, reason }] of implied) {
        const path = parsePointer(ptr);
        const w = e.walkSource(path);
        if (w === undefined || w.ends.every((end) => constValue(end) === value)) continue;
        const read = e.expr(path, scope);
        const when = new Set([...e.presence(path, scope), `${read} !== ${lit(value)}`]);
        out.push(ts`if (${[...when].join(" && ")}) ${this.helper("refuseValue")}(${P}, ${lit(ptr)}, ${read}, ${lit(value)}, ${lit(reason)});`);
      }
      return out;
    };
    const statements = refusals(Object.entries(this.m.outbound.unsupported ?? {}), Object.entries(this.m.outbound.implied ?? {}));
    // What the message cannot be for this provider, then the options, then what they cannot be.
    e.bodyRules("values");
    statements.push(...e.checks.splice(0), this.checkOptions());
    e.bodyRules("options");
    statements.push(...e.checks.splice(0));
    statements.push(...refusals(Object.entries(form.mapping?.unsupported ?? {}), Object.entries(form.mapping?.implied ?? {})));
    const literal = e.literal();
    statements.push(...e.checks, ...literal.statements, ts`return ${literal.expr};`);
    return statements;
  }

  private checkOptions(): string {
    return ts`${this.helper("checkOptions")}(${lit(this.m.provider)}, options, ${this.OPTIONS}, ${this.REQUIRED_OPTIONS});`;
  }

  /** The head of `to<Name>`, down to the validated message `m`. */
  private toHead(): string {
    const optional = Object.values(this.m.outbound.options ?? {}).some((o) => o.required) ? "" : "?";
    const outbound = this.types.type(this.p.outboundType);
    return ts`${doc(`Translates an outbound message (validated first) into ${this.m.title}'s request body. Throws a ProviderError for an invalid message or one ${this.m.title} cannot carry. The body shares objects with the message.`)}export function to${this.m.typeName}(message: unknown, options${optional}: ${this.m.typeName}Options): ${outbound} {
const m = ${this.helper("validMessage")}(${lit(this.m.provider)}, ${this.validators.value("validateOutboundMessage")}(message));
`;
  }

  toFunction(): string {
    const P = lit(this.m.provider);
    const refuse = (path: string, kind: string, read: string) =>
      ts`return ${this.helper("refuseKind")}(${P}, ${lit(path)}, ${read}, ${lit(this.m.notes[kind] ?? "not in its mapping")});`;
    if (this.m.outbound.fields.some((f) => f.message === "" && f.body === "")) return ts`${this.toHead()}${this.checkOptions()}\nreturn m;\n}`;

    // Kinds the provider does not carry are refused first, so that is the error they get.
    const statements: string[] = [];
    const reactionCarried = this.m.capabilities.reaction !== "unsupported";
    if (!reactionCarried) statements.push(ts`if (m.type === "reaction") ${refuse("/type", "reaction", `"reaction"`)}`);
    const refused = Object.entries(this.m.capabilities).filter(([k, c]) => k !== "reaction" && c === "unsupported");
    if (refused.length > 0) {
      const cases = refused.map(([k]) => ts`case ${lit(k)}: ${refuse("/interactive/type", k, lit(k))}`);
      statements.push(ts`${reactionCarried && `if (m.type === "interactive") `}switch (m.interactive.type) {\n${cases}\n}`);
    }
    const forms = formsOf(this.m);
    const bodies = forms.map((f) => this.toForm(f));
    // Checks every form makes (the envelope's refusals, the options) are written once, before the forms part.
    let common = 0;
    while (bodies.every((b) => b.length > common + 1 && b[common] === bodies[0]![common])) common++;
    statements.push(...bodies[0]!.slice(0, common));
    const block = (i: number) => bodies[i]!.slice(common);
    const interactive = forms.map((f, i) => [f, i] as const).filter(([f]) => f.type === "interactive");
    const interactiveCode =
      this.m.outbound.kinds === undefined
        ? ts`${block(interactive[0]![1])}`
        : ts`switch (m.interactive.type) {\n${interactive.map(([f, i]) => ts`case ${lit(f.kind)}: {\n${block(i)}\n}`)}\n}`;
    if (reactionCarried) {
      const r = forms.findIndex((f) => f.type === "reaction");
      statements.push(ts`switch (m.type) {\ncase "interactive": {\n${interactiveCode}\n}\ncase "reaction": {\n${block(r)}\n}\n}`);
    } else statements.push(interactiveCode);
    return ts`${this.toHead()}${statements}\n}`;
  }

  // ---------------------------------------------------------------------- from

  private fromLeaves(form: Form): Leaf[] {
    const leaves: Leaf[] = this.present(form).map((f) => ({
      target: parsePointer(f.message),
      source: {
        read: parsePointer(f.body),
        ...(f.values && { values: invert(f.values)! }),
        ...(f.as === "integer" && { phone: "integer-to-string" as const }),
      },
    }));
    const pins = this.messagePins(form);
    const filled = new Set(leaves.map((l) => pointerOf(l.target)));
    const constant = (ptr: string, value: Json) => {
      if (filled.has(ptr) || walk(this.message, parsePointer(ptr), pins) === undefined) return;
      filled.add(ptr);
      leaves.push({ target: parsePointer(ptr), source: { constant: value } });
    };
    constant("/type", form.type);
    if (form.kind !== undefined) constant("/interactive/type", form.kind);
    for (const [ptr, { value }] of this.impliedOf(form)) constant(ptr, value);
    return leaves;
  }

  private fromForm(form: Form): { when: string; code: string } {
    const P = lit(this.m.provider);
    const { pins, overrides } = this.bodyPins(form);
    const body: Side = { root: this.body, pinned: pins, overrides, name: "b", type: this.p.outboundType, param: "body" };
    const message: Side = { root: this.message, pinned: this.messagePins(form), overrides: new Map(), name: "message", type: "OutboundMessage", param: "message", validatedAfter: true };
    const e = new FormEmitter(this.m.provider, body, message, this.fromLeaves(form), this.module.constants, this.where, undefined, this.refer);
    const scope = { items: [], known: [] };
    let when = "";
    const t = this.typeField();
    if (form.mapping?.match !== undefined) {
      when = Object.entries(form.mapping.match)
        .map(([ptr, name]) => ts`${this.validators.value(`is${name}`)}(${e.expr(parsePointer(ptr), scope)})`)
        .join(" && ");
    } else if (t !== undefined) {
      when = `${e.expr(parsePointer(t.body), scope)} === ${lit(t.values?.[form.type] ?? form.type)}`;
    }
    const literal = e.literal();
    const validate = this.validators.value("validateOutboundMessage");
    return { when, code: lines([...literal.statements, ts`return ${this.helper("translatedMessage")}(${P}, ${validate}(${literal.expr}));`]) };
  }

  fromFunction(): string {
    const P = lit(this.m.provider);
    const identity = this.m.outbound.fields.some((f) => f.message === "" && f.body === "");
    const head = ts`${doc(`The inverse of to${this.m.typeName}: the outbound message a ${this.m.title} request body sends.`)}export function from${this.m.typeName}(body: unknown): ${this.types.type("OutboundMessage")} {\n`;
    const validBody = ts`${this.helper("validBody")}(${P}, ${this.validators.value(`validate${this.p.outboundType}`)}(body))`;
    if (identity) return ts`${head}return ${validBody};\n}`;
    const statements = [ts`const b = ${validBody};`];
    for (const ptr of this.m.outbound.single ?? []) {
      const read = access("b", parsePointer(ptr));
      statements.push(ts`if (${read}.length !== 1) ${this.helper("refuseCount")}(${P}, ${lit(ptr)}, ${read}.length);`);
    }
    const forms = formsOf(this.m).map((f) => this.fromForm(f));
    // A body per kind is recognised by its content's schema, every one tested; one that matches
    // none is refused (the body schema leaves the content's shape to the endpoint's schema).
    const recognised = this.m.outbound.kinds !== undefined;
    forms.forEach((f, i) =>
      statements.push((i === forms.length - 1 && !recognised) || f.when === "" ? f.code : ts`if (${f.when}) {\n${f.code}\n}`),
    );
    if (recognised) {
      const [at] = Object.keys(Object.values(this.m.outbound.kinds!)[0]!.match);
      statements.push(ts`return ${this.helper("refuseForm")}(${P}, ${lit(at)}, ${lit(Object.keys(this.m.outbound.kinds!))});`);
    }
    return ts`${head}${statements}\n}`;
  }

  /** The options type: what the provider needs beyond the message. */
  optionsType(): string {
    const options = Object.entries(this.m.outbound.options ?? {});
    const what = options.length === 0 ? `${this.m.title} needs nothing beyond the message.` : `What ${this.m.title} needs beyond the message.`;
    if (options.length === 0) return ts`${doc(what)}export type ${this.m.typeName}Options = Record<string, never>;`;
    const members = options.map(([name, o]) => ts`${doc(o.description)}${name}${o.required ? "" : "?"}: string;`);
    return ts`${doc(what)}export interface ${this.m.typeName}Options {\n${members}\n}`;
  }

  /** The whole file. */
  render(): string {
    const m = this.m;
    const options = Object.entries(m.outbound.options ?? {});
    const to = this.toFunction();
    const from = this.fromFunction();
    const head = ts`/**\n * ${m.title}: to${m.typeName} / from${m.typeName}.\n *\n * ${this.p.outboundDescription.replace(/\*\//g, "*\\/")}\n */`;
    const body = ts`
${this.optionsType()}

const ${this.OPTIONS}: readonly string[] = ${lit(options.map(([n]) => n))};
const ${this.REQUIRED_OPTIONS}: readonly string[] = ${lit(options.filter(([, o]) => o.required).map(([n]) => n))};
${this.module.constants.lines}

${to}

${from}`;
    return this.module.render(head, body);
  }
}

export function providerModule(graph: SchemaGraph, p: Provider): string {
  return new ModuleEmitter(graph, p).render();
}
