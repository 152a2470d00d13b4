/**
 * GET /embed?measure=…&facts=<json or k=v,…>&token=…: the chat for an iframe inside a journal form, opened
 * with what the journal already knows. `frame-ancestors` is the token's origins ('self' for anonymous local
 * use). The page loads the widget (/widget.js, <hjemmel-chat measure facts token>) and falls back to a small
 * built-in chat that talks to the same API when the widget is not available.
 */
import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { ZodError } from 'zod';
import { CaseRefSchema } from '../../dialogue/index.ts';
import { bilingual } from '../../errors/index.ts';
import { KeyStore, TOKEN_PREFIX, verifyToken } from '../../keys/index.ts';
import { type Facts, FactsSchema, listMeasures, MeasureIdSchema, measureInfo } from '../../rules/index.ts';
import { type AppState, HttpError, servicesOf } from '../app.ts';
import { anonymousAllowed, settingsFrom } from './auth.ts';

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** `facts` as JSON (`{"consent":"objects"}`) or `k=v,k=v` (true/false and whole numbers are converted). */
export function parseFactsParam(raw: string | undefined): Partial<Facts> {
  const text = raw?.trim();
  if (!text) return {};
  let obj: Record<string, unknown>;
  if (text.startsWith('{')) {
    try {
      obj = JSON.parse(text) as Record<string, unknown>;
    } catch {
      throw new HttpError(400, 'invalid_facts', 'facts er ikke gyldig JSON / facts is not valid JSON');
    }
  } else {
    obj = {};
    for (const pair of text.split(',')) {
      const [k, ...v] = pair.split('=');
      const key = k?.trim();
      const value = v.join('=').trim();
      if (!key || !value) throw new HttpError(400, 'invalid_facts', `facts: forventede k=v / expected k=v: ${pair}`);
      obj[key] = value === 'true' ? true : value === 'false' ? false : /^\d+$/.test(value) ? Number(value) : value;
    }
  }
  return FactsSchema.parse(obj);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** What a person in the journal should do about each refusal of /embed (the page is read by staff, not developers). */
const EMBED_ADVICE: Record<string, string> = {
  token_expired:
    'Adgangen til Hjemmel er udløbet, fordi siden har været åben længe. Genindlæs siden i journalsystemet for at få en ny.',
  invalid_token:
    'Linket til Hjemmel er ikke gyldigt. Genindlæs siden i journalsystemet; sker det igen, så kontakt jeres it-support.',
  unauthorized: 'Hjemmel skal åbnes fra journalsystemet, som giver adgang. Genindlæs siden der.',
  invalid_request: 'Journalsystemet sendte oplysninger, Hjemmel ikke kan læse. Kontakt jeres it-support.',
  invalid_facts: 'Journalsystemet sendte oplysninger, Hjemmel ikke kan læse. Kontakt jeres it-support.',
};

/**
 * A refusal of /embed as a readable Danish page for a browser (an iframe navigation asks for text/html), with the
 * code posted to the host page (`hjemmel:error`, only the code) so the journal can fetch a new token; JSON otherwise.
 */
function sendEmbedError(res: Response, status: number, code: string, message: string): void {
  const { message: da, messageEn } = bilingual(message);
  const nonce = randomBytes(16).toString('base64');
  res.status(status).set({
    'Content-Security-Policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; base-uri 'none'`,
    'Cache-Control': 'no-store',
    'Referrer-Policy': 'no-referrer',
  });
  // The page may be framed anywhere: it shows no data, and the host needs to see it to recover.
  res.removeHeader('X-Frame-Options');
  const advice = EMBED_ADVICE[code] ?? 'Hjemmel kan ikke vises lige nu. Genindlæs siden i journalsystemet.';
  res.type('html').send(`<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Hjemmel – kan ikke vises</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a}
main{max-width:34rem;margin:2rem auto;padding:1rem 1.2rem;border:1px solid #e0b4b4;border-radius:8px;background:#fff8f8}
h1{font-size:1.15rem;margin:0 0 .5rem} p{margin:.4rem 0} .small{color:#555;font-size:13px}</style></head>
<body><main role="alert">
<h1>Hjemmel kan ikke vises</h1>
<p>${esc(advice)}</p>
<p class="small">Årsag: ${esc(da)}${messageEn ? ` <span lang="en">(${esc(messageEn)})</span>` : ''} · kode <code>${esc(code)}</code></p>
</main>
<script nonce="${nonce}">try{if(window.parent!==window)window.parent.postMessage({type:'hjemmel:error',code:${JSON.stringify(code)}},'*')}catch(e){}</script>
</body></html>`);
}

export function embedHandler(state: AppState) {
  return async (req: Request, res: Response) => {
    try {
      await renderEmbed(state, req, res);
    } catch (err) {
      // API clients (fetch, curl: Accept */* or JSON) get the shared JSON error; a browser navigation gets a page.
      if (!/text\/html/.test(req.get('accept') ?? '')) throw err;
      if (err instanceof HttpError) return sendEmbedError(res, err.status, err.code, err.message);
      if (err instanceof ZodError) {
        const first = err.issues[0];
        const where = first?.path.length ? `${first.path.join('.')}: ` : '';
        return sendEmbedError(
          res,
          400,
          'invalid_request',
          `Ugyldige oplysninger i linket: ${where}${first?.message ?? ''} / invalid request: ${where}${first?.message ?? ''}`,
        );
      }
      throw err;
    }
  };
}

async function renderEmbed(state: AppState, req: Request, res: Response): Promise<void> {
  const { store } = servicesOf(state);
  const settings = settingsFrom(state.env);
  const measureRaw = str(req.query['measure']);
  const measure = measureRaw ? MeasureIdSchema.parse(measureRaw) : undefined;
  const facts = parseFactsParam(str(req.query['facts']));
  const token = str(req.query['token']);
  const caseRefRaw = str(req.query['caseRef']);
  const caseRef = caseRefRaw ? CaseRefSchema.parse(caseRefRaw) : undefined;

  let frameAncestors: string;
  /** Where the page may post its events: the token's origins, or (without a token) Hjemmel's own origin. */
  let hostOrigins: string[] | null = null;
  let tokenExp: number | null = null;
  if (token) {
    if (!token.startsWith(TOKEN_PREFIX))
      throw new HttpError(401, 'invalid_token', 'Kun kortlivede tokens i /embed / only session tokens in /embed');
    const keys = new KeyStore(store);
    const check = verifyToken(token, await keys.tokenSecret(state.env ?? {}));
    if (!check.ok)
      throw check.reason === 'expired'
        ? new HttpError(401, 'token_expired', 'Tokenet er udløbet / token expired')
        : new HttpError(401, 'invalid_token', 'Ugyldigt token / invalid token');
    const key = await keys.get(check.payload.kid);
    if (!key || key.revokedAt) throw new HttpError(401, 'invalid_token', 'Nøglen er tilbagekaldt / key revoked');
    frameAncestors = check.payload.origins.length ? check.payload.origins.join(' ') : "'none'";
    hostOrigins = check.payload.origins;
    tokenExp = check.payload.exp;
  } else if (anonymousAllowed(req, settings)) {
    frameAncestors = "'self'";
  } else {
    throw new HttpError(401, 'unauthorized', 'token mangler / token required: /embed?token=…');
  }

  const nonce = randomBytes(16).toString('base64');
  res.set({
    'Content-Security-Policy': [
      `frame-ancestors ${frameAncestors}`,
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'self'",
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  // Framing is governed by frame-ancestors (the token's origins); helmet's SAMEORIGIN would block them.
  res.removeHeader('X-Frame-Options');
  res.type('html').send(renderEmbedPage({ measure, facts, token, nonce, hostOrigins, tokenExp, caseRef }));
}

function factSummary(measure: string | undefined, facts: Partial<Facts>): Array<{ q: string; a: string }> {
  const info = measure ? measureInfo(measure as Parameters<typeof measureInfo>[0]) : undefined;
  return Object.entries(facts).map(([k, v]) => {
    const q = info?.facts.find((f) => f.fact === k);
    return { q: q?.question ?? k, a: q?.options.find((o) => o.value === v)?.label ?? String(v) };
  });
}

export function renderEmbedPage(p: {
  measure: string | undefined;
  facts: Partial<Facts>;
  token: string | undefined;
  nonce: string;
  hostOrigins?: string[] | null;
  tokenExp?: number | null;
  caseRef?: string | undefined;
}): string {
  const title = p.measure ? listMeasures().find((m) => m.id === p.measure)?.title : undefined;
  const config = {
    measure: p.measure ?? null,
    measureTitle: title ?? null,
    facts: p.facts,
    token: p.token ?? null,
    hostOrigins: p.hostOrigins ?? null,
    tokenExp: p.tokenExp ?? null,
    caseRef: p.caseRef ?? null,
    known: factSummary(p.measure, p.facts),
  };
  // JSON inside <script>: escape "<" so no "</script>" can end it early.
  const configJson = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Hjemmel</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  html, body { margin: 0; height: 100%; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a; }
  #app { display: flex; flex-direction: column; height: 100%; }
  hjemmel-chat { flex: 1; display: block; min-height: 0; }
  .known { background: #f3f6fa; border-bottom: 1px solid #d5dde8; padding: .5rem .8rem; font-size: 14px; }
  .known ul { margin: .2rem 0 0; padding-left: 1.1rem; }
  #log { flex: 1; overflow: auto; padding: .8rem; }
  .msg { margin: 0 0 .8rem; white-space: pre-wrap; } .msg.user { text-align: right; color: #1f4fa3; }
  .msg.bot { background: #fafafa; border: 1px solid #e2e2e2; border-radius: 8px; padding: .6rem .8rem; text-align: left; }
  .cites { font-size: 13px; color: #444; margin: .4rem 0 0; padding-left: 1.2rem; }
  .opts { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .5rem; }
  button { font: inherit; border: 1px solid #1f4fa3; background: #fff; color: #1f4fa3; border-radius: 6px; padding: .3rem .7rem; cursor: pointer; }
  button.primary { background: #1f4fa3; color: #fff; }
  form { display: flex; gap: .4rem; padding: .6rem .8rem; border-top: 1px solid #ddd; }
  textarea { flex: 1; font: inherit; min-height: 2.6rem; resize: vertical; }
  .err { color: #a40000; }
</style></head>
<body><div id="app">
<div class="known" id="known"${config.known.length || title ? '' : ' hidden'}>
${title ? `<strong>Indgreb:</strong> ${esc(title)}` : ''}
${config.known.length ? `<div>Kendt fra journalen:</div><ul>${config.known.map((k) => `<li>${esc(k.q)} <strong>${esc(k.a)}</strong></li>`).join('')}</ul>` : ''}
</div>
<div id="mount"></div>
</div>
<script type="application/json" id="hjemmel-config">${configJson}</script>
<script nonce="${p.nonce}">
(function () {
  var cfg = JSON.parse(document.getElementById('hjemmel-config').textContent);
  var mount = document.getElementById('mount');
  var done = false;
  function useWidget() {
    if (done) return; done = true;
    var el = document.createElement('hjemmel-chat');
    if (cfg.measure) el.setAttribute('measure', cfg.measure);
    if (Object.keys(cfg.facts).length) el.setAttribute('facts', JSON.stringify(cfg.facts));
    if (cfg.token) el.setAttribute('token', cfg.token);
    if (cfg.caseRef) el.setAttribute('case-ref', cfg.caseRef);
    el.setAttribute('api-base', location.origin);
    el.setAttribute('mode', 'inline');
    el.setAttribute('surface', 'embed');
    mount.replaceWith(el);
    // The embed contract: events to the host page (only to the token's origins), a token refresh from it.
    var targets = cfg.hostOrigins || [location.origin];
    function post(msg) {
      if (window.parent === window) return;
      targets.forEach(function (o) { window.parent.postMessage(msg, o); });
    }
    el.addEventListener('hjemmel-answer', function (e) {
      var d = e.detail || {};
      post({ type: 'hjemmel:answer', sessionId: d.sessionId, recordId: d.recordId, outcome: d.outcome, route: d.route });
    });
    window.addEventListener('message', function (e) {
      if (targets.indexOf(e.origin) < 0 || e.source !== window.parent) return;
      var d = e.data || {};
      if (d.type === 'hjemmel:token' && typeof d.token === 'string' && d.token.indexOf('hjt.') === 0) {
        el.setToken(d.token);
        cfg.tokenExp = typeof d.expiresAt === 'number' ? d.expiresAt : null;
        warnBeforeExpiry();
      }
    });
    var expiryTimer = null;
    function warnBeforeExpiry() {
      if (expiryTimer) clearTimeout(expiryTimer);
      if (!cfg.tokenExp) return;
      var ms = cfg.tokenExp * 1000 - Date.now() - 60000;
      expiryTimer = setTimeout(function () {
        post({ type: 'hjemmel:token-expiring', expiresAt: new Date(cfg.tokenExp * 1000).toISOString() });
      }, Math.max(0, ms));
    }
    warnBeforeExpiry();
    post({ type: 'hjemmel:ready' });
  }
  function fallback() {
    if (done) return; done = true;
    mount.id = 'log';
    mount.setAttribute('aria-live', 'polite');
    var form = document.createElement('form');
    form.innerHTML = '<label for="q" hidden>Dit spørgsmål</label><textarea id="q" placeholder="Beskriv situationen, fx: Må vi holde hende fast, når hun slår?"></textarea><button class="primary" type="submit">Spørg</button>';
    mount.after(form);
    var sessionId = null;
    function add(cls, text) { var d = document.createElement('div'); d.className = 'msg ' + cls; d.textContent = text; mount.appendChild(d); mount.scrollTop = mount.scrollHeight; return d; }
    function send(message) {
      add('user', message);
      var headers = { 'content-type': 'application/json', accept: 'application/json' };
      if (cfg.token) headers.authorization = 'Bearer ' + cfg.token;
      var body = { message: message, context: {} };
      if (sessionId) body.sessionId = sessionId;
      if (cfg.caseRef) body.caseRef = cfg.caseRef;
      if (cfg.measure) body.context.measure = cfg.measure;
      if (Object.keys(cfg.facts).length) body.context.facts = cfg.facts;
      fetch('/api/v1/chat', { method: 'POST', headers: headers, body: JSON.stringify(body) })
        .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, j: j }; }); })
        .then(function (x) {
          if (!x.ok) { add('bot err', (x.j && x.j.error && x.j.error.message) || 'Fejl'); return; }
          sessionId = x.j.sessionId;
          var d = add('bot', x.j.answer.replace(/\\*\\*/g, ''));
          if (x.j.citations && x.j.citations.length) {
            var ol = document.createElement('ol'); ol.className = 'cites';
            x.j.citations.forEach(function (c) { var li = document.createElement('li'); li.textContent = c.citation; ol.appendChild(li); });
            d.appendChild(ol);
          }
          if (x.j.followUp) {
            var q = document.createElement('div'); q.textContent = x.j.followUp.question; d.appendChild(q);
            var opts = document.createElement('div'); opts.className = 'opts';
            x.j.followUp.options.forEach(function (o) {
              var b = document.createElement('button'); b.type = 'button'; b.textContent = o.label;
              b.addEventListener('click', function () { send(o.label); });
              opts.appendChild(b);
            });
            d.appendChild(opts);
          }
        })
        .catch(function () { add('bot err', 'Hjemmel kunne ikke nås. Prøv igen.'); });
    }
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var t = document.getElementById('q'); var v = t.value.trim(); if (!v) return; t.value = ''; send(v);
    });
    if (cfg.measureTitle) {
      var start = document.createElement('div'); start.className = 'opts';
      var b = document.createElement('button'); b.type = 'button'; b.textContent = 'Vurdér: ' + cfg.measureTitle;
      b.addEventListener('click', function () { start.remove(); send('Må vi bruge ' + cfg.measureTitle.toLowerCase() + '?'); });
      start.appendChild(b); mount.appendChild(start);
    }
  }
  var s = document.createElement('script');
  s.src = '/widget.js';
  s.setAttribute('data-launcher', 'false');
  s.onload = function () {
    if (window.customElements && customElements.get('hjemmel-chat')) useWidget();
    else fallback();
  };
  s.onerror = fallback;
  document.head.appendChild(s);
  setTimeout(fallback, 4000);
})();
</script>
</body></html>`;
}
