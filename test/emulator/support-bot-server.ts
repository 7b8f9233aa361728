/**
 * The seed 004 support bot (examples/support-bot.ts) behind a webhook, as a bot developer would
 * run it: each POST is checked for its signature, parsed, answered by `respond`, and the answers
 * are sent with the Cloud API — here, the emulator's.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseWebhook } from "../../generated/src/index.ts";
import { verifyWebhook } from "../../generated/src/verify.ts";
import { respond } from "../../examples/support-bot.ts";

export interface SupportBot {
  /** The bot's webhook URL. */
  url: string;
  /** Where the bot sends: the Cloud API's base URL (the emulator's `url`). */
  useApi(base: string): void;
  /** Sends the bot could not make (an API error), for the test to assert none. */
  failures: string[];
  close(): Promise<void>;
}

export async function startSupportBot(options: { token: string; appSecret: string; phoneNumberId?: string }): Promise<SupportBot> {
  let api = "";
  const failures: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const check = await verifyWebhook("meta", { rawBody, headers: req.headers, secret: options.appSecret });
      if (!check.ok) return void res.writeHead(401).end(check.message);
      for (const event of parseWebhook("meta", rawBody).events) {
        if (event.kind === "status" || event.from === undefined) continue;
        for (const message of respond(event.from, event)) {
          const sent = await fetch(`${api}/v23.0/${options.phoneNumberId ?? "100000000000001"}/messages`, {
            method: "POST",
            headers: { authorization: `Bearer ${options.token}`, "content-type": "application/json" },
            body: JSON.stringify(message),
          });
          if (!sent.ok) failures.push(await sent.text());
        }
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    useApi: (base) => void (api = base),
    failures,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
