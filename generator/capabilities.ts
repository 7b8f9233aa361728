/**
 * Writes CAPABILITIES.md: which message kinds each provider carries, and for each provider what it
 * does not carry and why — read off the same mappings the translation functions are generated from.
 */
import { lit } from "./code.ts";
import type { Capability, Provider } from "./providers.ts";

export function capabilitiesMarkdown(providers: Provider[], kinds: string[]): string {
  const mark: Record<Capability, string> = { documented: "yes", passthrough: "passthrough", unsupported: "**no**" };
  const lines = [
    "# Provider capabilities",
    "",
    "Which message kinds each provider carries. **yes**: documented by the provider. **passthrough**: the provider forwards the object unchanged but does not document this kind. **no**: `toProvider` refuses it with a `ProviderError` (code `unsupported-kind`), never a silent drop.",
    "",
    `| kind | ${providers.map((p) => p.mapping.provider).join(" | ")} |`,
    `|---|${providers.map(() => "---").join("|")}|`,
    ...kinds.map((k) => `| \`${k}\` | ${providers.map((p) => mark[p.mapping.capabilities[k]!]).join(" | ")} |`),
    "",
    "## What each provider does not carry, and why",
    "",
  ];
  for (const p of providers) {
    const m = p.mapping;
    const items = [
      ...Object.entries(m.capabilities)
        .filter(([, c]) => c !== "documented")
        .map(([k, c]) => `- \`${k}\` (${c}): ${m.notes[k]}`),
      ...Object.entries(m.outbound.unsupported ?? {}).map(([ptr, why]) => `- field \`${ptr.slice(1)}\`: ${why}`),
      ...Object.entries(m.outbound.implied ?? {})
        .filter(([ptr]) => ptr !== "/messaging_product")
        .map(([ptr, { value, reason }]) => `- field \`${ptr.slice(1)}\` other than \`${lit(value)}\`: ${reason}`),
    ];
    if (m.signature.scheme === "none") items.push(`- webhook signatures: ${m.signature.reason}`);
    items.push(...(m.caveats ?? []).map((c) => `- ${c}`));
    lines.push(
      `### ${m.provider} — ${m.title}`,
      "",
      ...(items.length > 0 ? items : ["Carries every kind and field."]),
      "",
    );
  }
  return lines.join("\n");
}
