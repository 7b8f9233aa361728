/**
 * Every issue a translated body has against its provider's schemas: the request body schema and,
 * for a provider with one endpoint per kind, the schema of the content that endpoint takes
 * (`content/<endpoint's last segment>.schema.json`, which the body schema leaves to it).
 */
import { ENDPOINTS, type ProviderName, type ValidationIssue } from "../../generated/src/index.ts";
import { validatorFor } from "./validators.ts";

export function bodyIssues(provider: ProviderName, body: unknown, message: Record<string, any>): ValidationIssue[] {
  const checked = validatorFor(`providers/${provider}/outbound.schema.json`)(body);
  if (!checked.ok) return checked.errors;
  const kind = message.type === "interactive" ? message.interactive.type : message.type;
  const endpoint = (ENDPOINTS[provider] as Record<string, string> | undefined)?.[kind];
  if (endpoint === undefined) return [];
  const content = validatorFor(`providers/${provider}/content/${endpoint.split("/").pop()}.schema.json`)(
    (body as { content: unknown }).content,
  );
  return content.ok ? [] : content.errors;
}
