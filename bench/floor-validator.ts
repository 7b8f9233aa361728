/**
 * The floor: a validator written by hand for exactly two shapes, reply buttons and lists, with
 * every WhatsApp rule the schemas state for them (standard and x- keywords alike). It is what a
 * careful person would write without a schema: no generic walk, no indirection, UTF-16 length
 * first and code points only when the two could disagree. The generated validators are measured
 * against it; it is not part of the package.
 */

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** A string of 1..max code points; UTF-16 length decides most strings without a loop. */
function sized(v: unknown, max: number): v is string {
  if (typeof v !== "string" || v.length === 0) return false;
  return v.length <= max || (v.length <= 2 * max && codePoints(v) <= max);
}

function space(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

const trimmed = (s: string) => !space(s.charCodeAt(0)) && !space(s.charCodeAt(s.length - 1));

function notBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!space(s.charCodeAt(i))) return true;
  return false;
}

const text = (v: unknown, max: number) => sized(v, max) && notBlank(v);

function only(o: Obj, a: string, b?: string, c?: string, d?: string, e?: string): boolean {
  for (const k in o) if (k !== a && k !== b && k !== c && k !== d && k !== e && o[k] !== undefined) return false;
  return true;
}

const textPart = (v: unknown, max: number) => isObj(v) && only(v, "text") && text(v.text, max);
const URL_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/u;

function media(v: unknown, document: boolean): boolean {
  if (!isObj(v) || !(document ? only(v, "id", "link", "caption", "filename") : only(v, "id", "link", "caption"))) return false;
  const { id, link, caption, filename } = v;
  if (caption !== undefined && typeof caption !== "string") return false;
  if ((id === undefined) === (link === undefined)) return false;
  if (id !== undefined && !(typeof id === "string" && id.length > 0 && trimmed(id))) return false;
  if (link !== undefined && !(typeof link === "string" && URL_PATTERN.test(link))) return false;
  // A file name has no documented length limit: non-empty and not only whitespace.
  return filename === undefined || (typeof filename === "string" && filename.length > 0 && notBlank(filename));
}

function header(v: unknown, textOnly: boolean): boolean {
  if (!isObj(v)) return false;
  switch (v.type) {
    case "text":
      return only(v, "type", "text", "sub_text") && text(v.text, 60) && (v.sub_text === undefined || typeof v.sub_text === "string");
    case "image":
    case "video":
      return !textOnly && only(v, "type", v.type) && media(v[v.type], false);
    case "document":
      return !textOnly && only(v, "type", "document") && media(v.document, true);
    default:
      return false;
  }
}

export function isValidButtons(v: unknown): boolean {
  if (!isObj(v) || v.type !== "button" || !only(v, "type", "header", "body", "footer", "action")) return false;
  if (v.header !== undefined && !header(v.header, false)) return false;
  if (!textPart(v.body, 1024) || (v.footer !== undefined && !textPart(v.footer, 60))) return false;
  const action = v.action;
  if (!isObj(action) || !only(action, "buttons")) return false;
  const buttons = action.buttons;
  if (!Array.isArray(buttons) || buttons.length < 1 || buttons.length > 3) return false;
  for (let i = 0; i < buttons.length; i++) {
    const b = buttons[i];
    if (!isObj(b) || b.type !== "reply" || !only(b, "type", "reply")) return false;
    const r = b.reply;
    if (!isObj(r) || !only(r, "id", "title")) return false;
    const { id, title } = r;
    if (!sized(id, 256) || !trimmed(id) || !text(title, 20)) return false;
    for (let j = 0; j < i; j++) {
      const other = (buttons[j] as { reply: Obj }).reply;
      if (other.id === id || other.title === title) return false;
    }
  }
  return true;
}

function row(r: unknown): boolean {
  if (!isObj(r) || !only(r, "id", "title", "description")) return false;
  const { id, title, description } = r;
  return sized(id, 200) && trimmed(id) && text(title, 24) && (description === undefined || text(description, 72));
}

export function isValidList(v: unknown): boolean {
  if (!isObj(v) || v.type !== "list" || !only(v, "type", "header", "body", "footer", "action")) return false;
  if (v.header !== undefined && !header(v.header, true)) return false;
  if (!textPart(v.body, 4096) || (v.footer !== undefined && !textPart(v.footer, 60))) return false;
  const action = v.action;
  if (!isObj(action) || !only(action, "button", "sections") || !text(action.button, 20)) return false;
  const sections = action.sections;
  if (!Array.isArray(sections) || sections.length < 1 || sections.length > 10) return false;
  let total = 0;
  for (const s of sections) {
    if (!isObj(s) || !only(s, "title", "rows")) return false;
    if (s.title === undefined ? sections.length > 1 : !text(s.title, 24)) return false;
    const rows = s.rows;
    if (!Array.isArray(rows) || rows.length < 1 || rows.length > 10) return false;
    total += rows.length;
    if (total > 10) return false;
    for (const r of rows) if (!row(r)) return false;
  }
  // At most 10 ids, so comparing each pair beats allocating a Set.
  for (let a = 0; a < sections.length; a++) {
    const rowsA = (sections[a] as { rows: Obj[] }).rows;
    for (let i = 0; i < rowsA.length; i++) {
      const id = rowsA[i]!.id;
      for (let b = 0; b <= a; b++) {
        const rowsB = (sections[b] as { rows: Obj[] }).rows;
        const end = b === a ? i : rowsB.length;
        for (let j = 0; j < end; j++) if (rowsB[j]!.id === id) return false;
      }
    }
  }
  return true;
}

/** One broken rule: where, which keyword, and the limit where there is one. */
export interface FloorIssue {
  path: string;
  rule: string;
  message: string;
}

function checkText(v: unknown, path: string, max: number, what: string, out: FloorIssue[], trim = false): void {
  if (typeof v !== "string") {
    out.push({ path, rule: "type", message: `${what} must be a string` });
    return;
  }
  if (v.length === 0) out.push({ path, rule: "minLength", message: `${what} is empty` });
  else if (v.length > max && (v.length > 2 * max || codePoints(v) > max)) {
    out.push({ path, rule: "maxLength", message: `${what} is ${codePoints(v)} characters; at most ${max}` });
  }
  if (trim ? v.length > 0 && !trimmed(v) : v.length > 0 && !notBlank(v)) {
    out.push({ path, rule: trim ? "x-trimmed" : "x-notBlank", message: `${what} has stray whitespace` });
  }
}

function unknownKeys(o: Obj, path: string, known: readonly string[], out: FloorIssue[]): void {
  for (const k in o) if (!known.includes(k) && o[k] !== undefined) out.push({ path: `${path}/${k}`, rule: "additionalProperties", message: `unknown property "${k}"` });
}

function checkTextPart(v: unknown, path: string, max: number, what: string, out: FloorIssue[]): void {
  if (!isObj(v)) out.push({ path, rule: "type", message: `${what} must be an object` });
  else {
    unknownKeys(v, path, ["text"], out);
    if (v.text === undefined) out.push({ path, rule: "required", message: `${what} needs "text"` });
    else checkText(v.text, `${path}/text`, max, `${what} text`, out);
  }
}

const LIST_KEYS = ["type", "header", "body", "footer", "action"] as const;

/** The collecting pass for a list: every broken rule, as the generated full pass reports them. */
export function listIssues(v: unknown): FloorIssue[] {
  const out: FloorIssue[] = [];
  if (!isObj(v)) return [{ path: "", rule: "type", message: "a list message must be an object" }];
  unknownKeys(v, "", LIST_KEYS, out);
  if (v.type !== "list") out.push({ path: "/type", rule: "const", message: `type must be "list"` });
  if (v.header !== undefined && !header(v.header, true)) out.push({ path: "/header", rule: "type", message: "a list header is text only" });
  if (v.body === undefined) out.push({ path: "", rule: "required", message: `missing "body"` });
  else checkTextPart(v.body, "/body", 4096, "body", out);
  if (v.footer !== undefined) checkTextPart(v.footer, "/footer", 60, "footer", out);
  const action = v.action;
  if (!isObj(action)) {
    out.push({ path: "/action", rule: action === undefined ? "required" : "type", message: "a list needs an action object" });
    return out;
  }
  unknownKeys(action, "/action", ["button", "sections"], out);
  checkText(action.button, "/action/button", 20, "list button label", out);
  const sections = action.sections;
  if (!Array.isArray(sections)) {
    out.push({ path: "/action/sections", rule: "type", message: "sections must be an array" });
    return out;
  }
  if (sections.length < 1 || sections.length > 10) out.push({ path: "/action/sections", rule: sections.length < 1 ? "minItems" : "maxItems", message: "1 to 10 sections" });
  let total = 0;
  const seen = new Map<unknown, string>();
  for (let s = 0; s < sections.length; s++) {
    const section = sections[s];
    const sp = `/action/sections/${s}`;
    if (!isObj(section)) {
      out.push({ path: sp, rule: "type", message: "a section must be an object" });
      continue;
    }
    unknownKeys(section, sp, ["title", "rows"], out);
    if (section.title === undefined) {
      if (sections.length > 1) out.push({ path: sp, rule: "x-requiredIfMultiple", message: "a section needs a title when there are several" });
    } else checkText(section.title, `${sp}/title`, 24, "section title", out);
    const rows = section.rows;
    if (!Array.isArray(rows)) {
      out.push({ path: `${sp}/rows`, rule: rows === undefined ? "required" : "type", message: "a section needs rows" });
      continue;
    }
    if (rows.length < 1 || rows.length > 10) out.push({ path: `${sp}/rows`, rule: rows.length < 1 ? "minItems" : "maxItems", message: "1 to 10 rows" });
    total += rows.length;
    for (let r = 0; r < rows.length; r++) {
      const item = rows[r];
      const rp = `${sp}/rows/${r}`;
      if (!isObj(item)) {
        out.push({ path: rp, rule: "type", message: "a row must be an object" });
        continue;
      }
      unknownKeys(item, rp, ["id", "title", "description"], out);
      if (item.id === undefined) out.push({ path: rp, rule: "required", message: `a row needs "id"` });
      else {
        checkText(item.id, `${rp}/id`, 200, "row id", out, true);
        const first = seen.get(item.id);
        if (first === undefined) seen.set(item.id, `${rp}/id`);
        else out.push({ path: `${rp}/id`, rule: "x-uniqueValues", message: `row id repeats ${first}` });
      }
      if (item.title === undefined) out.push({ path: rp, rule: "required", message: `a row needs "title"` });
      else checkText(item.title, `${rp}/title`, 24, "row title", out);
      if (item.description !== undefined) checkText(item.description, `${rp}/description`, 72, "row description", out);
    }
  }
  if (total > 10) out.push({ path: "/action", rule: "x-maxTotal", message: `${total} rows in total; at most 10` });
  return out;
}
