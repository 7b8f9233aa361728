/**
 * The format of a provider's `inbound` mapping (described in schemas/README.md, "Inbound
 * mappings"): cases, the sources of event parts, and the hand-written hooks a mapping may name.
 * `inbound/module.ts` writes the normaliser from it (inbound/*.ts, one job a file).
 */
import type { Json } from "./schema-set.ts";

/**
 * Where an event part comes from. A string is a JSON Pointer into the item; the objects combine:
 * the first present of several sources, a constant, a read with conversions, a hook, a value only
 * when another is present, and an array of objects read from an array.
 */
export type InboundSource =
  | string
  | { const: Json }
  | { first: InboundSource[] }
  | {
      read: InboundSource;
      /** An empty string is "none" (Meta's `from` for a user with a username). */
      nonEmpty?: true;
      /** Written as a string (an error code Vonage sends as a number). */
      string?: true;
      /** Values that mean "none" (Exotel's status codes that are not failures). */
      except?: Json[];
      /** Provider value → event value; a value not listed is none. */
      values?: Record<string, Json>;
    }
  /** A part the item's schema does not describe (a Cloud API part in Exotel's content): read when it is a string, or as an unknown value to check. */
  | { loose: string; type?: "string" }
  /** The parts' text run together (`Exotel status 30004`). */
  | { join: InboundSource[] }
  | { hook: keyof typeof HOOKS; from: InboundSource; with?: InboundSource[] }
  | { if: InboundSource; then: InboundSource }
  | { each: string; fields: Record<string, InboundSource>; nonEmpty?: true }
  /** What the envelope gives the item from the part it sits in (a Cloud API change's business number, its contacts). */
  | { context: "to" | "contacts" }
  /** A part of another source's value, typed by the schema named `type` (the sender's contact entry's profile name). */
  | { of: InboundSource; type: string; read: string };

/** A part of the item validated on its own (`checks`): its schema, and whether it is checked only when it is there. */
export type Check = string | { type: string; ifPresent?: true };

/** One way an item is read: as an event of a kind, an error, a part to skip, or a further choice. */
export interface InboundCase {
  /** Why, written into the emitted code above the case. */
  comment?: string;
  /** The item's type from here on (`x-ts-name` in the provider's folder), and the variable that holds it; `check` validates the item against it on its own first. */
  item?: string;
  name?: string;
  /** `true`: always; "ifBodyFailed": only when the body's own check failed (an envelope whose schema covers its items when it passes). */
  check?: true | "ifBodyFailed";
  /** Parts the event needs: a missing one is reported (at the part, or with `missingAt: "parent"` at the object that lacks it, as JSON Schema's `required` is) and the item gives no event. */
  requires?: string[];
  missingAt?: "parent";
  /** The item's time, read once (a hook reading `from`); with `absent: "receivedAt"`, an item without one takes the time of receipt (`options.receivedAt`, else now). */
  time?: { from: string; hook: "isoTime"; absent?: "receivedAt" };
  /** Reads below move to the part at `at` (Exotel's `content`, read as a Cloud API message); the event parts given above keep reading the item. */
  at?: string;
  /** Parts validated on their own (`{ ptr: x-ts-name }`), reported under their pointer: reads below them are typed by that schema. `ifPresent` checks a part only when it is there. */
  checks?: Record<string, Check>;
  /** Parts every case below shares that come after its own, checked after its checks and written once after the choice (a message's referral and errors, whatever its kind). */
  after?: { comment?: string; checks?: Record<string, Check>; event?: Record<string, InboundSource> };
  /** Early cases, tried in order before this one: `when` gives parts that must be absent, present, or a non-empty array. */
  before?: (InboundCase & { when: Record<string, "absent" | "none" | "present" | "nonEmptyArray"> })[];
  /** A batch inside the item: each item of the array at `items` is read with `each`, on its own. */
  items?: string;
  each?: InboundCase;
  /** The rest of the case is a case another provider's mapping shares (`"meta:message"`, from its `inboundCases`). */
  use?: string;
  /** Event parts every case below gives (pointers into InboundEvent → sources in the item). */
  event?: Record<string, InboundSource>;
  /** The event's kind (a constant, or a source such as a hook) and its own parts. */
  kind?: string | InboundSource;
  fields?: Record<string, InboundSource>;
  /** An issue instead of an event: `{value}` in the message is the value chosen on, `{cases}` the values known. */
  error?: { rule: string; at: string; message: string };
  /** A valid item wa-interactive does not model, listed in `skipped` with this reason (`{/ptr}` is the item's value there). */
  skip?: string;
  /** The dispatch: the value `on` points at, a case per value (or the name of another value whose case it shares), and the cases for any other value, an absent one, or any present one. */
  on?: string;
  cases?: Record<string, InboundCase | string>;
  otherwise?: InboundCase;
  absent?: InboundCase;
  present?: InboundCase;
}

/**
 * The mapping: the case the body is read with (a batch through `items` and `each`, or one item), or
 * an envelope a runtime function walks (`"envelope": "cloudApi"`, Meta's entries and changes) with a
 * case per batch it holds (`batches`: `messages`, `statuses`).
 */
export type InboundMapping = InboundCase & { envelope?: "cloudApi"; batches?: Record<string, InboundCase> };

/**
 * The hand-written hooks an inbound mapping may name, the runtime module each lives in and how it
 * is called: with the value read `from` and the values read `with`, then — for a hook that reports
 * problems — the validator it checks with, the parse options, the pointer of `from` and where to
 * report. A hook that `drops` reports a problem and returns undefined: the item then gives no event
 * (or, called under `if`, the part is left out and the issue stays); one that `keeps` always
 * answers; one that reports `none` is a plain function of its values.
 */
export const HOOKS: Record<string, { module: string; reports: "drops" | "keeps" | "none"; options?: true; validator?: string; result?: true; maybe?: true }> = {
  isoTime: { module: "inbound", reports: "drops" },
  parseObject: { module: "inbound", reports: "drops" },
  replyKind: { module: "reply-kind", reports: "keeps", options: true },
  flowKind: { module: "cloud-api", reports: "none" },
  contactCards: { module: "cloud-api", reports: "drops", validator: "MetaContactCard", result: true },
  sharedPhone: { module: "cloud-api", reports: "none", maybe: true },
  senderContact: { module: "cloud-api-envelope", reports: "none", maybe: true },
};
