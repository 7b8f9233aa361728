/**
 * Type-level tests of messages built from data, as a new user writes them: rows, sections, buttons
 * and cards come from `.map()` over what the application holds, so their number is known only at
 * run time. The types take plain arrays (the limits are in their doc comments); the validators
 * count. Every array field is covered by test/generator/array-types.test.ts; these are the ones a
 * reader meets first. Compiled by `tsc` (npm run typecheck), never run.
 */
import {
  validateInteractive,
  type ButtonInteractive,
  type CarouselInteractive,
  type ListInteractive,
  type ListRow,
  type ListSection,
  type ProductListInteractive,
} from "../../generated/src/index.ts";

declare const topics: { name: string; questions: { id: string; text: string }[] }[];
declare const choices: { id: string; label: string }[];
declare const shelves: { name: string; skus: string[] }[];
declare const offers: { image: string; text: string; url: string }[];

const rows: ListRow[] = topics[0]!.questions.map((q) => ({ id: q.id, title: q.text }));
const sections: ListSection[] = topics.map((t) => ({ title: t.name, rows: t.questions.map((q) => ({ id: q.id, title: q.text })) }));

const menu: ListInteractive = { type: "list", body: { text: "How can we help?" }, action: { button: "Topics", sections } };
const single: ListInteractive = { type: "list", body: { text: "How can we help?" }, action: { button: "Topics", sections: [{ rows }] } };

const buttons: ButtonInteractive = {
  type: "button",
  body: { text: "Pick one" },
  action: { buttons: choices.map((c) => ({ type: "reply", reply: { id: c.id, title: c.label } })) },
};

const catalogue: ProductListInteractive = {
  type: "product_list",
  header: { type: "text", text: "Our shelves" },
  body: { text: "Have a look" },
  action: {
    catalog_id: "1",
    sections: shelves.map((s) => ({ title: s.name, product_items: s.skus.map((sku) => ({ product_retailer_id: sku })) })),
  },
};

const carousel: CarouselInteractive = {
  type: "carousel",
  body: { text: "This week" },
  action: {
    cards: offers.map((o, card_index) => ({
      card_index,
      type: "cta_url",
      header: { type: "image", image: { link: o.image } },
      body: { text: o.text },
      action: { name: "cta_url", parameters: { display_text: "Open", url: o.url } },
    })),
  },
};

// The count is the validators' job: the same values, checked at run time.
for (const message of [menu, single, buttons, catalogue, carousel]) validateInteractive(message);
