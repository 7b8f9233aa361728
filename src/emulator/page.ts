/**
 * The chat page the emulator serves at `/`: one self-contained document (inline style and script,
 * each allowed by the response's nonce), no framework, and no request but to the emulator itself.
 */
import { PAGE_SCRIPT } from "./page-script.js";
import { PAGE_STYLE } from "./page-style.js";

export function chatPage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>WhatsApp emulator</title>
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<aside id="side">
  <header>Chats<small id="provider"></small></header>
  <div id="chats"></div>
  <form id="new"><input id="phone" placeholder="+16505551234" aria-label="phone number"><button>New chat</button></form>
</aside>
<main id="main">
  <div id="top"><div class="name" id="top-name"></div><div class="sub" id="top-sub"></div></div>
  <div id="deliveries"></div>
  <div id="log"></div>
  <form id="compose"><input id="say" placeholder="Type a message" autocomplete="off" aria-label="message"><button class="send-btn" aria-label="Send">&#x27A4;</button></form>
</main>
<div id="sheet-bg"><div id="sheet"></div></div>
<div id="toast"></div>
<script nonce="${nonce}">${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
