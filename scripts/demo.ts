/**
 * The demo of `npm run main`: checks the payloads of the provider documents the project started
 * from (the `seed-*` examples) with the generated validators, and shows what a broken message's
 * errors look like.
 */
import { validateInteractive } from "../generated/src/index.ts";
import { loadExamples } from "../test/support/corpus.ts";
import { validatorFor } from "../test/support/validators.ts";

const seeds = loadExamples().filter((e) => /\/seed-[^/]*$/.test(e.name));
console.log(`Seed payloads checked against the schemas (${seeds.length}):`);
for (const seed of seeds) {
  const result = validatorFor(seed.schema)(seed.instance);
  console.log(`  ${result.ok ? "valid  " : "INVALID"}  ${seed.name}`);
  if (!result.ok) for (const e of result.errors) console.log(`             ${e.path} [${e.rule}] ${e.message}`);
}

const broken = {
  type: "list",
  header: { type: "image", image: { link: "https://example.com/menu.png" } },
  body: { text: "What can we help with?" },
  fotter: { text: "Support" },
  action: {
    button: "Choose a topic please",
    sections: [
      { title: "Orders", rows: Array.from({ length: 6 }, (_, i) => ({ id: `order_${i}`, title: `Order topic ${i}` })) },
      { rows: Array.from({ length: 5 }, (_, i) => ({ id: `order_${i}`, title: `A row title that is far too long ${i}` })) },
    ],
  },
};
const result = validateInteractive(broken);
console.log("\nA list message with typical mistakes:");
if (!result.ok) for (const e of result.errors) console.log(`  ${e.path} [${e.rule}] ${e.message}`);
