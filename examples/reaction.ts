/**
 * Reactions: one emoji (skin tones, flags and ZWJ sequences count as one) on a message, and an
 * empty one to take it back. Run with `npx tsx examples/reaction.ts`.
 */
import { reaction, reactionMessage } from "../generated/src/index.ts";

const received = "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=";

console.log(JSON.stringify(reactionMessage(reaction(received, "👍🏽")).to("+919876543210").build(), null, 2));
console.log(JSON.stringify(reactionMessage(reaction(received, "")).to("+919876543210").build(), null, 2));
