/// <reference types="node" />
/** The small HTTP pieces the emulator's server needs: a bounded body reader and JSON answers. */
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The largest request body the emulator reads. Decision: 1 MiB. The largest valid message (a
 * carousel of ten cards, a product list of thirty items, a 4096-character list body) is a few tens
 * of kilobytes; the package's hostile-input tests treat 10 MB as an attack. Larger is answered 413.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLarge extends Error {
  override name = "BodyTooLarge";
}

/** The body as UTF-8 text, refused (BodyTooLarge) as soon as it passes `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLarge(`the request body is ${declared} bytes; the emulator reads at most ${limit}`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge(`the request body is over ${limit} bytes, the most the emulator reads`));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...extra,
  });
  res.end(text);
}

/** Whether the request's Host names this server on a loopback name, so another site's page (DNS rebinding) cannot drive it. */
export function loopbackHost(req: IncomingMessage, port: number, bound: string): boolean {
  const host = req.headers.host ?? "";
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${bound}:${port}`].includes(host);
}
