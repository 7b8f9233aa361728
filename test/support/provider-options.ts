/** What each provider needs beyond the message, for tests that translate for every provider. */
import type { ProviderName } from "../../generated/src/index.ts";

export const PROVIDER_OPTIONS: Record<ProviderName, object | undefined> = {
  meta: undefined,
  "whatsapp-node-sdk": undefined,
  vonage: { from: "447700900000" },
  exotel: { from: "+918047112233" },
  aisoule: undefined,
  "360dialog": undefined,
  infobip: { from: "447860099299" },
};
