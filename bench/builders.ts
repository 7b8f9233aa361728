/**
 * The two valid fixture messages made with wa-interactive's builders (which validate on build),
 * so the build + serialise rows produce exactly the objects the validate rows check.
 */
import { button, list } from "../generated/src/index.ts";
import { validButtons, validList } from "./fixtures.ts";

export function buildList() {
  const [starters, mains, desserts] = validList.action.sections;
  return list(validList.action.button)
    .header.text(validList.header.text)
    .body(validList.body.text)
    .footer(validList.footer.text)
    .section(starters!.title, (s) => s.rows(starters!.rows))
    .section(mains!.title, (s) => s.rows(mains!.rows))
    .section(desserts!.title, (s) => s.rows(desserts!.rows))
    .build();
}

export function buildButtons() {
  const [a, b, c] = validButtons.action.buttons.map((x) => x.reply);
  return button()
    .header.text(validButtons.header.text)
    .body(validButtons.body.text)
    .footer(validButtons.footer.text)
    .reply(a!.id, a!.title)
    .reply(b!.id, b!.title)
    .reply(c!.id, c!.title)
    .build();
}
