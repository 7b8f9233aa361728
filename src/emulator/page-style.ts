/** The chat page's stylesheet: WhatsApp's light theme (wallpaper, bubbles, buttons, sheets, ticks). */
export const PAGE_STYLE = `
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 14.2px/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #111b21; }
body { display: flex; background: #d1d7db; }
#side { width: 300px; background: #fff; border-right: 1px solid #e9edef; display: flex; flex-direction: column; }
#side header { background: #f0f2f5; padding: 12px 14px; font-weight: 600; }
#side header small { display: block; font-weight: 400; color: #667781; font-size: 12px; }
#chats { flex: 1; overflow-y: auto; }
.chat { padding: 12px 14px; border-bottom: 1px solid #f0f2f5; cursor: pointer; }
.chat.active, .chat:hover { background: #f0f2f5; }
.chat .name { font-weight: 500; }
.chat .last { color: #667781; font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#new { display: flex; gap: 6px; padding: 10px; border-top: 1px solid #e9edef; }
#new input { flex: 1; min-width: 0; }
input, textarea { font: inherit; border: 1px solid #d1d7db; border-radius: 8px; padding: 7px 9px; }
button { font: inherit; cursor: pointer; }
#main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
#top { background: #f0f2f5; padding: 10px 16px; min-height: 56px; border-left: 1px solid #d1d7db; }
#top .name { font-weight: 600; }
#top .sub { color: #667781; font-size: 12px; }
#log { flex: 1; overflow-y: auto; padding: 16px 7%; background-color: #efeae2; }
#deliveries { background: #fff3c4; color: #54656f; font-size: 12px; padding: 6px 16px; display: none; }
#compose { display: flex; gap: 8px; padding: 8px 12px; background: #f0f2f5; }
#compose input { flex: 1; border: none; border-radius: 8px; padding: 10px 12px; }
.send-btn { background: #00a884; color: #fff; border: none; border-radius: 50%; width: 40px; height: 40px; font-size: 17px; }
.row { display: flex; flex-direction: column; margin: 2px 0 8px; }
.row.in { align-items: flex-end; }
.row.out, .row.refused { align-items: flex-start; }
.stack { display: inline-flex; flex-direction: column; align-items: stretch; max-width: min(520px, 78%); min-width: 120px; }
.row.in .stack { align-items: flex-end; }
.bubble { position: relative; background: #fff; border-radius: 7.5px; padding: 6px 7px 8px 9px; box-shadow: 0 1px 0.5px rgba(11,20,26,.13); white-space: pre-wrap; overflow-wrap: anywhere; }
.row.in .bubble { background: #d9fdd3; }
.row.refused .bubble { background: #fff; border: 2px solid #ea0038; }
.bubble .header-text { font-weight: 600; margin-bottom: 4px; }
.media { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 8px; height: 140px; margin: -3px -4px 6px -6px; border-radius: 6px; background: #d1d7db; color: #54656f; font-size: 13px; padding: 8px; text-align: center; overflow: hidden; }
.media.document { height: 58px; flex-direction: row; justify-content: flex-start; background: #f0f2f5; }
.footer { color: #667781; font-size: 13px; margin-top: 4px; }
.content { position: relative; }
.content.padded { padding-bottom: 14px; }
.spacer { display: inline-block; width: 70px; }
.meta { position: absolute; right: -2px; bottom: -5px; color: #667781; font-size: 11px; white-space: nowrap; }
.tick { margin-left: 3px; letter-spacing: -4px; }
.tick.read { color: #53bdeb; }
.tick.failed { color: #ea0038; letter-spacing: 0; }
.quoted { background: rgba(11,20,26,.05); border-left: 4px solid #06cf9c; border-radius: 5px; padding: 4px 8px; margin-bottom: 5px; font-size: 13px; color: #54656f; }
.actions { display: flex; flex-direction: column; gap: 2px; margin-top: 2px; }
.action { background: #fff; border: none; border-radius: 7.5px; padding: 9px; color: #027eb5; font-weight: 500; box-shadow: 0 1px 0.5px rgba(11,20,26,.13); text-align: center; }
.action:disabled { color: #8696a0; cursor: default; }
.action.in-bubble { display: block; clear: both; width: calc(100% + 16px); margin: 8px -7px -8px -9px; border-radius: 0 0 7.5px 7.5px; border-top: 1px solid #e9edef; box-shadow: none; }
.reactions { align-self: flex-start; margin: -6px 0 0 10px; background: #fff; border-radius: 12px; padding: 1px 6px; font-size: 14px; box-shadow: 0 1px 2px rgba(11,20,26,.2); z-index: 1; }
.row.in .reactions { align-self: flex-end; margin: -6px 10px 0 0; }
.error { color: #ea0038; font-size: 12.5px; margin-top: 3px; max-width: min(520px, 78%); white-space: pre-wrap; }
.issues { margin: 6px 0 0; padding-left: 18px; font-size: 12.5px; }
.issues li { margin: 2px 0; }
.issues code, .bubble code, .bubble pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12.5px; }
.bubble pre { margin: 2px 0; white-space: pre-wrap; }
.product { display: flex; gap: 10px; align-items: center; }
.product .thumb { width: 56px; height: 56px; border-radius: 6px; background: #d1d7db; display: flex; align-items: center; justify-content: center; font-size: 22px; flex: none; }
.product .sku { font-weight: 600; }
.small { color: #667781; font-size: 12px; }
.cards { display: flex; gap: 8px; overflow-x: auto; max-width: 100%; padding: 4px 2px 6px; }
.card { flex: none; width: 230px; background: #fff; border-radius: 7.5px; padding: 6px 7px 0 9px; box-shadow: 0 1px 0.5px rgba(11,20,26,.13); display: flex; flex-direction: column; white-space: pre-wrap; overflow-wrap: anywhere; }
.card .media { height: 120px; }
.card .card-body { flex: 1; padding-bottom: 6px; }
.system { text-align: center; margin: 8px 0; }
.system span { background: #fff; border-radius: 7.5px; padding: 5px 12px; font-size: 12.5px; color: #54656f; box-shadow: 0 1px 0.5px rgba(11,20,26,.13); }
#sheet-bg { position: fixed; inset: 0; background: rgba(11,20,26,.4); display: none; align-items: flex-end; justify-content: center; }
#sheet-bg.open { display: flex; }
#sheet { background: #fff; width: min(480px, 100%); max-height: 80%; overflow-y: auto; border-radius: 14px 14px 0 0; padding: 0 0 12px; }
#sheet .title { text-align: center; font-weight: 600; padding: 16px 40px 10px; position: relative; }
#sheet .close { position: absolute; left: 10px; top: 10px; border: none; background: none; font-size: 20px; color: #54656f; }
#sheet .section-title { color: #008069; font-size: 14px; padding: 12px 20px 6px; }
#sheet .sheet-row { display: flex; align-items: center; gap: 12px; padding: 10px 20px; cursor: pointer; width: 100%; background: none; border: none; text-align: left; }
#sheet .sheet-row:hover { background: #f5f6f6; }
#sheet .sheet-row .radio { width: 20px; height: 20px; border-radius: 50%; border: 2px solid #8696a0; flex: none; }
#sheet .sheet-row.selected .radio { border: 6px solid #00a884; }
#sheet .sheet-row .texts { flex: 1; }
#sheet .desc { color: #667781; font-size: 13px; }
#sheet .send { display: block; margin: 12px auto 0; background: #00a884; color: #fff; border: none; border-radius: 20px; padding: 9px 28px; font-weight: 600; }
#sheet .send:disabled { background: #d1d7db; }
#sheet .field { display: block; margin: 8px 20px; }
#sheet .field input, #sheet .field textarea { width: 100%; margin-top: 3px; }
.react { position: absolute; right: -30px; top: 50%; transform: translateY(-50%); width: 26px; height: 26px; border-radius: 50%; border: none; background: rgba(255,255,255,.8); color: #54656f; display: none; }
.row:hover .react { display: block; }
#sheet .emoji-line { display: flex; justify-content: center; gap: 8px; padding: 8px 16px 4px; flex-wrap: wrap; }
#sheet .emoji { border: none; background: #f0f2f5; border-radius: 20px; padding: 6px 10px; font-size: 20px; }
#toast { position: fixed; bottom: 80px; left: 50%; transform: translateX(-50%); background: #3b4a54; color: #fff; padding: 8px 14px; border-radius: 8px; font-size: 13px; display: none; max-width: 80%; overflow-wrap: anywhere; }
#empty { color: #667781; text-align: center; margin-top: 30vh; }
`;
