/**
 * The state one webhook normaliser is written with: its module (imports, module-level names,
 * constants), the local names and compiled values of the function being written, the functions
 * written so far, and the provider and schema graph every read is checked against. The parts of
 * the writing (reads, sources, the event object, cases, choices) are functions of it.
 */
import type { Provider } from "../providers.ts";
import type { SchemaGraph } from "../graph/build.ts";
import type { GraphNode } from "../graph/nodes.ts";
import { SchemaSetError } from "../schema-set.ts";
import { HOOKS, type InboundCase } from "../inbound-mapping.ts";
import { namedNode } from "../schema-path.ts";
import { type Imports, Module } from "../code.ts";
import { IDENT, locals } from "./names.ts";
import type { Value } from "./scope.ts";

export class InboundEmitter {
  /** The emitted file: its imports follow from the names the code uses, in this order of modules. */
  readonly module = new Module();
  private readonly types = this.module.imports("../types.js");
  private readonly validators = this.module.imports("../validators.js");
  readonly issues = this.module.imports("../runtime/issues.js");
  private readonly wire = this.module.imports("../wire/inbound.js");
  /** The InboundEvent schema, which every event part written is checked against. */
  readonly event: GraphNode;
  /** The local names of the function being written. */
  names = locals();
  /** Sources compiled in the case being written, by item and source. */
  cache = new Map<string, Value>();
  /** Functions reading the items of a batch (one per `items` case), and the used cases'. */
  readonly functions: string[] = [];
  /** Whether the items are an envelope's (they get its context and whether the body's check covered them). */
  envelope = false;
  /** Cases used by name that this module writes (its own provider's): the reference → function name and the schema its reads are walked in. */
  readonly used = new Map<string, { fn: string; root: GraphNode }>();

  constructor(
    readonly graph: SchemaGraph,
    readonly p: Provider,
    private readonly where: string,
    /** The case a `use` reference names, from whichever provider's mapping shares it. */
    readonly shared: (ref: string) => InboundCase | undefined,
  ) {
    this.event = graph.roots.get("inbound/inbound-event.schema.json") ?? this.fail("the inbound event schema is missing");
  }

  /** Stops generation with the mapping's place in the message. */
  fail(message: string): never {
    throw new SchemaSetError(`${this.where}: ${message}`);
  }

  /** A generated type, as the emitted code names it. */
  type(name: string): string {
    return this.types.type(name);
  }

  /** The validator of a generated type. */
  validator(type: string): string {
    return this.validators.value(`validate${type}`);
  }

  /** What src/wire/inbound.ts exports (the reader's support, a time hook), as the emitted code names it. */
  support(name: string): string {
    return this.wire.value(name);
  }

  /** A type src/wire/inbound.ts exports. */
  supportType(name: string): string {
    return this.wire.type(name);
  }

  /** What a module beside the inbound reader exports (`../wire/<module>.js`): a hook, the envelope walker. */
  wireModule(module: string): Imports {
    return this.module.imports(`../wire/${module}.js`);
  }

  reserve(name: string): void {
    this.names.fresh(name);
  }

  /** A fresh local named after `base` (`value` when it is no identifier; never a hook's name). */
  declare(base: string): string {
    return this.names.fresh(IDENT.test(base) ? (base in HOOKS ? `${base}Value` : base) : "value");
  }

  /** The schema named `name`: in the provider's folder, else anywhere (the Cloud API message parts Exotel's content is checked against). */
  named(name: string): GraphNode {
    try {
      return namedNode(this.graph, `providers/${this.p.mapping.provider}/`, name);
    } catch {
      return namedNode(this.graph, "", name);
    }
  }

  /** Code emitted in a branch of its own: the names and values it declares do not leak to its siblings. */
  branch(emit: () => string[]): string {
    const saved = { names: this.names, cache: this.cache };
    this.names = saved.names.inner();
    this.cache = new Map(saved.cache);
    const code = emit();
    this.names = saved.names;
    this.cache = saved.cache;
    return code.join("\n");
  }

  /** Code of a function of its own, whose parameters are `params`: it starts with no locals or values but those. */
  apart<T>(params: string[], emit: () => T): T {
    const saved = { names: this.names, cache: this.cache };
    this.names = locals(...params);
    this.cache = new Map();
    const code = emit();
    this.names = saved.names;
    this.cache = saved.cache;
    return code;
  }

  /** The parameters every event reader ends with, and what it returns (`_options` where its body does not read them). */
  readerTail(body: string[]): string {
    const options = body.some((l) => /\boptions\b/.test(l)) ? "options" : "_options";
    return `${options}: ${this.supportType("WebhookOptions")}, result: ${this.supportType("ParseResult")}): ${this.type("InboundEvent")} | undefined`;
  }
}
