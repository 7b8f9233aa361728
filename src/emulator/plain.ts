/**
 * Text and template messages, which a bot sends beside its interactive ones. The package's schemas
 * cover interactive messages and reactions only, so the emulator checks these two itself, as far
 * as it needs to show them: a text body of 1 to 4096 characters (Meta's text message limit), a
 * template's name and language. A template may be sent outside the customer-service window; a
 * text may not.
 */
import { issue, type ValidationIssue } from "../runtime/issues.js";

/** Meta's limit on a text message body, in characters. */
export const TEXT_LIMIT = 4096;

type Json = Record<string, any>;

export function isPlainMessage(body: unknown): boolean {
  const type = (body as Json | null)?.type;
  return type === "text" || type === "template";
}

/** The issues of a text or template message, Cloud API shape. */
export function plainIssues(body: Json): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (body.messaging_product !== "whatsapp")
    issues.push(issue("/messaging_product", "const", 'messaging_product must be "whatsapp"'));
  if (typeof body.to !== "string" && typeof body.recipient !== "string")
    issues.push(issue("", "required", 'a message must have "to" (or "recipient")'));
  if (body.type === "text") {
    const text = body.text?.body;
    if (typeof text !== "string")
      issues.push(issue("/text/body", "required", 'a text message must have "text.body", a string'));
    else if (text.trim() === "") issues.push(issue("/text/body", "x-notBlank", "text body is blank"));
    else if ([...text].length > TEXT_LIMIT)
      issues.push(
        issue(
          "/text/body",
          "maxLength",
          `text body is ${[...text].length} characters; WhatsApp allows at most ${TEXT_LIMIT}`,
          TEXT_LIMIT,
          [...text].length,
        ),
      );
  } else {
    if (typeof body.template?.name !== "string" || body.template.name === "")
      issues.push(issue("/template/name", "required", 'a template message must have "template.name"'));
    if (typeof body.template?.language?.code !== "string")
      issues.push(
        issue("/template/language/code", "required", 'a template message must have "template.language.code"'),
      );
  }
  return issues;
}
