/**
 * Emits `builders.ts`: one fluent builder per message schema (every file under `interactive/` and
 * `message/` whose root is an object, and every branch of a root that is a discriminated union of
 * objects defined in its own file, such as the outbound message envelope), their sub-builders, and
 * `answerTo`. What each builder can do is read off the schema keywords by builders/model.ts; this
 * file only decides which schemas get a builder and what it is called.
 */
import { BuilderEmitter, type TopBuilder } from "./builders/emit.ts";
import { BuilderModel, type Node } from "./builders/model.ts";
import { camel } from "./builders/words.ts";
import type { SchemaGraph } from "./graph/build.ts";
import { resolved } from "./graph/query.ts";
import { locationKey } from "./names.ts";
import { SchemaSetError } from "./schema-set.ts";

/** Folders whose schemas are messages a bot sends (parts/ holds their pieces). */
const MESSAGE_FOLDERS = ["interactive/", "message/"];

/** `ButtonInteractive` → `Button`: the suffix every interactive type shares says nothing here. */
function baseName(typeName: string): string {
  return typeName.replace(/Interactive$/, "");
}

export function emitBuilders(graph: SchemaGraph): string {
  const probe = new BuilderModel(graph, new Map());
  const roots: Node[] = [];
  for (const [path, root] of graph.roots) {
    if (!MESSAGE_FOLDERS.some((f) => path.startsWith(f))) continue;
    if (root.kind === "object") roots.push(root);
    else if (root.kind === "union" && root.discriminator) {
      // Branches defined in this file get builders; branches that are other files have their own.
      for (const branch of probe.branches(root)) if (branch.loc.file === root.loc.file && branch.kind === "object") roots.push(branch);
    }
  }

  const typeNames = roots.map((r) => {
    if (!r.name) throw new SchemaSetError(`${r.where}: a message schema needs an x-ts-name`);
    return r.name;
  });
  const builderOf = new Map(typeNames.map((t) => [t, `${baseName(t)}Builder`]));
  for (const b of builderOf.values()) {
    if (graph.named.some((n) => n.name === b)) throw new SchemaSetError(`builder type ${b} would clash with the schema type of the same name`);
  }

  // Properties whose schema has builders take a built value or a builder: each builder's own
  // schema, and every union all of whose branches have builders (the interactive object).
  const targets = new Map<string, { tsType: string; builders: string[] }>();
  roots.forEach((r, i) => targets.set(locationKey(r.loc), { tsType: `T.${typeNames[i]}`, builders: [typeNames[i]!] }));
  for (const n of graph.named) {
    const key = locationKey(n.loc);
    if (targets.has(key)) continue;
    const node = resolved(n);
    if (node.kind !== "union" || node.keyword !== "oneOf") continue;
    const branches = probe.branches(node).map((b) => targets.get(locationKey(b.loc)));
    if (branches.length > 0 && branches.every(Boolean)) targets.set(key, { tsType: `T.${n.name}`, builders: branches.flatMap((b) => b!.builders) });
  }

  const model = new BuilderModel(graph, targets);
  const tops: TopBuilder[] = roots.map((root, i) => ({
    item: model.item(root, []),
    typeName: builderOf.get(typeNames[i]!)!,
    factory: camel(baseName(typeNames[i]!)),
    validator: `validate${typeNames[i]}`,
  }));
  return new BuilderEmitter(model, tops).emit();
}
