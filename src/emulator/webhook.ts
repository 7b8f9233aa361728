/// <reference types="node" />
/**
 * Posts webhooks to the one URL the emulator was given, in order, each signed over the exact
 * bytes sent. A non-2xx answer (or no answer within the timeout) is retried after each of the
 * configured delays and then given up, so every delivery ends.
 *
 * Decision: Meta retries a failed delivery immediately and then with backoff for up to 36 hours
 * (meta-cloud-api §8). A local test cannot wait that long, so the emulator keeps the shape — an
 * immediate retry, then growing delays — and bounds it: by default 3 retries after 0, 1 and 5
 * seconds, then the delivery is recorded as failed (the page shows it).
 */
import type { ProviderName } from "../providers/index.js";
import { signatureHeaders } from "./sign.js";

export interface Delivery {
  ok: boolean;
  attempts: number;
  /** The last HTTP status, when the webhook answered. */
  status?: number;
  /** Why the last attempt failed, when it did. */
  error?: string;
}

export interface PosterOptions {
  url: URL;
  provider: ProviderName;
  secret: string;
  /** The wait before each retry; its length is the number of retries. */
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  now: () => number;
}

/** At most this many deliveries are kept for the page to show. */
const LOG_SIZE = 200;

export class WebhookPoster {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closed = false;
  /** The latest deliveries, newest last. */
  readonly log: (Delivery & { at: number; summary: string })[] = [];

  constructor(private readonly options: PosterOptions) {}

  /** Queues `body` after every earlier post; resolves when it was delivered or given up. */
  post(body: unknown, summary: string): Promise<Delivery> {
    const run = this.queue.then(() => this.deliver(body));
    this.queue = run.then((delivery) => {
      this.log.push({ ...delivery, at: this.options.now(), summary });
      if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
    });
    return run;
  }

  /** Resolves when every queued post has been delivered or given up. */
  async settled(): Promise<void> {
    // Posts queued while waiting are waited for too, up to a bound, so this always ends.
    for (let round = 0; round < 1000; round++) {
      const seen = this.queue;
      await seen;
      if (seen === this.queue) return;
    }
  }

  /** Cancels pending retries; posts still queued end as failed without being sent. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this.timers.clear();
  }

  private async deliver(body: unknown): Promise<Delivery> {
    const raw = JSON.stringify(body);
    const attempts = this.options.retryDelaysMs.length + 1;
    let last: Delivery = { ok: false, attempts: 0, error: "the emulator was closed" };
    for (let attempt = 1; attempt <= attempts; attempt++) {
      if (attempt > 1) await this.wait(this.options.retryDelaysMs[attempt - 2]!);
      if (this.closed) return { ...last, attempts: attempt - 1 };
      last = { ...(await this.attempt(raw)), attempts: attempt };
      if (last.ok) return last;
    }
    return last;
  }

  private async attempt(raw: string): Promise<Omit<Delivery, "attempts">> {
    const { url, provider, secret, timeoutMs, now } = this.options;
    try {
      const headers = { "content-type": "application/json", ...(await signatureHeaders(provider, raw, secret, now())) };
      // redirect: "error" keeps every request on the configured URL.
      const response = await fetch(url, {
        method: "POST",
        headers,
        body: raw,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
      return response.ok
        ? { ok: true, status: response.status }
        : { ok: false, status: response.status, error: `the webhook answered ${response.status}` };
    } catch (e) {
      return { ok: false, error: `the webhook could not be reached: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      this.timers.add(entry);
    });
  }
}
