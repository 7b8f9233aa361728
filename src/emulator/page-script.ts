/**
 * The chat page's script. It polls the emulator's state, draws the chosen conversation as
 * WhatsApp shows it, and turns taps and typing into customer actions. Every string from a message
 * reaches the page through `text()` (a text node) or `textContent`, never as markup, so a body
 * holding `<img src=x onerror=…>` shows those characters.
 *
 * Written without template literals, so it can sit inside this TypeScript string as it is.
 */
export const PAGE_SCRIPT = String.raw`
"use strict";
var state = null;
var current = null;
var shownVersion = -1;
var TICKS = "\u0060\u0060\u0060";

function el(tag, cls, children) {
  var node = document.createElement(tag);
  if (cls) node.className = cls;
  (children || []).forEach(function (c) { if (c !== null && c !== undefined) node.appendChild(typeof c === "string" ? text(c) : c); });
  return node;
}
function text(s) { return document.createTextNode(String(s)); }

// WhatsApp formatting: *bold*, _italic_, ~strike~, and monospace between triple backticks. A marker opens after the
// start, a space or punctuation, before a non-space; it closes before the end, a space or
// punctuation, after a non-space, on the same line.
var MARKS = { "*": "strong", "_": "em", "~": "s" };
function boundary(ch) { return ch === undefined || /[\s.,!?;:()\[\]{}"'-]/.test(ch); }
function formatInline(s, depth) {
  var out = document.createDocumentFragment();
  var plain = "";
  var i = 0;
  while (i < s.length) {
    var ch = s[i];
    var tag = MARKS[ch];
    if (tag && depth < 4 && boundary(s[i - 1]) && s[i + 1] !== undefined && !/\s/.test(s[i + 1])) {
      var j = i + 1;
      var end = -1;
      while (j < s.length && s[j] !== "\n") {
        if (s[j] === ch && !/\s/.test(s[j - 1]) && j > i + 1 && boundary(s[j + 1])) { end = j; break; }
        j++;
      }
      if (end > 0) {
        if (plain) { out.appendChild(text(plain)); plain = ""; }
        var node = el(tag);
        node.appendChild(formatInline(s.slice(i + 1, end), depth + 1));
        out.appendChild(node);
        i = end + 1;
        continue;
      }
    }
    plain += ch;
    i++;
  }
  if (plain) out.appendChild(text(plain));
  return out;
}
function formatted(s) {
  var out = document.createDocumentFragment();
  var parts = String(s).split(TICKS);
  // Odd parts sit between a pair of triple backticks; an unpaired last one is plain text.
  parts.forEach(function (part, k) {
    var paired = k % 2 === 1 && k < parts.length - 1;
    if (paired) out.appendChild(el("code", null, [part]));
    else out.appendChild(formatInline((k % 2 === 1 ? TICKS : "") + part, 0));
  });
  return out;
}

function toast(message) {
  var t = document.getElementById("toast");
  t.textContent = message;
  t.style.display = "block";
  clearTimeout(toast.timer);
  toast.timer = setTimeout(function () { t.style.display = "none"; }, 2500);
}

function act(action) {
  return fetch("/emulator/act", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ user: current, action: action }) })
    .then(function (r) { return r.json(); })
    .then(function (r) { if (!r.ok) toast(r.error); else if (r.result && r.result.delivery && !r.result.delivery.ok) toast("The webhook did not accept it: " + r.result.delivery.error); poll(); return r; });
}

// ---- sheets (list, product list, flow, location) ----
function openSheet(title, build) {
  var sheet = document.getElementById("sheet");
  sheet.textContent = "";
  var close = el("button", "close", ["\u2715"]);
  close.setAttribute("aria-label", "Close");
  close.onclick = closeSheet;
  sheet.appendChild(el("div", "title", [close, title]));
  build(sheet);
  document.getElementById("sheet-bg").className = "open";
}
function closeSheet() { document.getElementById("sheet-bg").className = ""; }

function listSheet(bubble, interactive) {
  openSheet(interactive.action.button, function (sheet) {
    var chosen = null;
    var send = el("button", "send", ["Send"]);
    send.disabled = true;
    interactive.action.sections.forEach(function (section) {
      if (section.title !== undefined) sheet.appendChild(el("div", "section-title", [section.title]));
      section.rows.forEach(function (row) {
        var line = el("button", "sheet-row", [el("span", "texts", [el("div", null, [row.title]), row.description !== undefined ? el("div", "desc", [row.description]) : null]), el("span", "radio")]);
        line.setAttribute("data-row", row.id);
        line.onclick = function () {
          Array.prototype.forEach.call(sheet.querySelectorAll(".sheet-row"), function (r) { r.classList.remove("selected"); });
          line.classList.add("selected");
          chosen = row.id;
          send.disabled = false;
        };
        sheet.appendChild(line);
      });
    });
    send.onclick = function () { closeSheet(); act({ kind: "choose", messageId: bubble.id, id: chosen }); };
    sheet.appendChild(send);
  });
}

function productListSheet(interactive) {
  openSheet(interactive.header && interactive.header.text ? interactive.header.text : "Items", function (sheet) {
    interactive.action.sections.forEach(function (section) {
      sheet.appendChild(el("div", "section-title", [section.title]));
      section.product_items.forEach(function (item) {
        sheet.appendChild(el("div", "sheet-row", [el("span", "thumb", ["\uD83D\uDECD\uFE0F"]), el("span", "texts", [el("div", null, [item.product_retailer_id]), el("div", "desc", ["catalog " + interactive.action.catalog_id])])]));
      });
    });
  });
}

function flowSheet(bubble, parameters) {
  openSheet(parameters.flow_cta, function (sheet) {
    sheet.appendChild(el("div", "small field", ["Flow " + (parameters.flow_id || parameters.flow_name || "") + (parameters.flow_action_payload ? ", screen " + parameters.flow_action_payload.screen : "") + ". The response the flow completes with (JSON):"]));
    var area = el("textarea");
    area.rows = 5;
    area.value = "{}";
    var label = el("label", "field", [area]);
    sheet.appendChild(label);
    var send = el("button", "send", ["Submit"]);
    send.onclick = function () {
      var response;
      try { response = JSON.parse(area.value); } catch (e) { toast("Not JSON: " + e.message); return; }
      closeSheet();
      act({ kind: "flow", messageId: bubble.id, response: response });
    };
    sheet.appendChild(send);
  });
}

function locationSheet(bubble) {
  openSheet("Send location", function (sheet) {
    var lat = el("input"); lat.value = "37.4847"; lat.setAttribute("aria-label", "latitude");
    var lon = el("input"); lon.value = "-122.1477"; lon.setAttribute("aria-label", "longitude");
    var name = el("input"); name.placeholder = "Name (optional)";
    sheet.appendChild(el("label", "field", ["Latitude", lat]));
    sheet.appendChild(el("label", "field", ["Longitude", lon]));
    sheet.appendChild(el("label", "field", ["Name", name]));
    var send = el("button", "send", ["Send"]);
    send.onclick = function () {
      closeSheet();
      act({ kind: "location", messageId: bubble.id, latitude: Number(lat.value), longitude: Number(lon.value), name: name.value || undefined });
    };
    sheet.appendChild(send);
  });
}

// ---- bubbles ----
var MEDIA = { image: "\uD83D\uDDBC\uFE0F Image", video: "\uD83C\uDFAC Video", document: "\uD83D\uDCC4 Document" };
function header(h) {
  if (!h) return null;
  if (h.type === "text") return el("div", "header-text", [h.text]);
  var media = h[h.type] || {};
  var label = media.filename || media.link || (media.id ? "media " + media.id : "");
  return el("div", "media " + h.type, [el("span", null, [MEDIA[h.type] || h.type]), label ? el("span", "small", [label]) : null]);
}
function actionButton(label, onclick, inBubble) {
  var b = el("button", "action" + (inBubble ? " in-bubble" : ""), [label]);
  if (onclick) b.onclick = onclick;
  else {
    // Calls, call permissions, address forms and payments happen on the phone; the emulator does not act them out.
    b.disabled = true;
    b.title = "not emulated";
  }
  return b;
}
function openUrl(url) { toast("Opens " + url + " on the phone (the emulator does not follow links)"); }

function interactiveParts(bubble, m, parts, actions) {
  var i = m.interactive;
  var a = i.action || {};
  if (i.type !== "carousel") parts.push(header(i.header));
  if (i.type === "product") {
    parts.push(el("div", "product", [el("span", "thumb", ["\uD83D\uDECD\uFE0F"]), el("span", null, [el("div", "sku", [a.product_retailer_id]), el("div", "small", ["catalog " + a.catalog_id])])]));
  }
  if (i.body) parts.push(el("div", "body", [formatted(i.body.text)]));
  if (i.footer) parts.push(el("div", "footer", [i.footer.text]));
  switch (i.type) {
    case "button":
      a.buttons.forEach(function (b) { actions.push(actionButton(b.reply.title, function () { act({ kind: "tap", messageId: bubble.id, id: b.reply.id }); })); });
      break;
    case "list":
      parts.push(actionButton("\u2630 " + a.button, function () { listSheet(bubble, i); }, true));
      break;
    case "product":
      parts.push(actionButton("View", function () { toast("Product " + a.product_retailer_id); }, true));
      break;
    case "product_list":
      parts.push(actionButton("View items", function () { productListSheet(i); }, true));
      break;
    case "catalog_message":
      parts.push(actionButton("View catalog", function () { toast("Catalog" + (a.parameters && a.parameters.thumbnail_product_retailer_id ? ", thumbnail " + a.parameters.thumbnail_product_retailer_id : "")); }, true));
      break;
    case "cta_url":
      parts.push(actionButton("\u2197 " + a.parameters.display_text, function () { openUrl(a.parameters.url); }, true));
      break;
    case "flow":
      parts.push(actionButton(a.parameters.flow_cta, function () { flowSheet(bubble, a.parameters); }, true));
      break;
    case "location_request_message":
      parts.push(actionButton("\uD83D\uDCCD Send location", function () { locationSheet(bubble); }, true));
      break;
    case "voice_call":
      parts.push(actionButton("\uD83D\uDCDE " + (a.parameters && a.parameters.display_text ? a.parameters.display_text : "Call"), null, true));
      break;
    case "call_permission_request":
      parts.push(actionButton("\uD83D\uDCDE Allow calls", null, true));
      break;
    case "address_message":
      parts.push(actionButton("Provide address", null, true));
      break;
    case "order_details": {
      var p = a.parameters || {};
      var total = p.total_amount ? (p.total_amount.value / p.total_amount.offset).toFixed(2) + " " + p.currency : "";
      var items = p.order && p.order.items ? p.order.items.length : 0;
      parts.push(el("div", "footer", [items + (items === 1 ? " item" : " items") + (total ? " \u00B7 " + total : "")]));
      parts.push(actionButton("Review and pay", null, true));
      break;
    }
    case "order_status": {
      var order = a.parameters && a.parameters.order ? a.parameters.order : {};
      parts.push(el("div", "footer", ["Order " + (a.parameters ? a.parameters.reference_id : "") + ": " + order.status + (order.description ? " \u00B7 " + order.description : "")]));
      parts.push(actionButton("Review order", null, true));
      break;
    }
  }
}

function carouselCards(bubble, i) {
  var cards = el("div", "cards");
  i.action.cards.forEach(function (card) {
    var node = el("div", "card", [header(card.header), card.body ? el("div", "card-body", [formatted(card.body.text)]) : el("div", "card-body")]);
    var ca = card.action || {};
    if (card.type === "product") {
      node.insertBefore(el("div", "product", [el("span", "thumb", ["\uD83D\uDECD\uFE0F"]), el("span", null, [el("div", "sku", [ca.product_retailer_id]), el("div", "small", ["catalog " + ca.catalog_id])])]), node.firstChild);
      node.appendChild(actionButton("View", function () { toast("Product " + ca.product_retailer_id); }, true));
    }
    if (ca.name === "cta_url") node.appendChild(actionButton("\u2197 " + ca.parameters.display_text, function () { openUrl(ca.parameters.url); }, true));
    (ca.buttons || []).forEach(function (b) {
      if (b.type === "quick_reply") node.appendChild(actionButton(b.quick_reply.title, function () { act({ kind: "tap", messageId: bubble.id, id: b.quick_reply.id }); }, true));
      else if (b.type === "cta_url") node.appendChild(actionButton("\u2197 " + b.cta_url.display_text, function () { openUrl(b.cta_url.url); }, true));
    });
    cards.appendChild(node);
  });
  return cards;
}

function inboundParts(bubble, m, parts, byId) {
  var quoted = m.replyTo && byId[m.replyTo];
  if (quoted && m.kind !== "reaction") parts.push(el("div", "quoted", [summary(quoted)]));
  switch (m.kind) {
    case "text": parts.push(el("div", "body", [formatted(m.text)])); break;
    case "button_reply": parts.push(el("div", "body", [m.title])); break;
    case "list_reply": parts.push(el("div", "body", [m.title])); if (m.description !== undefined) parts.push(el("div", "footer", [m.description])); break;
    case "location": parts.push(el("div", "body", ["\uD83D\uDCCD " + (m.name ? m.name + " " : "") + m.latitude + ", " + m.longitude])); break;
    case "flow_reply": parts.push(el("div", "body", ["Sent"])); parts.push(el("pre", null, [JSON.stringify(m.response, null, 1)])); break;
  }
}

function summary(b) {
  var m = b.message;
  if (b.direction === "refused") return "Refused: " + b.refusal.message;
  if (b.inbound) return b.inbound.title || b.inbound.text || b.inbound.kind;
  if (!m) return "";
  if (m.type === "text") return m.text.body;
  if (m.type === "interactive") return (m.interactive.body && m.interactive.body.text) || m.interactive.type;
  return m.type;
}

function time(at) { var d = new Date(at); return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2); }
function ticks(b) {
  if (b.direction !== "out") return null;
  var marks = { sent: "\u2713", delivered: "\u2713\u2713", read: "\u2713\u2713", failed: "!" };
  var t = el("span", "tick " + (b.status || ""), [marks[b.status] || "\uD83D\uDD52"]);
  t.setAttribute("data-status", b.status || "pending");
  t.title = b.status || "pending";
  return t;
}

// The customer's reactions: WhatsApp's six quick ones, offered on each business message.
var QUICK = ["\uD83D\uDC4D", "\u2764\uFE0F", "\uD83D\uDE02", "\uD83D\uDE2E", "\uD83D\uDE22", "\uD83D\uDE4F"];
function reactButton(b) {
  var button = el("button", "react", ["\u263A"]);
  button.title = "React";
  button.onclick = function () {
    openSheet("React", function (sheet) {
      var line = el("div", "emoji-line");
      QUICK.concat([""]).forEach(function (emoji) {
        var choice = el("button", "emoji", [emoji === "" ? "Remove" : emoji]);
        choice.setAttribute("data-emoji", emoji);
        choice.onclick = function () { closeSheet(); act({ kind: "react", messageId: b.id, emoji: emoji }); };
        line.appendChild(choice);
      });
      sheet.appendChild(line);
    });
  };
  return button;
}

function row(b, byId) {
  var parts = [];
  var actions = [];
  var m = b.message;
  var r = el("div", "row " + b.direction);
  r.setAttribute("data-id", b.id);
  if (b.direction === "refused") {
    r.setAttribute("data-kind", "refused");
    parts.push(el("strong", null, ["Refused: HTTP " + b.refusal.status + ", code " + b.refusal.code]));
    parts.push(el("div", "small", [b.refusal.message]));
    var list = el("ul", "issues");
    (b.issues || []).forEach(function (x) { list.appendChild(el("li", null, [el("code", null, [x.path || "/"]), " [" + x.rule + "] " + x.message])); });
    parts.push(list);
  } else if (b.inbound) {
    r.setAttribute("data-kind", b.inbound.kind);
    inboundParts(b, b.inbound, parts, byId);
  } else if (m.type === "interactive") {
    r.setAttribute("data-kind", m.interactive.type);
    interactiveParts(b, m, parts, actions);
  } else if (m.type === "text") {
    r.setAttribute("data-kind", "text");
    parts.push(el("div", "body", [formatted(m.text.body)]));
  } else if (m.type === "template") {
    r.setAttribute("data-kind", "template");
    parts.push(el("div", "small", ["Template"]));
    parts.push(el("div", "body", [m.template.name + " (" + m.template.language.code + ")"]));
  }
  // The time and ticks float at the end of the bubble's last line, as WhatsApp places them.
  var inBubble = parts.filter(function (p) { return p && !(p.classList && p.classList.contains("in-bubble")); });
  var buttons = parts.filter(function (p) { return p && p.classList && p.classList.contains("in-bubble"); });
  var last = inBubble[inBubble.length - 1];
  // An empty spacer at the end of the last line keeps the text clear of the time, as on the phone.
  if (last && last.nodeType === 1 && /\b(body|footer)\b/.test(last.className)) last.appendChild(el("span", "spacer"));
  var content = el("div", "content" + (last && last.nodeType === 1 && last.querySelector(".spacer") ? "" : " padded"), inBubble.concat([el("span", "meta", [time(b.at), ticks(b)])]));
  var bubble = el("div", "bubble", [content].concat(buttons));
  // The bubble and its reply buttons share one width, as on the phone.
  var stack = el("div", "stack", [bubble]);
  if (b.direction === "out") bubble.appendChild(reactButton(b));
  if (b.reactions && b.reactions.length) stack.appendChild(el("span", "reactions", [b.reactions.map(function (x) { return x.emoji; }).join(" ")]));
  if (actions.length) stack.appendChild(el("div", "actions", actions));
  r.appendChild(stack);
  if (m && m.type === "interactive" && m.interactive.type === "carousel") r.appendChild(carouselCards(b, m.interactive));
  if (b.error) r.appendChild(el("div", "error", ["Not delivered: " + b.error.code + " " + b.error.title + ". " + b.error.details]));
  if (b.direction === "in" && b.delivered === false) r.appendChild(el("div", "error", ["The bot's webhook did not accept this message."]));
  return r;
}

// ---- the whole page ----
function render() {
  var chats = document.getElementById("chats");
  chats.textContent = "";
  state.conversations.forEach(function (c) {
    var last = c.bubbles[c.bubbles.length - 1];
    var item = el("div", "chat" + (c.key === current ? " active" : ""), [el("div", "name", [c.customer.name]), el("div", "last", [last ? summary(last) : ""])]);
    item.setAttribute("data-chat", c.key);
    item.onclick = function () { current = c.key; render(); };
    chats.appendChild(item);
  });
  document.getElementById("provider").textContent = state.provider + " \u2192 " + state.webhook;
  var failed = document.getElementById("deliveries");
  failed.style.display = state.deliveries.length ? "block" : "none";
  failed.textContent = state.deliveries.length ? "Webhook deliveries that failed: " + state.deliveries.map(function (d) { return d.summary + " (" + d.error + ", " + d.attempts + " attempts)"; }).join("; ") : "";
  var c = state.conversations.filter(function (x) { return x.key === current; })[0];
  var log = document.getElementById("log");
  var nearBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
  log.textContent = "";
  document.getElementById("compose").style.display = c ? "flex" : "none";
  if (!c) {
    document.getElementById("top-name").textContent = "";
    document.getElementById("top-sub").textContent = "";
    log.appendChild(el("div", null, [el("div", null, ["No conversation open. Start one with a phone number, or send to one from your bot."])])).id = "empty";
    return;
  }
  document.getElementById("top-name").textContent = c.customer.name;
  document.getElementById("top-sub").textContent = (c.customer.phone ? "+" + c.customer.phone : "") + (c.customer.userId ? " \u00B7 " + c.customer.userId : "") + (c.lastInboundAt ? " \u00B7 window open until " + new Date(c.lastInboundAt + 86400000).toLocaleString() : " \u00B7 no customer-service window open");
  var byId = {};
  c.bubbles.forEach(function (b) { byId[b.id] = b; });
  c.bubbles.forEach(function (b) {
    // A reaction shows on the message it reacts to, not as a message of its own.
    if ((b.inbound && b.inbound.kind === "reaction") || (b.message && b.message.type === "reaction" && b.direction === "out")) return;
    log.appendChild(row(b, byId));
  });
  if (nearBottom || shownVersion < 0) log.scrollTop = log.scrollHeight;
}

function poll() {
  return fetch("/emulator/state?since=" + shownVersion).then(function (r) { return r.json(); }).then(function (s) {
    if (!s.conversations || (s.version === shownVersion && state)) return;
    state = s;
    if (current === null && s.conversations.length) current = s.conversations[0].key;
    render();
    shownVersion = s.version;
    document.body.setAttribute("data-version", String(s.version));
  }).catch(function () {});
}

document.getElementById("compose").onsubmit = function (e) {
  e.preventDefault();
  var input = document.getElementById("say");
  if (!input.value.trim()) return;
  act({ kind: "say", text: input.value });
  input.value = "";
};
document.getElementById("new").onsubmit = function (e) {
  e.preventDefault();
  var phone = document.getElementById("phone").value;
  fetch("/emulator/act", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ action: { kind: "open", phone: phone } }) })
    .then(function (r) { return r.json(); })
    .then(function (r) { if (!r.ok) toast(r.error); else { current = r.result.key; poll(); } });
};
document.getElementById("sheet-bg").onclick = function (e) { if (e.target.id === "sheet-bg") closeSheet(); };
poll();
setInterval(poll, 400);
`;
