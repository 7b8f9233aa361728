/**
 * A bot's webhook for the emulator tests: records each POST (raw body and headers) and answers
 * with the next status of a script (200 once the script runs out).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  raw: string;
  headers: IncomingHttpHeaders;
}

export interface WebhookSink {
  url: string;
  received: Received[];
  /** Statuses to answer the next posts with, in order. */
  answers: number[];
  close(): Promise<void>;
}

export async function webhookSink(): Promise<WebhookSink> {
  const received: Received[] = [];
  const answers: number[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ raw: Buffer.concat(chunks).toString("utf8"), headers: req.headers });
      res.writeHead(answers.shift() ?? 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
