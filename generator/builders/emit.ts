/**
 * Turns builder models into `builders.ts`: for each builder its typed surface (interfaces whose
 * methods carry the schema descriptions, as ts-morph structures added to one source file in a
 * single batch), its class (assembly.ts) and its plan (what is checked after assembling). The
 * types track two things the runtime cannot: the literal reply ids given so far, and how many
 * items each capped array holds (an adder disappears once its array is full).
 */
import {
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type MethodSignatureStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type PropertySignatureStructure,
  Project,
  type StatementStructures,
  StructureKind,
  type TypeAliasDeclarationStructure,
  type TypeParameterDeclarationStructure,
  VariableDeclarationKind,
} from "ts-morph";
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
  typeParams: OptionalKind<TypeParameterDeclarationStructure>[];
  args: string[];
  /** The builder's own type, with some of its type arguments changed. */
  self: (change?: Record<string, string>) => string;
  /** Claims a method name: two methods of one name are refused. */
  claim: (method: string, leaf: Leaf) => void;
  methods: OptionalKind<MethodSignatureStructure>[];
  /** The adders of each counted array, by its type parameter: they are there while it has room. */
  capped: Map<string, OptionalKind<MethodSignatureStructure>[]>;
  groups: InterfaceDeclarationStructure[];
  groupProps: OptionalKind<PropertySignatureStructure>[];
  calls: CallSpec[];
}

export class BuilderEmitter {
  private readonly statements: StatementStructures[] = [];
  private readonly plans: StatementStructures[] = [];
  /** Generated code behind the builders: key orders, item makers, builder classes. */
  private readonly orders = new Map<string, string>();
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
  ) {}

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
    const project = new Project({ useInMemoryFileSystem: true });
    const file = project.createSourceFile("builders.ts", {
      statements: [
        { kind: StructureKind.ImportDeclaration, isTypeOnly: true, namespaceImport: "T", moduleSpecifier: "./types.js" },
        { kind: StructureKind.ImportDeclaration, namespaceImport: "V", moduleSpecifier: "./validators.js" },
        {
          kind: StructureKind.ImportDeclaration,
          moduleSpecifier: "./runtime/builder.js",
          namedImports: [
            "add",
            "addCopies",
            "addEach",
            "A0",
            "A1",
            "A2",
            "ASSEMBLE",
            "assembled",
            "CALL",
            "Chain",
            "calls",
            "filled",
            "Group",
            "isRecord",
            "keep",
            "nested",
            "OWNER",
            "own",
            "PLAN",
            "PREV",
            "retain",
            "type Buildable",
            "type Carries",
            "type Context",
            "type KeyOrder",
            "type Loose",
            "type Plan",
            "type ReplyIds",
            "type Room",
          ],
        },
        { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime/replies.js", namedImports: ["findReply", "type HasReply", "type Reply", "type ReplyIdPaths"] },
        {
          kind: StructureKind.ExportDeclaration,
          isTypeOnly: true,
          moduleSpecifier: "./runtime/builder.js",
          namedExports: ["Buildable", "BuildOptions", "BuildResult", "Built", "Carries", "Clamped", "Loose", "ReplyIds", "Room"],
        },
        { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/clamp.js", namedExports: ["ClampChange"] },
        { kind: StructureKind.ExportDeclaration, isTypeOnly: true, moduleSpecifier: "./runtime/replies.js", namedExports: ["HasReply", "Reply"] },
        ...this.statements,
        this.answerTo(),
        {
          kind: StructureKind.VariableStatement,
          declarationKind: VariableDeclarationKind.Const,
          docs: ["Where each interactive type carries the ids a reply can answer with."],
          declarations: [{ name: "REPLY_ID_PATHS", type: "ReplyIdPaths", initializer: lit(Object.fromEntries(this.replyPaths)) }],
        },
        ...this.plans,
        ...[...this.orders].map(([name, value]) => `/** The key order of ${name.replace(/Order\d*$/, "")} values given whole. */\nconst ${name}: KeyOrder = ${value};`),
        ...this.makers.values(),
        ...this.chains,
        ...this.roots,
      ],
    });
    return file.getFullText();
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
    if (top) this.statements.push(this.factory(top, parts.surface));
    return parts.surface;
  }

  /** A builder's surface (registered before its members, which may refer back to it) and the parts its members fill. */
  private startBuilder(item: Item, name: string, top?: TopBuilder): BuilderParts {
    const counters = item.leaves
      .filter((l): l is ListLeaf => l.kind === "list" && l.max !== undefined)
      .map((leaf) => ({ param: pascalCase(leaf.key), leaf, max: leaf.max! }));
    const surface: Surface = { name, item, hasIds: top ? this.idsByType.get(item.typeName)! : this.carriesIds(item), counters };
    this.surfaces.set(item, surface);

    const typeParams: OptionalKind<TypeParameterDeclarationStructure>[] = [
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
    return { item, name, surface, typeParams, args, self, claim, methods: [], capped: new Map(), groups: [], groupProps: [], calls: [] };
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
    const groupName = `${name}${pascalCase(leaf.key)}`;
    const groupMethods: OptionalKind<MethodSignatureStructure>[] = [];
    for (const branch of leaf.branches) {
      if (branch.complex) throw new SchemaSetError(`${branch.typeName}: a tagged choice whose branch needs a sub-builder is not supported by the builder emitter yet`);
      const method = camel(branch.tag ?? branch.typeName);
      const params = this.positional(branch);
      parts.calls.push({ at: leaf.path, consts: leaf.consts, method, group, params: params.map(paramName), op: "set", value: { kind: "made", maker: this.maker(branch, params) } });
      groupMethods.push({
        name: method,
        docs: docs(branch.description || `${capitalize(a(branch.title))}.`, params.map((p) => [p.kind === "text" ? "text" : camel(p.key), p.doc])),
        parameters: params.map((p) => this.parameter(p)),
        returnType: self(),
      });
    }
    parts.groups.push({
      kind: StructureKind.Interface,
      name: groupName,
      isExported: true,
      typeParameters: typeParams.map(({ name: n, constraint }) => ({ name: n, constraint })),
      docs: docs(`The kinds of ${leaf.key} of ${a(item.title)}; pick one.`),
      methods: groupMethods,
    });
    parts.groupProps.push({ name: group, type: args.length ? `${groupName}<${args.join(", ")}>` : groupName, isReadonly: true, docs: docs(leaf.doc) });
  }

  /** The builder's types: its methods' interface and its groups, and with counted arrays the type that offers adders while there is room. */
  private declareBuilder(parts: BuilderParts, top?: TopBuilder): void {
    const { item, name, surface, typeParams, args } = parts;
    const { counters } = surface;
    const extendsList = top ? [`Buildable<T.${item.typeName}${surface.hasIds ? ", Ids" : ""}>`] : surface.hasIds ? ["Carries<Ids>"] : [];
    const description = joinText(top ? `Builds ${a(item.title)}.` : `Fills in ${a(item.title)}.`, item.description);
    const base: InterfaceDeclarationStructure = {
      kind: StructureKind.Interface,
      name: counters.length ? `${name}Methods` : name,
      isExported: true,
      typeParameters: counters.length ? typeParams.map(({ name: n, constraint }) => ({ name: n, constraint })) : typeParams,
      extends: extendsList,
      docs: docs(description),
      properties: parts.groupProps,
      methods: parts.methods,
    };
    this.statements.push(base, ...parts.groups);
    if (!counters.length) return;
    const types = [`${name}Methods<${args.join(", ")}>`];
    for (const c of counters) {
      const adders = parts.capped.get(c.param) ?? [];
      if (adders.length === 0) continue;
      const addersName = `${name}${c.param}`;
      this.statements.push({
        kind: StructureKind.Interface,
        name: addersName,
        isExported: true,
        typeParameters: typeParams.map(({ name: n, constraint }) => ({ name: n, constraint })),
        docs: docs(`Adders for ${c.leaf.key}, there while it holds fewer than ${c.max} (WhatsApp's limit).`),
        methods: adders,
      });
      types.push(`Room<${c.param}, ${c.max}, ${addersName}<${args.join(", ")}>>`);
    }
    this.statements.push({ kind: StructureKind.TypeAlias, name, isExported: true, typeParameters: typeParams, type: types.join(" & "), docs: docs(description) } as TypeAliasDeclarationStructure);
  }

  private setter(leaf: Leaf, method: string, self: (c?: Record<string, string>) => string, surface: Surface): OptionalKind<MethodSignatureStructure> {
    if (leaf.kind === "target") {
      const returns = surface.hasIds ? self({ Ids: "ReplyIds<M>" }) : self();
      return {
        name: method,
        docs: docs(leaf.doc, [[camel(leaf.key), `a built ${leaf.tsType.replace(/^T\./, "")} or its builder`]]),
        typeParameters: [{ name: "M", constraint: this.targetType(leaf) }],
        parameters: [{ name: camel(leaf.key), type: "M" }],
        returnType: returns,
      };
    }
    const param = this.parameter({ ...leaf, required: true });
    if (leaf.kind === "value" && leaf.replyId) {
      return { name: method, docs: docs(leaf.doc), typeParameters: [{ name: "Id", constraint: "string", isConst: true }], parameters: [{ ...param, type: "Id" }], returnType: self({ Ids: "Ids | Id" }) };
    }
    return { name: method, docs: docs(leaf.doc), parameters: [param], returnType: self() };
  }

  private targetType(leaf: Leaf & { kind: "target" }): string {
    return `${leaf.tsType} | Buildable<${leaf.tsType}, string>`;
  }

  /** The type of an item given as a record of its fields: `{ id: string; title: string }`. */
  private recordType(params: Leaf[]): string {
    return `{ ${params.map((p) => `${p.key}${p.required ? "" : "?"}: ${p.kind === "value" || p.kind === "target" ? p.tsType : "string"}`).join("; ")} }`;
  }

  private parameter(leaf: Leaf): OptionalKind<ParameterDeclarationStructure> {
    const type = leaf.kind === "value" || leaf.kind === "target" ? leaf.tsType : "string";
    return { name: paramName(leaf), type, hasQuestionToken: !leaf.required };
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
    const base = `${camel(this.model.nameOf(node) ?? fallback)}Order`;
    let name = base;
    for (let n = 2; this.orders.has(name); n++) name = `${base}${n}`;
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
    const adders: OptionalKind<MethodSignatureStructure>[] = [];
    for (const item of leaf.items) {
      const method = camel(item.tag ?? singular(leaf.key));
      claim(method, leaf);
      const params = this.positional(item);
      const paramDocs = params.map((p): [string, string] => [p.kind === "text" ? "text" : camel(p.key), p.doc]);
      const doc = joinText(`Adds ${a(item.title)} to ${leaf.key}.${limit}`, item.description, leaf.doc);
      if (!item.complex && params.length > MAX_ARGS) {
        // More fields than a call holds: the adder takes the item as one record, read field by
        // field as the array form reads its records.
        if (params.some((p) => p.kind === "value" && p.replyId)) throw new SchemaSetError(`${item.typeName}: an item given as a record cannot carry a reply id`);
        const record = camel(item.tag ?? singular(leaf.key));
        calls.push({ ...at, method, params: [record], op: "addRecord", maker: this.maker(item, params, true) });
        adders.push({
          name: method,
          docs: docs(doc, [[record, `its fields: ${params.map((p) => `\`${p.key}\`${p.doc ? ` (${p.doc})` : ""}`).join(", ")}`]]),
          parameters: [{ name: record, type: this.recordType(params) }],
          returnType: grown(),
        });
      } else if (!item.complex) {
        calls.push({ ...at, method, params: params.map(paramName), op: "add", maker: this.maker(item, params) });
        const idParam = params.find((p) => p.kind === "value" && p.replyId);
        adders.push({
          name: method,
          docs: docs(doc, paramDocs),
          typeParameters: idParam ? [{ name: "Id", constraint: "string", isConst: true }] : [],
          parameters: params.map((p) => (p === idParam ? { ...this.parameter(p), type: "Id" } : this.parameter(p))),
          returnType: grown(idParam ? "Ids | Id" : undefined),
        });
      } else {
        const sub = this.builder(item, `${item.typeName}Builder`);
        calls.push({ ...at, method, params: [], op: "addBuilt", sub: chainName(sub.name), seeds: params.map((p) => camel(p.key)) });
        // The ids are read off the type-only marker alone: inferring them through the methods would
        // widen an item without ids to `string`.
        const subArgs = [...(sub.hasIds ? ["any"] : []), ...sub.counters.map(() => "any")];
        const returned = (subArgs.length ? `${sub.name}<${subArgs.join(", ")}>` : sub.name) + (sub.hasIds ? " & Carries<ItemIds>" : "");
        const callback = { name: "fill", type: `(${camel(singular(leaf.key))}: ${sub.name}) => ${returned}` };
        const typeParameters = sub.hasIds ? [{ name: "ItemIds", constraint: "string", default: "never" }] : [];
        const returnType = grown(sub.hasIds ? "Ids | ItemIds" : undefined);
        const fillDoc: [string, string] = ["fill", `fills in the new ${singular(leaf.key).replace(/_/g, " ")} and returns the builder it was given`];
        // Leading arguments that are required only when there are several items (section titles)
        // may be left out, so there is a shorter form without them.
        const optional = params.filter((p) => !p.required);
        if (optional.length > 0) {
          const required = params.filter((p) => p.required);
          adders.push({ name: method, docs: docs(doc, [...required.map((p): [string, string] => [camel(p.key), p.doc]), fillDoc]), typeParameters, parameters: [...required.map((p) => this.parameter(p)), callback], returnType });
        }
        adders.push({ name: method, docs: docs(doc, [...paramDocs, fillDoc]), typeParameters, parameters: [...params.map((p) => this.parameter({ ...p, required: true })), callback], returnType });
      }
    }
    // The array form: items built at run time (rows from a database), checked when building.
    const arrayMethod = camel(leaf.key);
    claim(arrayMethod, leaf);
    const only = leaf.items.length === 1 ? leaf.items[0]! : undefined;
    // Items made of simple fields are read field by field, in the same code as the adder's.
    const records = only !== undefined && !only.complex;
    const params = records ? this.positional(only) : [];
    const itemType = records ? this.recordType(params) : `Loose<T.${leaf.itemType}>`;
    const each = records ? { maker: this.maker(only, params, true) } : { order: this.orderName(this.model.child(leaf.node, "items"), leaf.itemType) };
    calls.push({ ...at, method: arrayMethod, params: [arrayMethod], op: "addEach", ...each });
    const ids = leaf.items.some((i) => this.carriesIds(i));
    const loose: Record<string, string> = {};
    if (ids && surface.hasIds) loose.Ids = "string";
    if (counter) loose[counter.param] = "readonly unknown[]";
    methods.push({
      name: arrayMethod,
      docs: docs(
        joinText(`Adds ${leaf.key} made at run time, after any added so far.${limit}`, leaf.doc),
        [[arrayMethod, "checked when the message is built, not by the type checker"]],
        ids ? ["Their ids are not known to the type checker, so replies to this message are typed `string`."] : [],
      ),
      parameters: [{ name: arrayMethod, type: `readonly ${itemType}[]` }],
      returnType: self(loose),
    });
    if (counter) capped.set(counter.param, [...(capped.get(counter.param) ?? []), ...adders]);
    else methods.push(...adders);
  }

  // ---------------------------------------------------------------- plans and factories

  private plan(item: Item, name: string, top?: TopBuilder): StatementStructures {
    const fields = [`what: ${lit(item.title)}`];
    if (top) {
      const numbered = this.numbered(item);
      if (numbered.length) fields.push(`ordinals: ${lit(numbered)}`);
      const clamp = clampable(item);
      if (clamp.length) fields.push(`clamp: ${lit(clamp)}`);
      fields.push(`validate: V.${top.validator}`, `is: V.${top.validator.replace(/^validate/, "is")}`);
    }
    return {
      kind: StructureKind.VariableStatement,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`What ${name} checks after assembling (${item.node.loc.file.path}).`],
      declarations: [{ name: `${item.typeName}Plan`, type: top ? `Plan<T.${item.typeName}>` : "Plan", initializer: `{ ${fields.join(", ")} }` }],
    };
  }

  private factory(top: TopBuilder, surface: Surface): FunctionDeclarationStructure {
    const item = top.item;
    const params = item.leaves.filter((l) => (l.kind === "value" || l.kind === "target") && l.required);
    const target = params.find((p) => p.kind === "target");
    const returnType = target && surface.hasIds ? `${top.typeName}<ReplyIds<M>>` : top.typeName;
    return {
      kind: StructureKind.Function,
      name: top.factory,
      isExported: true,
      docs: docs(joinText(`Starts ${a(item.title)}.`, item.description), params.map((p) => [camel(p.key), p.doc])),
      typeParameters: target ? [{ name: "M", constraint: this.targetType(target as Leaf & { kind: "target" }) }] : [],
      parameters: params.map((p) => (p === target ? { name: camel(p.key), type: "M" } : this.parameter(p))),
      returnType,
      statements: [`return ${rootName(chainName(top.typeName))}${params.map((p) => `.${camel(p.key)}(${camel(p.key)})`).join("")} as unknown as ${returnType};`],
    };
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

  private answerTo(): FunctionDeclarationStructure {
    return {
      kind: StructureKind.Function,
      name: "answerTo",
      isExported: true,
      docs: docs(
        "The reply in an inbound event, narrowed to the ids of the messages it may answer, or undefined when it carries no reply or one with another id (a tap on an older message). Give it the messages (or their envelopes or builders) you sent; with builders' literal ids, `switch (reply.id)` is checked for typos and exhaustiveness.",
        [
          ["event", "anything with an optional `reply: { id, title?, description? }`, such as the canonical inbound event"],
          ["messages", "the messages whose ids the reply may carry"],
        ],
      ),
      typeParameters: [{ name: "M", constraint: "readonly unknown[]", isConst: true }],
      parameters: [
        { name: "event", type: "HasReply | null | undefined" },
        { name: "messages", type: "M", isRestParameter: true },
      ],
      returnType: "Reply<ReplyIds<M[number]>> | undefined",
      statements: ["return findReply(REPLY_ID_PATHS, event, messages);"],
    };
  }
}

