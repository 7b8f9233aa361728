/**
 * The two valid fixture messages made with wa-interactive's builders (which validate on build),
 * so the build + serialise rows produce exactly the objects the validate rows check, and the
 * request body a user sends: the envelope builder around the built message, serialised.
 */
import { wa } from "./package.ts";
import { validButtons, validList } from "./fixtures.ts";

// The fixtures' parts, read once: taking them apart is not the builders' work.
const [starters, mains, desserts] = validList.action.sections;
const [a, b, c] = validButtons.action.buttons.map((x) => x.reply);

export function buildList() {
  return wa.list(validList.action.button)
    .header.text(validList.header.text)
    .body(validList.body.text)
    .footer(validList.footer.text)
    .section(starters!.title, (s) => s.rows(starters!.rows))
    .section(mains!.title, (s) => s.rows(mains!.rows))
    .section(desserts!.title, (s) => s.rows(desserts!.rows))
    .build();
}

export function buildButtons() {
  return wa.button()
    .header.text(validButtons.header.text)
    .body(validButtons.body.text)
    .footer(validButtons.footer.text)
    .reply(a!.id, a!.title)
    .reply(b!.id, b!.title)
    .reply(c!.id, c!.title)
    .build();
}

export const RECIPIENT = "16505551234";

/** The `POST /messages` body for a built interactive object, as a user makes and sends it. */
export function send(interactive: ReturnType<typeof buildList> | ReturnType<typeof buildButtons>): string {
  return JSON.stringify(wa.interactiveMessage(interactive).recipientType("individual").to(RECIPIENT).build());
}
