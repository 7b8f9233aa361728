/**
 * Turns builder models into `builders.ts`: for each builder its typed surface (interfaces whose
 * methods carry the schema descriptions, written with code.ts), its class (assembly.ts) and its
 * plan (what is checked after assembling). The types track two things the runtime cannot: the
 * literal reply ids given so far, and how many items each capped array holds (an adder disappears
 * once its array is full).
 */
import { doc, Module, Names, ts } from "../code.ts";
import { pascalCase } from "../names.ts";
import { SchemaSetError } from "../schema-set.ts";
import { type CallSpec, chainCode, type KeyOrder, MAX_ARGS, type Maker, makerCode, makerName, recordMakerCode, rootName, type Take } from "./assembly.ts";
import type { BuilderModel, ChoiceLeaf, Item, Leaf, ListLeaf, Node } from "./model.ts";
import { clampable, order, ordinals, replyIdPaths } from "./plan.ts";
import { a, camel, capitalize, docs, joinText, singular } from "./words.ts";

export interface TopBuilder {
  item: Item;
  /** `ButtonBuilder`. */
  typeName: string;
  /** `button`. */
  factory: string;
  /** `validateButtonInteractive`. */
  validator: string;
}

const lit = (v: unknown) => JSON.stringify(v);

/** `ButtonBuilder` → `ButtonChain`, the class behind the builder type. */
const chainName = (builder: string) => builder.replace(/Builder$/, "Chain");

/** A parameter's name: the property, or `text` for a body or footer. */
const paramName = (leaf: Leaf) => (leaf.kind === "text" ? "text" : camel(leaf.key));

/** The runtime names the builder classes and item makers (assembly.ts) spell out: pinned imports. */
const ASSEMBLY_VALUES = ["add", "addCopies", "addEach", "A0", "A1", "A2", "ASSEMBLE", "assembled", "CALL", "Chain", "calls", "filled", "Group", "isRecord", "keep", "nested", "OWNER", "own", "PLAN", "PREV", "retain"];
const ASSEMBLY_TYPES = ["Context", "Plan"];

/** What the surface re-exports of the runtime, for users' annotations. */
const REEXPORTS = ts`export type { Buildable, BuildOptions, BuildResult, Built, Carries, Clamped, Loose, ReplyIds, Room } from "./runtime/builder.js";
export type { ClampChange } from "./runtime/clamp.js";
export type { HasReply, Reply } from "./runtime/replies.js";`;

/** A type parameter: `const Id extends string = never`. */
interface TypeParam {
  name: string;
  constraint: string;
  default?: string;
  isConst?: boolean;
}

/** A parameter: `...messages: M`, `subText?: string`. */
interface Param {
  name: string;
  type: string;
  optional?: boolean;
  rest?: boolean;
}

/** A method of an interface, or the head of a function: its doc comment (or ""), name, type parameters, parameters and return type. */
interface Signature {
  doc: string;
  name: string;
  typeParams?: TypeParam[];
  params: Param[];
  returns: string;
}

/** `<const Id extends string = never, …>`, or nothing. */
function typeParamList(params: TypeParam[] = []): string {
  const one = (p: TypeParam) => `${p.isConst ? "const " : ""}${p.name} extends ${p.constraint}${p.default === undefined ? "" : ` = ${p.default}`}`;
  return params.length ? `<${params.map(one).join(", ")}>` : "";
}

/** The type parameters as an interface's own: their constraints, without the defaults, which the builder's type alias carries. */
const constrained = (params: TypeParam[]): TypeParam[] => params.map(({ name, constraint }) => ({ name, constraint }));

const paramList = (params: Param[]) => params.map((p) => `${p.rest ? "..." : ""}${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");

const signature = (s: Signature) => `${s.name}${typeParamList(s.typeParams)}(${paramList(s.params)}): ${s.returns}`;

/** A method of an interface. */
const methodSignature = (s: Signature) => `${s.doc}${signature(s)};`;

/** An exported interface of methods and read-only properties (each member already written). */
function interfaceDeclaration(i: { doc: string; name: string; typeParams: TypeParam[]; extends?: string[]; members: string[] }): string {
  const heritage = i.extends?.length ? ` extends ${i.extends.join(", ")}` : "";
  return ts`${i.doc}export interface ${i.name}${typeParamList(i.typeParams)}${heritage} {
${i.members}
}`;
}

/** An exported function of one statement. */
const functionDeclaration = (s: Signature, statement: string) => ts`${s.doc}export function ${signature(s)} {
${statement}
}`;

/** What a builder's type knows about itself: its name, whether it tracks ids, its counted arrays. */
interface Surface {
  name: string;
  item: Item;
  hasIds: boolean;
  counters: { param: string; leaf: ListLeaf; max: number }[];
}

/** One builder's emission in progress: the names its parts read and the members they add. */
interface BuilderParts {
  item: Item;
  name: string;
  surface: Surface;
  typeParams: TypeParam[];
  args: string[];
  /** The builder's own type, with some of its type arguments changed. */
  self: (change?: Record<string, string>) => string;
  /** Claims a method name: two methods of one name are refused. */
  claim: (method: string, leaf: Leaf) => void;
  /** The members of the builder's interface: the groups' properties, then the methods. */
  properties: string[];
  methods: string[];
  /** The adders of each counted array, by its type parameter: they are there while it has room. */
  capped: Map<string, string[]>;
  groups: string[];
  calls: CallSpec[];
}

export class BuilderEmitter {
  private readonly module = new Module();
  /** The runtime's names the surface writes (tokens of `module`). */
  private readonly rt: Record<"Buildable" | "Carries" | "Loose" | "Plan" | "ReplyIds" | "Room" | "KeyOrder" | "findReply" | "HasReply" | "Reply" | "ReplyIdPaths", string>;
  private readonly validators: string;
  /** The builders' types, interfaces and factories, in order. */
  private readonly declarations: string[] = [];
  private readonly plans: string[] = [];
  /** Generated code behind the builders: key orders, item makers, builder classes. */
  private readonly orders = new Map<string, string>();
  private readonly orderNames = new Names([], (base, n) => `${base}${n}`);
  private readonly makers = new Map<string, string>();
  private readonly chains: string[] = [];
  /** The constants holding each builder class's empty builder: after every class, which they construct. */
  private readonly roots: string[] = [];
  private readonly surfaces = new Map<Item, Surface>();
  private readonly idsByType = new Map<string, boolean>();
  private readonly replyPaths: [string, string[][]][] = [];

  constructor(
    private readonly model: BuilderModel,
    private readonly tops: TopBuilder[],
  ) {
    const types = this.module.imports("./types.js");
    this.validators = this.module.imports("./validators.js").namespace("V");
    const builder = this.module.imports("./runtime/builder.js");
    const replies = this.module.imports("./runtime/replies.js");
    // The model writes its types as `T.Media`.
    for (const token of [types.typeNamespace("T"), ...ASSEMBLY_VALUES.map((n) => builder.value(n)), ...ASSEMBLY_TYPES.map((n) => builder.type(n))]) this.module.pin(token);
    this.rt = {
      Buildable: builder.type("Buildable"),
      Carries: builder.type("Carries"),
      Loose: builder.type("Loose"),
      Plan: builder.type("Plan"),
      ReplyIds: builder.type("ReplyIds"),
      Room: builder.type("Room"),
      KeyOrder: builder.type("KeyOrder"),
      findReply: replies.value("findReply"),
      HasReply: replies.type("HasReply"),
      Reply: replies.type("Reply"),
      ReplyIdPaths: replies.type("ReplyIdPaths"),
    };
  }

  emit(): string {
    // Which builders carry ids must be known before any type is written (envelopes depend on it).
    // Twice, so an envelope sees the answer for every builder it can carry, whatever the file order.
    for (let pass = 0; pass < 2; pass++) for (const top of this.tops) this.idsByType.set(top.item.typeName, this.carriesIds(top.item));
    for (const top of this.tops) this.builder(top.item, top.typeName, top);
    for (const top of this.tops) {
      const paths = replyIdPaths(top.item);
      const type = top.item.base.type;
      if (paths.length > 0 && typeof type === "string") this.replyPaths.push([type, paths]);
    }
    const { rt } = this;
    const constants = [
      `${doc("Where each interactive type carries the ids a reply can answer with.")}const ${this.declare("REPLY_ID_PATHS")}: ${rt.ReplyIdPaths} = ${lit(Object.fromEntries(this.replyPaths))};`,
      ...this.plans,
      ...[...this.orders].map(([name, value]) => `${doc(`The key order of ${name.replace(/Order\d*$/, "")} values given whole.`)}const ${name}: ${rt.KeyOrder} = ${value};`),
    ];
    // A blank line after each declaration with a body, none between one-line constants.
    return this.module.render(
      "",
      ts`${REEXPORTS}

${this.declarations.join("\n\n")}

${this.answerTo()}

${constants}
${[...this.makers.values()].join("\n\n")}

${this.chains.join("\n\n")}

${this.roots}`,
    );
  }

  /** Claims a module-level name this file declares: one that an import holds fails. */
  private declare(name: string): string {
    if (this.module.declare(name) !== name) throw new SchemaSetError(`builders.ts: two declarations would be called "${name}" (or one clashes with an import)`);
    return name;
  }

  // ---------------------------------------------------------------- models

  private carriesIds(item: Item): boolean {
    return item.leaves.some((leaf) => {
      switch (leaf.kind) {
        case "value":
          return leaf.replyId;
        case "choice":
          return leaf.branches.some((b) => this.carriesIds(b));
        case "list":
          return leaf.items.some((b) => this.carriesIds(b));
        case "target":
          return leaf.builders.some((name) => this.idsByType.get(name) ?? false);
        default:
          return false;
      }
    });
  }

  /** The positional arguments of an adder: every simple leaf, or for a sub-builder only the seeds. */
  private positional(item: Item): Leaf[] {
    const simple = item.leaves.filter((l) => l.kind === "value" || l.kind === "text" || l.kind === "target");
    if (!item.complex) return [...simple.filter((l) => l.required), ...simple.filter((l) => !l.required)];
    return simple.filter((l) => l.required || item.requiredIfMultiple.includes(l.key));
  }

  // ---------------------------------------------------------------- one builder

  private builder(item: Item, name: string, top?: TopBuilder): Surface {
    const existing = this.surfaces.get(item);
    if (existing) return existing;
    const parts = this.startBuilder(item, name, top);
    for (const leaf of item.leaves) {
      if (leaf.kind === "value" || leaf.kind === "text" || leaf.kind === "target") this.setterMember(parts, leaf);
      else if (leaf.kind === "choice") this.choiceGroup(parts, leaf);
      else this.listMethods(parts, leaf);
    }
    this.declareBuilder(parts, top);
    this.plans.push(this.plan(item, name, top));
    const { code, root } = chainCode({ className: chainName(name), builderName: name, planName: `${item.typeName}Plan`, what: item.title, base: item.base, order: this.orderOf(item.node), calls: parts.calls });
    this.chains.push(code);
    this.roots.push(root);
    if (top) this.declarations.push(this.factory(top, parts.surface));
    return parts.surface;
  }

  /** A builder's surface (registered before its members, which may refer back to it) and the parts its members fill. */
  private startBuilder(item: Item, name: string, top?: TopBuilder): BuilderParts {
    const counters = item.leaves
      .filter((l): l is ListLeaf => l.kind === "list" && l.max !== undefined)
      .map((leaf) => ({ param: pascalCase(leaf.key), leaf, max: leaf.max! }));
    const surface: Surface = { name, item, hasIds: top ? this.idsByType.get(item.typeName)! : this.carriesIds(item), counters };
    this.surfaces.set(item, surface);

    const typeParams: TypeParam[] = [
      ...(surface.hasIds ? [{ name: "Ids", constraint: "string", default: "never" }] : []),
      ...counters.map((c) => ({ name: c.param, constraint: "readonly unknown[]", default: "[]" })),
    ];
    const args = typeParams.map((p) => p.name);
    const self = (change: Record<string, string> = {}) => (args.length ? `${name}<${args.map((a) => change[a] ?? a).join(", ")}>` : name);
    const used = new Set<string>(["build", "safeBuild"]);
    const claim = (method: string, leaf: Leaf) => {
      if (used.has(method)) throw new SchemaSetError(`${item.typeName}: two builder methods would be called "${method}" (one for ${leaf.path.join("/")})`);
      used.add(method);
    };
    return { item, name, surface, typeParams, args, self, claim, properties: [], methods: [], capped: new Map(), groups: [], calls: [] };
  }

  /** A field set by one call: a value, a text or a built target. */
  private setterMember(parts: BuilderParts, leaf: Leaf): void {
    const method = camel(leaf.key);
    parts.claim(method, leaf);
    const value = leaf.kind === "value" ? { kind: "whole" as const, take: this.take(leaf) } : { kind: leaf.kind as "text" | "target" };
    parts.calls.push({ at: leaf.path, consts: leaf.consts, method, params: [paramName(leaf)], op: "set", value });
    parts.methods.push(this.setter(leaf, method, parts.self, parts.surface));
  }

  /** A tagged choice (a header's kinds): a group of methods, one per branch, reached by a property. */
  private choiceGroup(parts: BuilderParts, leaf: ChoiceLeaf): void {
    const { item, name, typeParams, args, self } = parts;
    const group = camel(leaf.key);
    parts.claim(group, leaf);
    const groupName = this.declare(`${name}${pascalCase(leaf.key)}`);
    const groupMethods: string[] = [];
    for (const branch of leaf.branches) {
      if (branch.complex) throw new SchemaSetError(`${branch.typeName}: a tagged choice whose branch needs a sub-builder is not supported by the builder emitter yet`);
      const method = camel(branch.tag ?? branch.typeName);
      const params = this.positional(branch);
      parts.calls.push({ at: leaf.path, consts: leaf.consts, method, group, params: params.map(paramName), op: "set", value: { kind: "made", maker: this.maker(branch, params) } });
      groupMethods.push(
        methodSignature({
          doc: docs(branch.description || `${capitalize(a(branch.title))}.`, params.map((p) => [paramName(p), p.doc])),
          name: method,
          params: params.map((p) => this.parameter(p)),
          returns: self(),
        }),
      );
    }
    parts.groups.push(
      interfaceDeclaration({ doc: docs(`The kinds of ${leaf.key} of ${a(item.title)}; pick one.`), name: groupName, typeParams: constrained(typeParams), members: groupMethods }),
    );
    parts.properties.push(`${docs(leaf.doc)}readonly ${group}: ${args.length ? `${groupName}<${args.join(", ")}>` : groupName};`);
  }

  /** The builder's types: its methods' interface and its groups, and with counted arrays the type that offers adders while there is room. */
  private declareBuilder(parts: BuilderParts, top?: TopBuilder): void {
    const { item, name, surface, typeParams, args } = parts;
    const { counters } = surface;
    const { Buildable, Carries, Room } = this.rt;
    const extendsList = top ? [`${Buildable}<T.${item.typeName}${surface.hasIds ? ", Ids" : ""}>`] : surface.hasIds ? [`${Carries}<Ids>`] : [];
    const description = docs(joinText(top ? `Builds ${a(item.title)}.` : `Fills in ${a(item.title)}.`, item.description));
    this.declarations.push(
      interfaceDeclaration({
        doc: description,
        name: this.declare(counters.length ? `${name}Methods` : name),
        typeParams: counters.length ? constrained(typeParams) : typeParams,
        extends: extendsList,
        members: [...parts.properties, ...parts.methods],
      }),
      ...parts.groups,
    );
    if (!counters.length) return;
    const types = [`${name}Methods<${args.join(", ")}>`];
    for (const c of counters) {
      const adders = parts.capped.get(c.param) ?? [];
      if (adders.length === 0) continue;
      const addersName = this.declare(`${name}${c.param}`);
      this.declarations.push(
        interfaceDeclaration({
          doc: docs(`Adders for ${c.leaf.key}, there while it holds fewer than ${c.max} (WhatsApp's limit).`),
          name: addersName,
          typeParams: constrained(typeParams),
          members: adders,
        }),
      );
      types.push(`${Room}<${c.param}, ${c.max}, ${addersName}<${args.join(", ")}>>`);
    }
    this.declarations.push(`${description}export type ${this.declare(name)}${typeParamList(typeParams)} = ${types.join(" & ")};`);
  }

  private setter(leaf: Leaf, method: string, self: (c?: Record<string, string>) => string, surface: Surface): string {
    if (leaf.kind === "target") {
      return methodSignature({
        doc: docs(leaf.doc, [[camel(leaf.key), `a built ${leaf.tsType.replace(/^T\./, "")} or its builder`]]),
        name: method,
        typeParams: [{ name: "M", constraint: this.targetType(leaf) }],
        params: [{ name: camel(leaf.key), type: "M" }],
        returns: surface.hasIds ? self({ Ids: `${this.rt.ReplyIds}<M>` }) : self(),
      });
    }
    const param = this.parameter({ ...leaf, required: true });
    if (leaf.kind === "value" && leaf.replyId) {
      return methodSignature({ doc: docs(leaf.doc), name: method, typeParams: [{ name: "Id", constraint: "string", isConst: true }], params: [{ ...param, type: "Id" }], returns: self({ Ids: "Ids | Id" }) });
    }
    return methodSignature({ doc: docs(leaf.doc), name: method, params: [param], returns: self() });
  }

  private targetType(leaf: Leaf & { kind: "target" }): string {
    return `${leaf.tsType} | ${this.rt.Buildable}<${leaf.tsType}, string>`;
  }

  /** The type of an item given as a record of its fields: `{ id: string; title: string }`. */
  private recordType(params: Leaf[]): string {
    return `{ ${params.map((p) => `${p.key}${p.required ? "" : "?"}: ${p.kind === "value" || p.kind === "target" ? p.tsType : "string"}`).join("; ")} }`;
  }

  private parameter(leaf: Leaf): Param {
    const type = leaf.kind === "value" || leaf.kind === "target" ? leaf.tsType : "string";
    return { name: paramName(leaf), type, optional: !leaf.required };
  }

  // ---------------------------------------------------------------- what the classes use

  /** The item made from positional arguments (and, for the array form, from records), emitted once. */
  private maker(item: Item, params: Leaf[], records = false): Maker {
    const maker: Maker = {
      typeName: item.typeName,
      title: item.title,
      fixed: item.base,
      fields: params.map((p) => ({ key: p.key, path: p.kind === "text" ? [...p.path, "text"] : p.path, required: p.required, take: this.take(p) })),
      order: this.orderOf(item.node),
    };
    const code = makerCode(maker);
    const name = makerName(maker);
    const existing = this.makers.get(name);
    if (existing !== undefined && existing !== code) throw new SchemaSetError(`${item.typeName}: made from two different sets of fields`);
    this.makers.set(name, code);
    if (records) this.makers.set(`${name}From`, recordMakerCode(maker));
    return maker;
  }

  /**
   * Scalars are taken as given: anything else fails validation, and a failed build returns
   * nothing that could share it with the caller. Objects are copied, keys in schema order.
   */
  private take(leaf: Leaf): Take {
    if (leaf.kind === "text") return { copy: false };
    const s = leaf.node.schema;
    const scalar = ["string", "integer", "number", "boolean"];
    if (leaf.kind === "value" && (scalar.includes(s.type as string) || (Array.isArray(s.enum) && s.enum.every((e) => typeof e !== "object")))) return { copy: false };
    if (leaf.kind !== "value") return { copy: true };
    const name = this.orderName(leaf.node, `${leaf.key}`);
    return name ? { copy: true, order: name } : { copy: true };
  }

  private orderOf(node: Node): KeyOrder | undefined {
    return order(this.model, node) as KeyOrder | undefined;
  }

  /** A module-level key order for values given whole, named after their type; one per distinct order. */
  private orderName(node: Node, fallback: string): string | undefined {
    const o = this.orderOf(node);
    if (!o) return undefined;
    const value = lit(o);
    for (const [name, v] of this.orders) if (v === value) return name;
    const name = this.declare(this.orderNames.fresh(`${camel(this.model.nameOf(node) ?? fallback)}Order`));
    this.orders.set(name, value);
    return name;
  }

  /** A list's adders (one per kind of item, capped while a counted array has room) and its array form. */
  private listMethods(parts: BuilderParts, leaf: ListLeaf): void {
    const { self, surface, claim, calls, methods, capped } = parts;
    const at = { at: leaf.path, consts: leaf.consts };
    const counter = surface.counters.find((c) => c.leaf === leaf);
    const grown = (ids?: string) => {
      const change: Record<string, string> = {};
      if (ids && surface.hasIds) change.Ids = ids;
      if (counter) change[counter.param] = `[...${counter.param}, unknown]`;
      return self(change);
    };
    const limit = leaf.max !== undefined ? ` WhatsApp allows at most ${leaf.max}.` : "";
    const adders: string[] = [];
    for (const item of leaf.items) {
      const method = camel(item.tag ?? singular(leaf.key));
      claim(method, leaf);
      const params = this.positional(item);
      const paramDocs = params.map((p): [string, string] => [paramName(p), p.doc]);
      const doc = joinText(`Adds ${a(item.title)} to ${leaf.key}.${limit}`, item.description, leaf.doc);
      if (!item.complex && params.length > MAX_ARGS) {
        // More fields than a call holds: the adder takes the item as one record, read field by
        // field as the array form reads its records.
        if (params.some((p) => p.kind === "value" && p.replyId)) throw new SchemaSetError(`${item.typeName}: an item given as a record cannot carry a reply id`);
        const record = camel(item.tag ?? singular(leaf.key));
        calls.push({ ...at, method, params: [record], op: "addRecord", maker: this.maker(item, params, true) });
        adders.push(
          methodSignature({
            doc: docs(doc, [[record, `its fields: ${params.map((p) => `\`${p.key}\`${p.doc ? ` (${p.doc})` : ""}`).join(", ")}`]]),
            name: method,
            params: [{ name: record, type: this.recordType(params) }],
            returns: grown(),
          }),
        );
      } else if (!item.complex) {
        calls.push({ ...at, method, params: params.map(paramName), op: "add", maker: this.maker(item, params) });
        const idParam = params.find((p) => p.kind === "value" && p.replyId);
        adders.push(
          methodSignature({
            doc: docs(doc, paramDocs),
            name: method,
            typeParams: idParam ? [{ name: "Id", constraint: "string", isConst: true }] : [],
            params: params.map((p) => (p === idParam ? { ...this.parameter(p), type: "Id" } : this.parameter(p))),
            returns: grown(idParam ? "Ids | Id" : undefined),
          }),
        );
      } else {
        const sub = this.builder(item, `${item.typeName}Builder`);
        calls.push({ ...at, method, params: [], op: "addBuilt", sub: chainName(sub.name), seeds: params.map((p) => camel(p.key)) });
        // The ids are read off the type-only marker alone: inferring them through the methods would
        // widen an item without ids to `string`.
        const subArgs = [...(sub.hasIds ? ["any"] : []), ...sub.counters.map(() => "any")];
        const returned = (subArgs.length ? `${sub.name}<${subArgs.join(", ")}>` : sub.name) + (sub.hasIds ? ` & ${this.rt.Carries}<ItemIds>` : "");
        const callback = { name: "fill", type: `(${camel(singular(leaf.key))}: ${sub.name}) => ${returned}` };
        const typeParams = sub.hasIds ? [{ name: "ItemIds", constraint: "string", default: "never" }] : [];
        const returns = grown(sub.hasIds ? "Ids | ItemIds" : undefined);
        const fillDoc: [string, string] = ["fill", `fills in the new ${singular(leaf.key).replace(/_/g, " ")} and returns the builder it was given`];
        // Leading arguments that are required only when there are several items (section titles)
        // may be left out, so there is a shorter form without them.
        const optional = params.filter((p) => !p.required);
        if (optional.length > 0) {
          const required = params.filter((p) => p.required);
          adders.push(methodSignature({ doc: docs(doc, [...required.map((p): [string, string] => [camel(p.key), p.doc]), fillDoc]), name: method, typeParams, params: [...required.map((p) => this.parameter(p)), callback], returns }));
        }
        adders.push(methodSignature({ doc: docs(doc, [...paramDocs, fillDoc]), name: method, typeParams, params: [...params.map((p) => this.parameter({ ...p, required: true })), callback], returns }));
      }
    }
    // The array form: items built at run time (rows from a database), checked when building.
    const arrayMethod = camel(leaf.key);
    claim(arrayMethod, leaf);
    const only = leaf.items.length === 1 ? leaf.items[0]! : undefined;
    // Items made of simple fields are read field by field, in the same code as the adder's.
    const records = only !== undefined && !only.complex;
    const params = records ? this.positional(only) : [];
    const itemType = records ? this.recordType(params) : `${this.rt.Loose}<T.${leaf.itemType}>`;
    const each = records ? { maker: this.maker(only, params, true) } : { order: this.orderName(this.model.child(leaf.node, "items"), leaf.itemType) };
    calls.push({ ...at, method: arrayMethod, params: [arrayMethod], op: "addEach", ...each });
    const ids = leaf.items.some((i) => this.carriesIds(i));
    const loose: Record<string, string> = {};
    if (ids && surface.hasIds) loose.Ids = "string";
    if (counter) loose[counter.param] = "readonly unknown[]";
    methods.push(
      methodSignature({
        doc: docs(
          joinText(`Adds ${leaf.key} made at run time, after any added so far.${limit}`, leaf.doc),
          [[arrayMethod, "checked when the message is built, not by the type checker"]],
          ids ? ["Their ids are not known to the type checker, so replies to this message are typed `string`."] : [],
        ),
        name: arrayMethod,
        params: [{ name: arrayMethod, type: `readonly ${itemType}[]` }],
        returns: self(loose),
      }),
    );
    if (counter) capped.set(counter.param, [...(capped.get(counter.param) ?? []), ...adders]);
    else methods.push(...adders);
  }

  // ---------------------------------------------------------------- plans and factories

  private plan(item: Item, name: string, top?: TopBuilder): string {
    const fields = [`what: ${lit(item.title)}`];
    if (top) {
      const numbered = this.numbered(item);
      if (numbered.length) fields.push(`ordinals: ${lit(numbered)}`);
      const clamp = clampable(item);
      if (clamp.length) fields.push(`clamp: ${lit(clamp)}`);
      fields.push(`validate: ${this.validators}.${top.validator}`, `is: ${this.validators}.${top.validator.replace(/^validate/, "is")}`);
    }
    const type = top ? `${this.rt.Plan}<T.${item.typeName}>` : this.rt.Plan;
    return `${doc(`What ${name} checks after assembling (${item.node.loc.file.path}).`)}const ${this.declare(`${item.typeName}Plan`)}: ${type} = { ${fields.join(", ")} };`;
  }

  private factory(top: TopBuilder, surface: Surface): string {
    const item = top.item;
    const params = item.leaves.filter((l) => (l.kind === "value" || l.kind === "target") && l.required);
    const target = params.find((p) => p.kind === "target");
    const returns = target && surface.hasIds ? `${top.typeName}<${this.rt.ReplyIds}<M>>` : top.typeName;
    return functionDeclaration(
      {
        doc: docs(joinText(`Starts ${a(item.title)}.`, item.description), params.map((p) => [camel(p.key), p.doc])),
        name: this.declare(top.factory),
        typeParams: target ? [{ name: "M", constraint: this.targetType(target as Leaf & { kind: "target" }) }] : [],
        params: params.map((p) => (p === target ? { name: camel(p.key), type: "M" } : this.parameter(p))),
        returns,
      },
      `return ${rootName(chainName(top.typeName))}${params.map((p) => `.${camel(p.key)}(${camel(p.key)})`).join("")} as unknown as ${returns};`,
    );
  }

  /** Positions the builder fills in: the array, the key, and the item's key order (where the key goes). */
  private numbered(item: Item): [string[], string, string[]][] {
    const whole = this.orderOf(item.node);
    const out = new Map<string, [string[], string, string[]]>();
    for (const [path, key] of ordinals(item)) {
      let o: KeyOrder | undefined = whole;
      for (const seg of path) o = o?.children?.[seg];
      const keys = o?.children?.["*"]?.keys;
      if (!keys?.includes(key)) throw new SchemaSetError(`${item.typeName}: no key order for the items of ${path.join("/")}`);
      out.set(lit([path, key]), [path, key, keys]);
    }
    return [...out.values()];
  }

  private answerTo(): string {
    const { rt } = this;
    return functionDeclaration(
      {
        doc: docs(
          "The reply in an inbound event, narrowed to the ids of the messages it may answer, or undefined when it carries no reply or one with another id (a tap on an older message). Give it the messages (or their envelopes or builders) you sent; with builders' literal ids, `switch (reply.id)` is checked for typos and exhaustiveness.",
          [
            ["event", "anything with an optional `reply: { id, title?, description? }`, such as the canonical inbound event"],
            ["messages", "the messages whose ids the reply may carry"],
          ],
        ),
        name: this.declare("answerTo"),
        typeParams: [{ name: "M", constraint: "readonly unknown[]", isConst: true }],
        params: [
          { name: "event", type: `${rt.HasReply} | null | undefined` },
          { name: "messages", type: "M", rest: true },
        ],
        returns: `${rt.Reply}<${rt.ReplyIds}<M[number]>> | undefined`,
      },
      `return ${rt.findReply}(REPLY_ID_PATHS, event, messages);`,
    );
  }
}
