/**
 * Shadow-DOM styles. `:host` resets everything with `all: initial !important` (important declarations
 * inside a shadow tree beat the host page's), so host CSS neither leaks in nor out. System fonts only.
 * Colours: text on every background has a contrast of at least 4.5:1.
 */

const FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", "DejaVu Sans", Arial, sans-serif';

const BASE = `
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
svg { flex: none; }
.sr { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button { font: inherit; }
:focus-visible { outline: 3px solid #b04a00; outline-offset: 2px; }
`;

export const CHAT_CSS = `
:host { all: initial !important; display: block !important; position: relative !important; box-sizing: border-box !important;
  width: auto !important; height: var(--hjemmel-height, 620px) !important; min-width: 0 !important; min-height: 320px !important;
  visibility: visible !important; opacity: 1 !important; contain: layout paint; }
:host([mode="page"]) { height: 100vh !important; height: 100dvh !important; }
:host([mode="panel"]) { height: 100% !important; }
${BASE}
.root { position: relative; height: 100%; display: flex; flex-direction: column; overflow: hidden;
  font-family: ${FONT}; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; text-align: left;
  border: 1px solid #b7bec8; border-radius: 12px; }
:host([mode="page"]) .root, :host([mode="panel"]) .root { border: 0; border-radius: 0; }
.main { display: flex; flex-direction: column; height: 100%; min-height: 0; }
header { display: flex; align-items: center; gap: 8px; padding: 8px 12px; background: #0b3d6b; color: #fff; }
header h2 { margin: 0; font-size: 1.15rem; font-weight: 700; flex: 1; min-width: 0; }
header .logo { display: inline-flex; }
.hbtn { display: inline-flex; align-items: center; gap: 4px; min-height: 36px; padding: 4px 10px; cursor: pointer;
  color: #fff; background: transparent; border: 1px solid #fff; border-radius: 8px; font-size: 0.9rem; white-space: nowrap; }
.hbtn:hover { background: #14568f; }
header :focus-visible, .side-head :focus-visible { outline-color: #fff; }
.note { margin: 0; padding: 6px 12px; font-size: 0.875rem; background: #f1f4f8; border-bottom: 1px solid #d5dbe3; color: #2b2f33; }
a { color: #0a58a8; text-decoration: underline; }
.log { position: relative; flex: 1; min-height: 0; overflow-y: auto; padding: 14px 12px; display: flex; flex-direction: column; gap: 14px; }
.welcome p { margin: 0 0 8px; }
.msg { max-width: 100%; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; max-width: 88%; padding: 8px 12px; white-space: pre-wrap; color: #fff; background: #0b5cad; border-radius: 14px 14px 2px 14px; }
.msg.bot { align-self: stretch; }
.bubble { padding: 10px 12px; background: #f4f6f9; border: 1px solid #d5dbe3; border-radius: 4px 14px 14px 14px; }
.stream { white-space: pre-wrap; }
.typing { color: #4a525b; font-style: italic; }
.body p { margin: 0 0 0.6em; }
.body ul, .body ol { margin: 0 0 0.6em; padding-left: 1.3em; }
.body li { margin: 0.15em 0; }
.body blockquote { margin: 0 0 0.6em; padding: 4px 10px; border-left: 4px solid #6b7783; background: #fff; }
.body > :last-child { margin-bottom: 0; }
.cite { display: inline-flex; align-items: center; justify-content: center; min-width: 1.7em; height: 1.7em; margin: 0 1px; padding: 0 0.35em;
  font-size: 0.8em; font-weight: 700; line-height: 1; vertical-align: 0.1em; color: #0b3d6b; background: #dbe8f6;
  border: 1px solid #5f87b3; border-radius: 999px; cursor: pointer; }
.cite:hover { background: #c2d7ef; }
.sources { margin-top: 10px; padding-top: 8px; border-top: 1px solid #d5dbe3; font-size: 0.9rem; }
.sources h4, .followup h4 { margin: 0 0 6px; font-size: 0.95rem; }
.sources ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.src { display: inline-flex; align-items: flex-start; gap: 6px; padding: 2px 4px; text-align: left; color: #0a58a8; background: none;
  border: 0; border-radius: 4px; cursor: pointer; text-decoration: underline; }
.src .cite { text-decoration: none; pointer-events: none; }
.card { --c: #3d5a78; --bg: #eef3f8; margin-bottom: 10px; padding: 10px 12px; background: var(--bg); border: 2px solid var(--c);
  border-left-width: 10px; border-radius: 10px; }
.card[data-outcome="not_force"] { --c: #3d5a78; --bg: #eef3f8; }
.card[data-outcome="staff_may_decide"] { --c: #1d6b36; --bg: #e7f4eb; }
.card[data-outcome^="requires_"] { --c: #8f4f00; --bg: #fff3df; }
.card[data-outcome="not_permitted"] { --c: #a3211a; --bg: #fdecea; }
.card[data-outcome="needs_more_facts"] { --c: #55388f; --bg: #f1ecf9; }
.card[data-certainty="conditional"]:not([data-outcome="needs_more_facts"]) { --c: #8f4f00; --bg: #fff3df; }
.card[data-use="allowed"]:not([data-certainty="conditional"]) { --c: #1d6b36; --bg: #e7f4eb; }
.card[data-use="not_allowed"] { --c: #a3211a; --bg: #fdecea; }
.card .headline:focus { outline: none; }
.card .headline:focus-visible { outline: 3px solid #b04a00; }
.card .summary { margin: 6px 0 0; font-weight: 500; }
.changed { margin-top: 8px; padding: 4px 8px; font-size: 0.92rem; background: #fff; border-left: 4px solid #0b5cad; }
.changed-head { margin: 0; font-weight: 700; color: #0b3d6b; }
.changed ul { margin: 2px 0 0; padding-left: 1.2em; }
.conds li[data-changed] { background: #fff; border-radius: 4px; }
.more-facts { margin-top: 8px; font-size: 0.92rem; }
.more-facts > summary { cursor: pointer; font-weight: 600; }
.clarify { margin-top: 10px; }
.clarify h4 { margin: 0 0 6px; font-size: 0.95rem; }
.clarify-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.clarify-q { min-height: 36px; padding: 6px 10px; text-align: left; cursor: pointer; color: #0b3d6b; background: #fff;
  border: 1px solid #5f87b3; border-radius: 8px; }
.clarify-q:hover { background: #eef3f8; }
.clarify .options { margin-top: 4px; }
.maybe { margin-top: 8px; font-size: 0.92rem; }
.maybe-head { margin: 0; font-weight: 600; color: #6e3d00; }
.maybe ul { list-style: none; margin: 4px 0 0; padding: 0; }
.maybe li { display: flex; align-items: flex-start; gap: 6px; padding: 2px 0; }
.card .head { display: flex; align-items: flex-start; gap: 10px; }
.card .head svg { width: 28px; height: 28px; color: var(--c); }
.kicker { display: block; font-size: 0.8rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: #3a4048; }
.headline { margin: 0; font-size: 1.1rem; line-height: 1.3; overflow-wrap: break-word; hyphens: auto; }
.card dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 8px 0 0; font-size: 0.92rem; }
.card dt { font-weight: 600; }
.card dd { margin: 0; min-width: 0; }
.conds { margin-top: 8px; font-size: 0.92rem; }
.conds summary { cursor: pointer; font-weight: 600; padding: 2px 0; }
.conds ul { list-style: none; margin: 6px 0 0; padding: 0; }
.conds li { display: flex; align-items: flex-start; gap: 6px; padding: 3px 0; }
.conds li svg { width: 18px; height: 18px; margin-top: 2px; }
.conds li[data-status="met"] svg { color: #1d6b36; }
.conds li[data-status="unmet"] svg { color: #a3211a; }
.conds li[data-status="unknown"] svg { color: #4a525b; }
.st { font-weight: 700; }
.followup { margin-top: 10px; }
.options { display: flex; flex-wrap: wrap; gap: 6px; }
.opt { min-height: 36px; padding: 5px 12px; font-size: 0.92rem; color: #0a58a8; background: #fff; border: 2px solid #0a58a8; border-radius: 999px; cursor: pointer; text-align: left; }
.opt:hover { background: #e6eef8; }
.opt:disabled { color: #4a525b; border-color: #8a939c; cursor: default; background: #fff; }
.opt[aria-pressed="true"] { color: #fff; background: #0a58a8; border-color: #0a58a8; }
.actions { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 8px; }
.abtn { display: inline-flex; align-items: center; gap: 4px; min-height: 34px; padding: 4px 10px; font-size: 0.875rem; color: #1a1a1a;
  background: #fff; border: 1px solid #6b7783; border-radius: 8px; cursor: pointer; }
.abtn svg { width: 18px; height: 18px; }
.abtn:hover { background: #eef1f5; }
.abtn[aria-pressed="true"] { color: #fff; background: #0b3d6b; border-color: #0b3d6b; }
.abtn:disabled { cursor: default; }
.fb { margin-top: 8px; padding: 10px; background: #fff; border: 1px solid #b7bec8; border-radius: 8px; }
.fb fieldset { margin: 0 0 8px; padding: 0; border: 0; }
.fb legend { padding: 0; font-weight: 600; margin-bottom: 4px; }
.fb label { display: flex; align-items: center; gap: 6px; min-height: 30px; }
.fb textarea { width: 100%; min-height: 60px; }
.fb .row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.thanks { margin: 6px 0 0; font-size: 0.9rem; color: #1d6b36; font-weight: 600; }
.error { margin: 0; padding: 8px 12px; color: #8a1c14; background: #fdecea; border: 1px solid #a3211a; border-radius: 8px; }
form.ask { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 6px 8px; padding: 8px 12px 10px; background: #fff; border-top: 1px solid #d5dbe3; }
form.ask label { flex-basis: 100%; font-size: 0.875rem; font-weight: 600; }
textarea { flex: 1; min-width: 0; min-height: 44px; max-height: 140px; padding: 8px 10px; font: inherit; color: #1a1a1a; background: #fff;
  border: 2px solid #5b6470; border-radius: 8px; resize: vertical; }
.send, .primary { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; padding: 0 14px; font-weight: 600; color: #fff;
  background: #0b5cad; border: 0; border-radius: 8px; cursor: pointer; }
.primary { min-height: 36px; }
.send:hover, .primary:hover { background: #084a8c; }
.send[aria-disabled="true"] { background: #5b6470; cursor: progress; }
.hint { flex-basis: 100%; margin: 0; font-size: 0.8rem; color: #4a525b; }
.backdrop { position: absolute; inset: 0; background: rgba(0, 0, 0, 0.4); }
.side { position: absolute; top: 0; right: 0; bottom: 0; width: min(100%, 460px); display: flex; flex-direction: column; background: #fff;
  box-shadow: -4px 0 18px rgba(0, 0, 0, 0.25); }
.side-head { display: flex; align-items: center; gap: 8px; padding: 8px 12px; color: #fff; background: #0b3d6b; }
.side-head h2 { margin: 0; flex: 1; min-width: 0; font-size: 1.05rem; }
.side-head h2:focus { outline: none; }
.side-body { flex: 1; min-height: 0; overflow-y: auto; padding: 12px; }
.side-body h3 { margin: 12px 0 4px; font-size: 0.95rem; }
.meta { margin: 0 0 6px; font-size: 0.9rem; }
.path { margin: 0 0 8px; font-size: 0.85rem; color: #3a4048; }
.badge { display: inline-block; padding: 0 8px; font-size: 0.8rem; font-weight: 700; border: 1px solid; border-radius: 999px; }
.badge[data-status="gældende"] { color: #14532d; background: #e7f4eb; border-color: #1d6b36; }
.badge[data-status="ophævet"] { color: #8a1c14; background: #fdecea; border-color: #a3211a; }
.badge[data-status="udkast"] { color: #6e3d00; background: #fff3df; border-color: #8f4f00; }
.badge[data-status="baggrund"] { color: #2b2f33; background: #eef1f5; border-color: #6b7783; }
.warn { margin: 0 0 8px; padding: 6px 10px; color: #6e3d00; background: #fff3df; border: 1px solid #8f4f00; border-radius: 6px; font-size: 0.9rem; }
.unit-text { white-space: pre-wrap; padding: 8px 10px; background: #f4f6f9; border-radius: 6px; }
.ctx { white-space: pre-wrap; font-size: 0.9rem; color: #2b2f33; border-left: 4px solid #b7bec8; padding-left: 8px; margin: 0; }
mark { color: #1a1a1a; background: #ffe27a; padding: 0 1px; border-bottom: 2px solid #8f4f00; }
.siblings { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
@media (max-width: 420px) {
  header, .note, form.ask { padding-left: 8px; padding-right: 8px; }
  .log { padding: 10px 8px; }
  .hbtn .lbl { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  .card { padding: 8px; border-left-width: 6px; }
  .card dl { grid-template-columns: 1fr; }
  .card dd { margin-bottom: 4px; }
}
@media (prefers-reduced-motion: no-preference) { .bubble { transition: background 0.2s; } }
`;

export const LAUNCHER_CSS = `
:host { all: initial !important; display: block !important; position: fixed !important; right: 16px !important; bottom: 16px !important;
  left: auto !important; top: auto !important; z-index: 2147483000 !important; visibility: visible !important; opacity: 1 !important; }
${BASE}
.launch { display: inline-flex; align-items: center; gap: 8px; padding: 12px 18px; font-family: ${FONT}; font-size: 16px; font-weight: 700;
  line-height: 1.2; color: #fff; background: #0b3d6b; border: 2px solid #fff; border-radius: 999px; box-shadow: 0 4px 14px rgba(0, 0, 0, 0.35); cursor: pointer; }
.launch:hover { background: #14568f; }
.panel { position: fixed; right: 16px; bottom: 80px; width: min(420px, calc(100vw - 32px)); height: min(680px, calc(100vh - 100px));
  background: #fff; border: 1px solid #8a939c; border-radius: 12px; overflow: hidden; box-shadow: 0 8px 30px rgba(0, 0, 0, 0.35); }
@media (max-width: 480px), (max-height: 500px) {
  .panel { inset: 0; width: 100vw; height: 100vh; height: 100dvh; border: 0; border-radius: 0; }
  .open .launch { display: none; }
}
`;

const sheets = new Map<string, CSSStyleSheet>();

/** Applies styles to a shadow root (constructable stylesheets where supported, else a <style>). */
export function adoptStyles(root: ShadowRoot, css: string): void {
  if (
    'adoptedStyleSheets' in root &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    let sheet = sheets.get(css);
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    }
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.appendChild(style);
}
