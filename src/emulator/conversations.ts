/**
 * The emulator's memory: one conversation per customer, bounded, and the callers waiting for the
 * business's next message to a customer. `version` moves on every change, so the chat page can
 * ask for the state only when it changed.
 */
import { type Bubble, type Conversation, type Customer, customerKey } from "./model.js";

/** At most this many conversations, and messages kept per conversation (the oldest go first). */
export const MAX_CONVERSATIONS = 1000;
export const MAX_BUBBLES = 500;
/** At most this many waiters for the next message at once. */
const MAX_WAITERS = 1000;

interface Waiter {
  key: string;
  resolve: (b: Bubble) => void;
  fail: (e: Error) => void;
}

export class Conversations {
  private readonly byKey = new Map<string, Conversation>();
  private readonly waiters = new Set<Waiter>();
  /** Moves on every change the chat page shows. */
  version = 0;

  get size(): number {
    return this.byKey.size;
  }

  get(key: string): Conversation | undefined {
    return this.byKey.get(key);
  }

  all(): Conversation[] {
    return [...this.byKey.values()];
  }

  /** The customer's conversation, opened on first use. */
  open(customer: Customer): Conversation {
    const key = customerKey(customer);
    let c = this.byKey.get(key);
    if (!c) {
      if (this.byKey.size >= MAX_CONVERSATIONS)
        throw new RangeError(`the emulator keeps at most ${MAX_CONVERSATIONS} conversations`);
      c = { key, customer, bubbles: [] };
      this.byKey.set(key, c);
    }
    return c;
  }

  /** Adds a message to a conversation and hands a business message to whoever waits for it. */
  add(c: Conversation, bubble: Bubble): Bubble {
    c.bubbles.push(bubble);
    if (c.bubbles.length > MAX_BUBBLES) c.bubbles.splice(0, c.bubbles.length - MAX_BUBBLES);
    this.version++;
    if (bubble.direction === "out")
      for (const w of this.waiters)
        if (w.key === c.key) {
          this.waiters.delete(w);
          w.resolve(bubble);
        }
    return bubble;
  }

  /** A message by id, in whichever conversation holds it. */
  find(messageId: string): { c: Conversation; bubble: Bubble } | undefined {
    for (const c of this.byKey.values()) {
      const bubble = c.bubbles.find((b) => b.id === messageId);
      if (bubble) return { c, bubble };
    }
    return undefined;
  }

  /** Resolves with the next message the business sends in conversation `key`. */
  nextMessage(key: string, timeoutMs: number): Promise<Bubble> {
    return new Promise<Bubble>((resolve, reject) => {
      if (this.waiters.size >= MAX_WAITERS) return reject(new RangeError(`at most ${MAX_WAITERS} waiters at once`));
      const waiter: Waiter = {
        key,
        resolve: (b) => {
          clearTimeout(timer);
          resolve(b);
        },
        fail: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`no message to ${key} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Fails every waiter: the emulator is closing. */
  close(): void {
    for (const w of this.waiters) w.fail(new Error("the emulator was closed"));
    this.waiters.clear();
  }
}
