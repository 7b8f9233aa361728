/**
 * A multi-product message: up to 30 products from one catalog, in titled sections. Run with
 * `npx tsx examples/product-list.ts`.
 */
import { interactiveMessage, productList } from "../generated/src/index.ts";

const catalogId = "367025965434465";

const sale = productList(catalogId)
  .header.text("Summer sale")
  .body("Our most-loved shoes, 20% off this week.")
  .footer("Prices include delivery")
  .section("Running", (s) => s.productItem("RUN-001").productItem("RUN-002"))
  .section("Sandals", (s) => s.productItems(["SAN-010", "SAN-011", "SAN-012"].map((sku) => ({ product_retailer_id: sku }))));

console.log(JSON.stringify(interactiveMessage(sale).to("+919876543210").build(), null, 2));
