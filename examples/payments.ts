/**
 * Payments (India and Brazil): a bill the customer pays without leaving WhatsApp, then the order's
 * status once it is paid and shipped. Amounts are integers with an offset: R$ 79,90 is
 * `{ value: 7990, offset: 100 }`. Run with `npx tsx examples/payments.ts`.
 */
import { interactiveMessage, orderDetails, orderStatus } from "../generated/src/index.ts";

const cake = { value: 7990, offset: 100 } as const;

// Brazil: Pix or boleto, with the itemised order.
const bill = orderDetails("PED-2026-0042", "physical-goods", "BRL", { value: 8990, offset: 100 })
  .header.image({ link: "https://example.com/bolo.jpg" })
  .body("Seu pedido está pronto para pagamento.")
  .footer("Loja do Bolo")
  .paymentType("br")
  .pixDynamicCode({ code: "00020101021226700014br.gov.bcb.pix2548pix.example.com/qr/v2/cobv/9d36b84f", merchant_name: "Loja do Bolo LTDA", key: "39580525000189", key_type: "CNPJ" })
  .boleto("03399026944140000002628346101018898510000008848")
  .order({
    status: "pending",
    items: [{ retailer_id: "BOLO-CHOC", name: "Bolo de chocolate", amount: cake, quantity: 1 }],
    subtotal: cake,
    tax: { value: 0, offset: 100 },
    shipping: { value: 1000, offset: 100, description: "Entrega em até 2 horas" },
  });

// India: checkout through a payment gateway linked in WhatsApp Manager.
const invoice = orderDetails("INV-88213-1", "digital-goods", "INR", { value: 49900, offset: 100 })
  .body("Your annual plan renewal")
  .paymentGateway("razorpay", "razorpay-main")
  .order({
    status: "pending",
    items: [{ name: "Annual plan", amount: { value: 49900, offset: 100 }, quantity: 1 }],
    subtotal: { value: 49900, offset: 100 },
    tax: { value: 0, offset: 100, description: "GST included" },
  });

// Later, when the payment arrived and the parcel left.
const shipped = orderStatus("PED-2026-0042", "shipped").body("Seu bolo saiu para entrega!").description("Chega em até 2 horas");

for (const message of [bill, invoice, shipped]) console.log(JSON.stringify(interactiveMessage(message).to("+5511987654321").build(), null, 2));
