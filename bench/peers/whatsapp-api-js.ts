/**
 * whatsapp-api-js validates in its constructors: building its message objects from our payloads
 * is its validation (it throws at the first broken rule it knows), and JSON.stringify of the
 * result is its serialisation.
 */
import { ActionButtons, ActionList, Body, Button, Footer, Header, Interactive, ListSection, Row } from "whatsapp-api-js/messages";

interface Part {
  text: string;
}
interface ListInput {
  header?: Part;
  body: Part;
  footer?: Part;
  action: { button: string; sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[] };
}
interface ButtonsInput {
  header?: Part;
  body: Part;
  footer?: Part;
  action: { buttons: { reply: { id: string; title: string } }[] };
}

type AtLeastOne<T> = [T, ...T[]];

export function wajsList(m: ListInput): Interactive {
  const sections = m.action.sections.map((s) => new ListSection(s.title, ...(s.rows.map((r) => new Row(r.id, r.title, r.description)) as AtLeastOne<Row>)));
  return new Interactive(
    new ActionList(m.action.button, ...(sections as AtLeastOne<ListSection>)),
    new Body(m.body.text),
    m.header ? new Header(m.header.text) : undefined,
    m.footer ? new Footer(m.footer.text) : undefined,
  );
}

export function wajsButtons(m: ButtonsInput): Interactive {
  const buttons = m.action.buttons.map((b) => new Button(b.reply.id, b.reply.title));
  return new Interactive(
    new ActionButtons(...(buttons as AtLeastOne<Button>)),
    new Body(m.body.text),
    m.header ? new Header(m.header.text) : undefined,
    m.footer ? new Footer(m.footer.text) : undefined,
  );
}

/** Its verdict: true when the constructors accept the payload. */
export function wajsAccepts(build: () => unknown): boolean {
  try {
    build();
    return true;
  } catch {
    return false;
  }
}
