/**
 * The payments builders: amounts and orders are given whole (they are shared parts), payment
 * methods are added one by one, a method with more fields than a call holds takes a record, and
 * what Meta's pages forbid comes back from build with its path.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import * as wa from "../../generated/src/index.ts";
import { SCHEMAS_DIR } from "../support/corpus.ts";

const example = (name: string) => JSON.parse(readFileSync(join(SCHEMAS_DIR, "examples/interactive", name), "utf8"));
const amount = (value: number) => ({ value, offset: 100 }) as const;

describe("orderDetails", () => {
  it("builds Meta's Pix example, key for key", () => {
    const meta = example("order-details/valid/meta-br-pix-dynamic-code.json");
    const p = meta.action.parameters;
    const built = wa
      .orderDetails(p.reference_id, p.type, p.currency, p.total_amount)
      .body(meta.body.text)
      .paymentType("br")
      .pixDynamicCode(p.payment_settings[0].pix_dynamic_code)
      .order(p.order)
      .build();
    expect(built).toEqual(meta);
    // The order is copied with its keys in schema order (Meta's example writes tax before items).
    expect(Object.keys(built.action.parameters.order!)).toEqual(["status", "items", "subtotal", "tax"]);
  });

  it("adds one payment setting per method, in the order given", () => {
    const built = wa
      .orderDetails("INV-1", "digital-goods", "BRL", amount(5000))
      .body("Pay your order")
      .paymentLink("https://pay.example.com/INV-1")
      .boleto("03399026944140000002628346101018898510000008848")
      .offsiteCardPay("5235", "card-77")
      .build();
    expect(built.action.parameters.payment_settings!.map((s) => s.type)).toEqual(["payment_link", "boleto", "offsite_card_pay"]);
    expect(built.action.parameters.payment_settings![2]).toEqual({ type: "offsite_card_pay", offsite_card_pay: { last_four_digits: "5235", credential_id: "card-77" } });
  });

  it("takes the payment gateway as type and configuration name", () => {
    const built = wa.orderDetails("INV-2", "digital-goods", "INR", amount(49900)).body("Renewal").paymentGateway("payu", "payu-main").build();
    expect(built.action.parameters.payment_settings).toEqual([{ type: "payment_gateway", payment_gateway: { type: "payu", configuration_name: "payu-main" } }]);
  });

  it("keeps a record's unknown keys, so validation names them instead of the builder dropping them", () => {
    const record = { code: "000201", merchant_name: "Loja", key: "39580525000189", key_type: "CNPJ", expires: "tomorrow" } as never;
    const result = wa.orderDetails("INV-3", "digital-goods", "BRL", amount(100)).body("Pix").pixDynamicCode(record).safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => [e.path, e.rule])).toEqual([["/action/parameters/payment_settings/0/pix_dynamic_code/expires", "additionalProperties"]]);
  });

  it("reports Meta's limits with their paths", () => {
    const result = wa
      .orderDetails("order#36-characters-is-one-too-many-x", "digital-goods", "BRL", { value: 79.9, offset: 100 })
      .body("Bad bill")
      .order({ status: "pending", items: [{ name: "Cake", amount: amount(7990), quantity: 0 }], subtotal: amount(7990), tax: amount(0) })
      .safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.map((e) => `${e.path} ${e.rule}`).sort()).toEqual(
        [
          "/action/parameters/reference_id maxLength",
          "/action/parameters/reference_id pattern",
          "/action/parameters/total_amount/value type",
          "/action/parameters/order/items/0/quantity minimum",
        ].sort(),
      );
  });

  it("copies the order it is given: changing it afterwards does not change what was built", () => {
    const order: wa.Order = { status: "pending", items: [{ name: "Cake", amount: { value: 100, offset: 100 }, quantity: 1 }], subtotal: amount(100), tax: amount(0) };
    const built = wa.orderDetails("INV-4", "digital-goods", "BRL", amount(100)).body("Cake").order(order).build();
    order.items[0]!.name = "changed";
    order.items[0]!.amount.value = 1;
    expect(built.action.parameters.order!.items[0]).toEqual({ name: "Cake", amount: amount(100), quantity: 1 });
  });
});

describe("orderStatus", () => {
  it("builds Meta's order status example", () => {
    const meta = example("order-status/valid/meta-shipped-with-description.json");
    const built = wa.orderStatus("reference-id-value", "shipped").body(meta.body.text).description(meta.action.parameters.order.description).build();
    expect(built).toEqual(meta);
  });

  it("refuses a status Meta does not list", () => {
    const result = wa.orderStatus("INV-1", "paid" as never).body("Paid").safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => [e.path, e.rule])).toEqual([["/action/parameters/order/status", "enum"]]);
  });
});

describe("interactiveMessage", () => {
  it("refuses an order message to a group, naming Meta's groups page", () => {
    const bill = wa.orderDetails("INV-5", "digital-goods", "INR", amount(100)).body("Bill").paymentGateway("razorpay", "main").build();
    const result = wa.interactiveMessage(bill).to("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD").recipientType("group" as never).safeBuild();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.path, e.rule])).toEqual([["/recipient_type", "enum"]]);
      expect(result.errors[0]!.message).toContain("Groups API");
    }
  });
});
