/**
 * <hjemmel-chat>: the chat as a custom element with Shadow DOM. Attributes: api-base (default: the
 * script's origin), api-key, token, measure, facts (JSON, journal prefill), mode (inline | page | panel),
 * surface (which stored conversation to use; default: the mode) and idle-hours (default 8).
 * Streams answers, shows the verdict card, opens cited paragraphs in a side panel, takes feedback and
 * keeps the conversation across reloads (session id in localStorage + GET /api/v1/sessions/:id): one stored
 * conversation per surface (the standalone page, /embed and a site's panel do not share one), forgotten in the
 * browser after idle-hours without a turn, and deleted on the server and in the browser by "Slet samtale".
 */
import { OUTCOME_LABEL, verdictHeadline } from '../../answer/labels.ts';
import { askFacts } from '../../answer/shape.ts';
import { ApiError, type ChatResponse, HjemmelClient, type UnitView } from './api.ts';
import { ICON } from './icons.ts';
import { escapeHtml, plainText, renderMarkdown } from './markdown.ts';
import { clarifyBlock, followUpBlock, h, icon, sourceList, verdictCard } from './render.ts';
import { adoptStyles, CHAT_CSS } from './styles.ts';

let defaultApiBase = typeof location !== 'undefined' ? location.origin : '';

/** Set by the loader script: the origin widget.js was served from. */
export function setDefaultApiBase(base: string): void {
  defaultApiBase = base;
}

const EXAMPLES = [
  'Må vi låse hoveddøren om natten? Hun har demens og bor på botilbud',
  'Hvornår skal en magtanvendelse registreres?',
];

const REASONS: Array<[string, string]> = [
  ['source_mismatch', 'Kilden passer ikke'],
  ['wrong_answer', 'Svaret er forkert'],
  ['unclear', 'Uklart'],
  ['other', 'Andet'],
];

const SOURCE_STATUS_NOTE: Record<string, string> = {
  ophævet: 'Denne kilde er ophævet og gælder ikke længere.',
  udkast: 'Dette er et udkast (høringsmateriale), ikke gældende regler.',
  baggrund: 'Baggrundsmateriale, ikke selve reglerne.',
};

/** How long a stored conversation survives in the browser without a new turn, unless idle-hours says otherwise. */
const DEFAULT_IDLE_HOURS = 8;

/** The stored pointer to the conversation of one surface: its id and when its last turn was. */
interface StoredSession {
  id: string;
  at: number;
}

/** How many answers are kept in localStorage for a full re-render after reload. */
const MAX_CACHED_ANSWERS = 30;

interface Store {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

const storage: Store = {
  get: (k) => {
    try {
      return localStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k, v) => {
    try {
      localStorage.setItem(k, v);
    } catch {
      // storage full or blocked: the conversation just won't survive a reload
    }
  },
  remove: (k) => {
    try {
      localStorage.removeItem(k);
    } catch {
      // ignore
    }
  },
};

let instances = 0;

export class HjemmelChatElement extends HTMLElement {
  private shadow!: ShadowRoot;
  private client!: HjemmelClient;
  private uid = `h${++instances}`;
  private sessionId: string | undefined;
  private turnCount = 0;
  private busy = false;
  private sideOpener: HTMLElement | null = null;
  private responses = new WeakMap<Element, ChatResponse>();
  private ready: Promise<void> = Promise.resolve();
  private els!: {
    main: HTMLElement;
    log: HTMLElement;
    form: HTMLFormElement;
    input: HTMLTextAreaElement;
    send: HTMLButtonElement;
    status: HTMLElement;
    backdrop: HTMLElement;
    side: HTMLElement;
    sideTitle: HTMLElement;
    sideBody: HTMLElement;
  };

  get apiBase(): string {
    return (this.getAttribute('api-base') || defaultApiBase).replace(/\/+$/, '');
  }

  /** Which stored conversation this element uses: the standalone page, /embed and a panel each have their own. */
  private get surface(): string {
    return this.getAttribute('surface') || this.getAttribute('mode') || 'inline';
  }

  private get storageKey(): string {
    return `hjemmel:${this.apiBase}:${this.surface}:session`;
  }

  private get idleMs(): number {
    const h = Number(this.getAttribute('idle-hours'));
    return (Number.isFinite(h) && h > 0 ? h : DEFAULT_IDLE_HOURS) * 3_600_000;
  }

  /** The stored session id of this surface, or undefined when there is none or it has been idle too long. */
  private storedSession(): string | undefined {
    const raw = storage.get(this.storageKey);
    if (!raw) return undefined;
    let s: Partial<StoredSession> = {};
    try {
      s = JSON.parse(raw) as Partial<StoredSession>;
    } catch {
      s = {};
    }
    if (typeof s.id !== 'string' || typeof s.at !== 'number' || Date.now() - s.at > this.idleMs) {
      if (typeof s.id === 'string') storage.remove(this.cacheKey(s.id));
      storage.remove(this.storageKey);
      return undefined;
    }
    return s.id;
  }

  private storeSession(id: string): void {
    storage.set(this.storageKey, JSON.stringify({ id, at: Date.now() } satisfies StoredSession));
  }

  connectedCallback(): void {
    if (this.shadow) return;
    this.client = new HjemmelClient({
      apiBase: this.apiBase,
      apiKey: this.getAttribute('api-key') ?? undefined,
      token: this.getAttribute('token') ?? undefined,
    });
    this.shadow = this.attachShadow({ mode: 'open' });
    adoptStyles(this.shadow, CHAT_CSS);
    this.build();
    this.ready = this.restore();
  }

  /** Uses a fresh short-lived token for the next requests (the journal's refresh of an expiring token). */
  setToken(token: string): void {
    this.setAttribute('token', token);
    this.client?.setToken(token);
  }

  /** Moves focus to the question field (used by the launcher when its panel opens). */
  focusInput(): void {
    this.els?.input.focus();
  }

  /** Sends a question as if typed (for host pages and tests). */
  async ask(text: string): Promise<void> {
    await this.ready;
    await this.send(text);
  }

  private build(): void {
    const panel = this.getAttribute('mode') === 'panel';
    const id = this.uid;
    const root = h('div', { class: 'root', lang: 'da' });
    root.innerHTML = `
<div class="main">
  <header>
    <span class="logo">${ICON.chat}</span>
    <h2 id="${id}-title">Hjemmel</h2>
    <button type="button" class="hbtn" data-act="new">${ICON.plus}<span class="lbl">Ny samtale</span></button>
    <button type="button" class="hbtn" data-act="delete" aria-label="Slet samtale">${ICON.trash}<span class="lbl">Slet samtale</span></button>
    ${panel ? `<button type="button" class="hbtn" data-act="close" aria-label="Luk Hjemmel">${ICON.close}</button>` : ''}
  </header>
  <p class="note"><strong>Hjemmel giver vejledning, ikke en afgørelse.</strong> Ved tvivl: tal med din leder eller kommunen.
    <a href="${escapeHtml(this.client.url('/kilder'))}" target="_blank" rel="noopener">Se kilderne, deres dato og status<span class="sr"> (åbner i et nyt vindue)</span></a></p>
  <section class="log" aria-labelledby="${id}-title" aria-label="Samtale"></section>
  <form class="ask" novalidate>
    <label for="${id}-q">Dit spørgsmål om magtanvendelse</label>
    <textarea id="${id}-q" rows="2" maxlength="4000" aria-describedby="${id}-hint" autocomplete="off"></textarea>
    <button type="submit" class="send">${ICON.send}<span>Send</span></button>
    <p class="hint" id="${id}-hint">Skriv ikke CPR-nummer eller fulde navne. Enter sender, Shift+Enter giver ny linje.</p>
  </form>
  <div class="sr" role="status" aria-live="polite" aria-atomic="true"></div>
</div>
<div class="backdrop" hidden></div>
<div class="side" role="dialog" aria-modal="true" aria-labelledby="${id}-side-title" hidden>
  <div class="side-head">
    <h2 id="${id}-side-title" tabindex="-1">Kilde</h2>
    <button type="button" class="hbtn" data-act="close-side">${ICON.close}<span>Luk</span></button>
  </div>
  <div class="side-body"></div>
</div>`;
    this.shadow.append(root);
    const q = <T extends Element>(sel: string) => root.querySelector(sel) as T;
    this.els = {
      main: q('.main'),
      log: q('.log'),
      form: q('form.ask'),
      input: q('textarea'),
      send: q('.send'),
      status: q('[role="status"]'),
      backdrop: q('.backdrop'),
      side: q('.side'),
      sideTitle: q('.side h2'),
      sideBody: q('.side-body'),
    };
    this.showWelcome();

    this.els.form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send(this.els.input.value);
    });
    this.els.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        void this.send(this.els.input.value);
      }
    });
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKeydown(e));
    this.els.backdrop.addEventListener('click', () => this.closeSide());
  }

  private showWelcome(): void {
    const list = h('div', { class: 'options' });
    for (const ex of EXAMPLES) list.append(h('button', { type: 'button', class: 'opt', 'data-example': ex }, ex));
    this.els.log.replaceChildren(
      h(
        'div',
        { class: 'welcome' },
        h(
          'p',
          {},
          'Spørg om magtanvendelse og andre indgreb i selvbestemmelsesretten (serviceloven kap. 24–24 d). Beskriv situationen: hvad I vil gøre, hvor, og hvad I ved om borgeren.',
        ),
        h('p', {}, 'Eksempler:'),
        list,
      ),
    );
  }

  private announce(text: string): void {
    this.els.status.textContent = '';
    // A fresh text node after a tick, so the same message is announced again.
    setTimeout(() => {
      this.els.status.textContent = text;
    }, 50);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.els.send.setAttribute('aria-disabled', String(busy));
    this.els.log.setAttribute('aria-busy', String(busy));
  }

  private scrollToEnd(el?: HTMLElement): void {
    const log = this.els.log;
    log.scrollTop = el ? Math.max(0, el.offsetTop - 8) : log.scrollHeight;
  }

  private context(): Record<string, unknown> | undefined {
    const measure = this.getAttribute('measure');
    const factsAttr = this.getAttribute('facts');
    let facts: unknown;
    if (factsAttr) {
      try {
        facts = JSON.parse(factsAttr);
      } catch {
        console.warn('[hjemmel] facts attribute is not valid JSON; ignored');
      }
    }
    if (!measure && !facts) return undefined;
    return { ...(measure ? { measure } : {}), ...(facts && typeof facts === 'object' ? { facts } : {}) };
  }

  // ----- conversation -------------------------------------------------------------------------------

  /** Sends a message; `facts` answer a question of the answer ("Afklar også") as data, beside the text. */
  private async send(raw: string, facts?: Record<string, unknown>): Promise<void> {
    const text = raw.trim();
    if (!text || this.busy) return;
    this.setBusy(true);
    this.els.input.value = '';
    this.els.log.querySelector('.welcome')?.remove();
    for (const b of this.els.log.querySelectorAll<HTMLButtonElement>('.followup .opt, .clarify button'))
      b.disabled = true;
    const userMsg = h('div', { class: 'msg user' }, h('span', { class: 'sr' }, 'Du: '), text);
    this.els.log.append(userMsg);
    const bot = h('article', { class: 'msg bot', 'aria-label': 'Svar fra Hjemmel' });
    const stream = h('div', { class: 'bubble stream', 'aria-live': 'polite' });
    const typing = h('span', { class: 'typing' }, 'Hjemmel skriver …');
    stream.append(typing);
    bot.append(stream);
    this.els.log.append(bot);
    this.scrollToEnd();

    const onDelta = (t: string) => {
      typing.remove();
      stream.append(document.createTextNode(t.replace(/\*\*/g, '')));
      this.scrollToEnd();
    };
    const ctx = this.context();
    const context = facts
      ? { ...(ctx ?? {}), facts: { ...((ctx?.['facts'] as Record<string, unknown> | undefined) ?? {}), ...facts } }
      : ctx;
    const body = (sid: string | undefined) => ({
      message: text,
      ...(sid ? { sessionId: sid } : {}),
      ...(context ? { context } : {}),
      ...(this.getAttribute('case-ref') ? { caseRef: this.getAttribute('case-ref') } : {}),
    });
    try {
      let res: ChatResponse;
      try {
        res = await this.client.chat(body(this.sessionId), onDelta);
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'unknown_session' && this.sessionId)) throw err;
        // The server no longer knows the session: start a fresh one.
        this.forgetSession();
        stream.replaceChildren(typing);
        res = await this.client.chat(body(undefined), onDelta);
      }
      if (res.sessionId !== this.sessionId) {
        this.sessionId = res.sessionId;
        this.turnCount = 0;
      }
      this.storeSession(res.sessionId);
      this.turnCount += 2;
      const turn = this.turnCount - 1;
      this.cacheAnswer(turn, res);
      stream.removeAttribute('aria-live');
      this.fillAnswer(bot, res, turn, true);
      // For the host (the /embed page passes it on to the journal system with postMessage).
      this.dispatchEvent(
        new CustomEvent('hjemmel-answer', {
          bubbles: true,
          composed: true,
          detail: {
            sessionId: res.sessionId,
            recordId: res.recordId ?? null,
            outcome: res.verdict?.outcome ?? null,
            route: res.route,
          },
        }),
      );
      const headline = res.verdict ? verdictHeadline(res.verdict, !!res.incidentDate) : undefined;
      this.announce(
        `Svaret er klar${headline ? `: ${headline}` : ''}.${res.followUp ? ` Hjemmel spørger: ${res.followUp.question}` : ''}`,
      );
      this.scrollToEnd(bot);
      // Focus moves to the heading of the newest answer (the card's headline, else the answer itself).
      const heading = bot.querySelector<HTMLElement>('.card .headline') ?? bot;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    } catch (err) {
      const message = err instanceof Error ? err.message : 'Der opstod en fejl.';
      stream.removeAttribute('aria-live');
      bot.replaceChildren(h('p', { class: 'error', role: 'alert' }, message));
      this.els.input.value = text;
    } finally {
      this.setBusy(false);
    }
  }

  /** Renders a whole answer into its article (after streaming, or when restoring a session). */
  private fillAnswer(
    bot: HTMLElement,
    res: Pick<
      ChatResponse,
      'answer' | 'citations' | 'verdict' | 'followUp' | 'details' | 'summary' | 'incidentDate'
    > & { outcome?: string },
    turn: number,
    withFollowUp: boolean,
  ): void {
    const prev = this.previousVerdict(bot);
    this.responses.set(bot, res as ChatResponse);
    bot.dataset['turn'] = String(turn);
    const outcome = res.verdict?.outcome ?? res.outcome;
    const past = !!res.incidentDate;
    const label = outcome ? OUTCOME_LABEL[outcome] : undefined;
    const headline = res.verdict ? verdictHeadline(res.verdict, past) : label;
    const bubble = h('div', { class: 'bubble' });
    // On a narrow screen (≤ 480 px) the card is compact: headline and summary first.
    const compact = this.getBoundingClientRect().width <= 480;
    const summary = outcome ? res.summary : undefined;
    if (outcome) bubble.append(verdictCard(outcome, res.verdict, res.citations, { summary, past, prev, compact }));
    // "Afklar også" as buttons (the question's answers open under it), not as a list in the text.
    const clarify = res.verdict
      ? clarifyBlock(
          askFacts(res.verdict).filter((q) => q.fact !== res.followUp?.fact),
          `${this.uid}-cl-${turn}`,
        )
      : null;
    const body = h('div', { class: 'body' });
    body.innerHTML = renderMarkdown(res.answer, {
      citationLabel: (n) => res.citations.find((c) => c.n === n)?.citation,
      // The card already shows the headline, the summary and the checklist; the buttons the questions.
      skipBlock: (raw, i) =>
        !!outcome &&
        ((i === 0 && !!headline && (raw.startsWith(`**${headline}`) || (!!label && raw.startsWith(`**${label}`)))) ||
          (i === 1 && !!summary && raw.startsWith(summary)) ||
          (!!res.verdict && raw.startsWith('**Betingelser (tjekliste):**')) ||
          (!!clarify && withFollowUp && raw.startsWith('**Afklar også:**'))),
    });
    bubble.append(body);
    if (clarify && withFollowUp) bubble.append(clarify);
    if (res.details) {
      const more = h('div', { class: 'body' });
      more.innerHTML = renderMarkdown(res.details, {
        citationLabel: (n) => res.citations.find((c) => c.n === n)?.citation,
      });
      bubble.append(h('details', { class: 'more' }, h('summary', {}, 'Detaljer'), more));
    }
    // The follow-up question comes right after the text, before the (often long) source list.
    if (withFollowUp && res.followUp) bubble.append(followUpBlock(res.followUp, `${this.uid}-fu-${turn}`));
    const sources = sourceList(res.citations);
    if (sources) bubble.append(sources);
    bot.replaceChildren(bubble, this.actions(turn));
  }

  /** The verdict of the nearest earlier answer in the log (for "Nyt: …"). */
  private previousVerdict(bot: HTMLElement): ChatResponse['verdict'] {
    const bots = [...this.els.log.querySelectorAll<HTMLElement>('article.msg.bot')];
    const i = bots.indexOf(bot);
    for (let j = (i < 0 ? bots.length : i) - 1; j >= 0; j--) {
      const v = this.responses.get(bots[j]!)?.verdict;
      if (v) return v;
    }
    return undefined;
  }

  private actions(turn: number): HTMLElement {
    const copy = h('button', { type: 'button', class: 'abtn', 'data-act': 'copy' }, icon('copy'), 'Kopiér svar');
    const up = h(
      'button',
      { type: 'button', class: 'abtn', 'data-act': 'up', 'aria-pressed': 'false' },
      icon('up'),
      'Svaret hjalp',
    );
    const down = h(
      'button',
      { type: 'button', class: 'abtn', 'data-act': 'down', 'aria-pressed': 'false', 'aria-expanded': 'false' },
      icon('down'),
      'Svaret hjalp ikke',
    );
    const bar = h('div', { class: 'actions', role: 'group', 'aria-label': 'Handlinger for svaret' }, copy, up, down);
    bar.dataset['turn'] = String(turn);
    return bar;
  }

  private cacheKey(sid: string): string {
    return `hjemmel:${this.apiBase}:answers:${sid}`;
  }

  private cacheAnswer(turn: number, res: ChatResponse): void {
    if (!this.sessionId) return;
    const key = this.cacheKey(this.sessionId);
    let cached: Record<string, ChatResponse> = {};
    try {
      cached = JSON.parse(storage.get(key) ?? '{}') as Record<string, ChatResponse>;
    } catch {
      cached = {};
    }
    cached[String(turn)] = res;
    const keys = Object.keys(cached)
      .map(Number)
      .sort((a, b) => a - b);
    for (const k of keys.slice(0, Math.max(0, keys.length - MAX_CACHED_ANSWERS))) delete cached[String(k)];
    storage.set(key, JSON.stringify(cached));
  }

  private forgetSession(): void {
    if (this.sessionId) storage.remove(this.cacheKey(this.sessionId));
    storage.remove(this.storageKey);
    this.sessionId = undefined;
    this.turnCount = 0;
  }

  /** Restores the conversation after a reload. */
  private async restore(): Promise<void> {
    const sid = this.storedSession();
    if (!sid) return;
    this.setBusy(true);
    try {
      const s = await this.client.session(sid);
      let cached: Record<string, ChatResponse> = {};
      try {
        cached = JSON.parse(storage.get(this.cacheKey(sid)) ?? '{}') as Record<string, ChatResponse>;
      } catch {
        cached = {};
      }
      this.sessionId = s.sessionId;
      this.turnCount = s.turns.length;
      if (!s.turns.length) return;
      this.els.log.replaceChildren();
      const lastAssistant = s.turns.map((t) => t.role).lastIndexOf('assistant');
      s.turns.forEach((t, i) => {
        if (t.role === 'user') {
          this.els.log.append(h('div', { class: 'msg user' }, h('span', { class: 'sr' }, 'Du: '), t.text));
          return;
        }
        const bot = h('article', { class: 'msg bot', 'aria-label': 'Svar fra Hjemmel' });
        this.els.log.append(bot);
        const c = cached[String(i)];
        const res =
          c && c.answer === t.text
            ? c
            : { answer: t.text, citations: [], ...(t.outcome ? { outcome: t.outcome } : {}) };
        const followUp = i === lastAssistant && s.pending ? s.pending : undefined;
        this.fillAnswer(bot, { ...res, followUp }, i, !!followUp);
      });
      this.scrollToEnd();
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) this.forgetSession();
      else
        this.els.log.append(
          h(
            'p',
            { class: 'error', role: 'alert' },
            `Den tidligere samtale kunne ikke hentes${err instanceof Error ? `: ${err.message}` : '.'}`,
          ),
        );
    } finally {
      this.setBusy(false);
    }
  }

  private newConversation(): void {
    this.forgetSession();
    this.closeSide(false);
    this.showWelcome();
    this.els.input.value = '';
    this.els.input.focus();
    this.announce('Ny samtale startet.');
  }

  /** "Slet samtale": deletes the conversation on the server, then in this browser; on failure nothing is lost. */
  private async deleteConversation(): Promise<void> {
    if (this.busy) return;
    const sid = this.sessionId;
    if (sid) {
      this.setBusy(true);
      try {
        await this.client.deleteSession(sid);
      } catch (err) {
        const why = err instanceof Error ? `: ${err.message}` : '.';
        this.els.log.append(h('p', { class: 'error', role: 'alert' }, `Samtalen kunne ikke slettes${why}`));
        return;
      } finally {
        this.setBusy(false);
      }
    }
    this.forgetSession();
    this.closeSide(false);
    this.showWelcome();
    this.els.input.value = '';
    this.els.input.focus();
    this.announce('Samtalen er slettet.');
  }

  // ----- events -------------------------------------------------------------------------------------

  private onClick(e: Event): void {
    const target = e.target as HTMLElement;
    const btn = target.closest('button');
    if (!btn) return;
    const act = btn.dataset['act'];
    const bot = btn.closest('article.msg.bot') as HTMLElement | null;
    if (act === 'new') {
      this.newConversation();
      return;
    }
    if (act === 'delete') {
      void this.deleteConversation();
      return;
    }
    if (act === 'close') {
      this.dispatchEvent(new CustomEvent('hjemmel-close', { bubbles: true, composed: true }));
      return;
    }
    if (act === 'close-side') {
      this.closeSide();
      return;
    }
    if (btn.dataset['example']) {
      void this.send(btn.dataset['example']);
      this.els.input.focus();
      return;
    }
    if (btn.classList.contains('clarify-q') && !btn.disabled) {
      // An "Afklar også" question: open its answers, or (no fixed answers, e.g. a date) ask in the text field.
      const group = btn.getAttribute('aria-controls');
      const options = group ? btn.parentElement?.querySelector<HTMLElement>(`[id="${group}"]`) : null;
      if (options) {
        const open = options.hidden;
        options.hidden = !open;
        btn.setAttribute('aria-expanded', String(open));
        if (open) options.querySelector<HTMLButtonElement>('button')?.focus();
      } else {
        this.els.input.value = `${btn.dataset['question'] ?? ''} `;
        this.els.input.focus();
      }
      return;
    }
    if (btn.classList.contains('clarify-a') && btn.dataset['reply'] && btn.dataset['fact'] && !btn.disabled) {
      // Answers the question as data (the fact) and in words (the question and the chosen answer).
      btn.setAttribute('aria-pressed', 'true');
      const q = btn.closest('li')?.querySelector<HTMLElement>('.clarify-q')?.dataset['question'] ?? '';
      let value: unknown = btn.dataset['reply'];
      try {
        value = JSON.parse(btn.dataset['value'] ?? '');
      } catch {
        // keep the label
      }
      void this.send(`${q.replace(/\?$/u, '')}: ${btn.dataset['reply']}`, { [btn.dataset['fact']]: value });
      return;
    }
    if (btn.dataset['reply'] && !btn.disabled) {
      btn.setAttribute('aria-pressed', 'true');
      void this.send(btn.dataset['reply']);
      this.els.input.focus();
      return;
    }
    if (btn.dataset['unit']) {
      void this.openUnit(btn.dataset['unit'], undefined, btn.textContent ?? '', this.sideOpener ?? btn);
      return;
    }
    if (!bot) return;
    const res = this.responses.get(bot);
    if (btn.dataset['n'] && res) {
      const c = res.citations.find((x) => String(x.n) === btn.dataset['n']);
      if (c) void this.openUnit(c.unitId, c.quote, c.citation, btn);
      return;
    }
    const turn = Number(bot.dataset['turn']);
    if (act === 'copy' && res) void this.copy(res);
    else if (act === 'up') void this.sendFeedback(bot, turn, 'up');
    else if (act === 'down') this.toggleFeedbackForm(bot, btn, turn);
  }

  private onKeydown(e: KeyboardEvent): void {
    if (this.els.side.hidden) return;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      this.closeSide();
      return;
    }
    if (e.key === 'Tab') {
      // Focus trap inside the side panel.
      const focusables = [
        ...this.els.side.querySelectorAll<HTMLElement>('button, a[href], summary, [tabindex="0"]'),
      ].filter((el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0);
      if (!focusables.length) return;
      const first = focusables[0]!;
      const last = focusables[focusables.length - 1]!;
      const active = this.shadow.activeElement;
      if (e.shiftKey && (active === first || active === this.els.sideTitle || !this.els.side.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !this.els.side.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    }
  }

  private async copy(res: Pick<ChatResponse, 'answer' | 'citations'>): Promise<void> {
    const sources = res.citations.map((c) => `[${c.n}] ${c.citation}`).join('\n');
    const text = `${plainText(res.answer)}${sources ? `\n\nKilder:\n${sources}` : ''}`;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      const ta = h('textarea', { class: 'sr', 'aria-hidden': 'true', tabindex: '-1' });
      ta.value = text;
      this.shadow.append(ta);
      ta.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      ta.remove();
    }
    this.announce(ok ? 'Svaret er kopieret.' : 'Svaret kunne ikke kopieres. Markér teksten, og kopiér den selv.');
  }

  // ----- feedback -----------------------------------------------------------------------------------

  private toggleFeedbackForm(bot: HTMLElement, downBtn: HTMLElement, turn: number): void {
    const existing = bot.querySelector('form.fb');
    if (existing) {
      existing.remove();
      downBtn.setAttribute('aria-expanded', 'false');
      return;
    }
    const id = `${this.uid}-fb-${turn}`;
    const fieldset = h('fieldset', {}, h('legend', {}, 'Hvad var galt?'));
    REASONS.forEach(([value, label], i) => {
      fieldset.append(
        h('label', {}, h('input', { type: 'radio', name: `${id}-reason`, value, required: i === 0 }), label),
      );
    });
    const error = h('p', { class: 'error', role: 'alert', hidden: true }, 'Vælg en grund.');
    const form = h(
      'form',
      { class: 'fb', 'aria-label': 'Feedback på svaret', novalidate: true },
      fieldset,
      h('label', { for: `${id}-comment` }, 'Kommentar (valgfri)'),
      h('textarea', { id: `${id}-comment`, maxlength: '2000', rows: '2' }),
      error,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, 'Send feedback'),
        h('button', { type: 'button', class: 'abtn', 'data-act': 'cancel-fb' }, 'Annullér'),
      ),
    );
    form.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('[data-act="cancel-fb"]')) {
        e.stopPropagation();
        form.remove();
        downBtn.setAttribute('aria-expanded', 'false');
        downBtn.focus();
      }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const reason = form.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value;
      if (!reason) {
        error.hidden = false;
        form.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
        return;
      }
      const comment = form.querySelector('textarea')!.value.trim();
      void this.sendFeedback(bot, turn, 'down', reason, comment || undefined);
    });
    bot.querySelector('.actions')!.after(form);
    downBtn.setAttribute('aria-expanded', 'true');
    form.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
  }

  private async sendFeedback(
    bot: HTMLElement,
    turn: number,
    rating: 'up' | 'down',
    reason?: string,
    comment?: string,
  ): Promise<void> {
    const bar = bot.querySelector('.actions')!;
    const pressed = bar.querySelector<HTMLButtonElement>(`[data-act="${rating}"]`);
    try {
      await this.client.feedback({
        ...(this.sessionId ? { sessionId: this.sessionId } : {}),
        ...(Number.isFinite(turn) ? { turn } : {}),
        rating,
        ...(reason ? { reason } : {}),
        ...(comment ? { comment } : {}),
      });
    } catch (err) {
      this.announce(err instanceof Error ? `Feedback blev ikke sendt: ${err.message}` : 'Feedback blev ikke sendt.');
      return;
    }
    pressed?.setAttribute('aria-pressed', 'true');
    for (const b of bar.querySelectorAll<HTMLButtonElement>('[data-act="up"], [data-act="down"]')) {
      b.disabled = true;
      b.removeAttribute('aria-expanded');
    }
    bot.querySelector('form.fb')?.remove();
    const thanks = h('p', { class: 'thanks', tabindex: '-1' }, 'Tak for din feedback.');
    bar.after(thanks);
    thanks.focus();
    this.announce('Tak for din feedback.');
  }

  // ----- side panel ---------------------------------------------------------------------------------

  private async openUnit(unitId: string, quote: string | undefined, title: string, opener: HTMLElement): Promise<void> {
    const { side, backdrop, main, sideTitle, sideBody } = this.els;
    this.sideOpener = opener;
    sideTitle.textContent = title || 'Kilde';
    sideBody.replaceChildren(h('p', { class: 'typing' }, 'Henter kilden …'));
    side.hidden = false;
    backdrop.hidden = false;
    main.inert = true;
    sideTitle.focus();
    let view: UnitView;
    try {
      view = await this.client.unit(unitId);
    } catch (err) {
      sideBody.replaceChildren(
        h('p', { class: 'error', role: 'alert' }, err instanceof Error ? err.message : 'Kilden kunne ikke hentes.'),
        ...(quote ? [h('h3', {}, 'Citeret uddrag'), h('blockquote', { class: 'ctx' }, quote)] : []),
      );
      return;
    }
    if (side.hidden) return;
    sideTitle.textContent = view.unit.citation;
    sideBody.replaceChildren(...this.unitView(view, quote));
    // Scroll the panel to the highlighted passage (its top a little below the panel's top).
    const mark = sideBody.querySelector('mark');
    sideBody.scrollTop = mark
      ? Math.max(0, sideBody.scrollTop + mark.getBoundingClientRect().top - sideBody.getBoundingClientRect().top - 48)
      : 0;
  }

  private unitView(view: UnitView, quote: string | undefined): Node[] {
    const { unit, parent, siblings, source } = view;
    const nodes: Node[] = [];
    const status = source?.status ?? unit.status;
    if (source || status) {
      nodes.push(
        h(
          'p',
          { class: 'meta' },
          source ? h('strong', {}, source.title) : '',
          source?.date ? ` · ${source.date}` : '',
          ' · Status: ',
          status ? h('span', { class: 'badge', 'data-status': status }, status) : 'ukendt',
        ),
      );
      if (status && SOURCE_STATUS_NOTE[status]) nodes.push(h('p', { class: 'warn' }, SOURCE_STATUS_NOTE[status]!));
    }
    if (unit.headingPath?.length) nodes.push(h('p', { class: 'path' }, unit.headingPath.join(' › ')));
    if (parent) {
      const text = parent.text.length > 600 ? `${parent.text.slice(0, 600).trimEnd()} …` : parent.text;
      nodes.push(h('h3', {}, `Sammenhæng: ${parent.citation}`), h('p', { class: 'ctx' }, text));
    }
    nodes.push(h('h3', {}, quote ? `${unit.citation} (det citerede er markeret)` : unit.citation));
    nodes.push(this.highlighted(unit.text, quote));
    const others = siblings.slice(0, 16);
    if (others.length) {
      const list = h('ul', { class: 'siblings' });
      for (const s of others)
        list.append(h('li', {}, h('button', { type: 'button', class: 'opt', 'data-unit': s.id }, s.citation)));
      nodes.push(h('h3', {}, parent ? `Andre dele af ${parent.citation}` : 'Andre dele af kilden'), list);
    }
    return nodes;
  }

  /** The unit's text with the quoted passage in <mark>; the quote on its own if it cannot be located. */
  private highlighted(text: string, quote: string | undefined): HTMLElement {
    const box = h('div', { class: 'unit-text' });
    if (!quote) {
      box.textContent = text;
      return box;
    }
    const q = quote.trim();
    let start = text.indexOf(q);
    let length = q.length;
    if (start === -1) {
      // Tolerate whitespace differences: match on a whitespace-flexible pattern of the quote's words.
      const words = q.split(/\s+/).filter(Boolean).slice(0, 60);
      const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
      const m = pattern ? new RegExp(pattern).exec(text) : null;
      if (m) [start, length] = [m.index, m[0].length];
    }
    if (start === -1) {
      box.append(text, h('h3', {}, 'Citeret uddrag'), h('mark', {}, q));
      return box;
    }
    box.append(text.slice(0, start), h('mark', {}, text.slice(start, start + length)), text.slice(start + length));
    return box;
  }

  private closeSide(restoreFocus = true): void {
    const { side, backdrop, main } = this.els;
    if (side.hidden) return;
    side.hidden = true;
    backdrop.hidden = true;
    main.inert = false;
    const opener = this.sideOpener;
    this.sideOpener = null;
    if (!restoreFocus) return;
    if (opener?.isConnected && !opener.closest('.side')) opener.focus();
    else this.els.input.focus();
  }

  /** Opens a paragraph (unit id, e.g. "sel-128c-stk1") in the side panel, e.g. from a host page's link. */
  showUnit(unitId: string, opener?: HTMLElement): void {
    void this.openUnit(unitId, undefined, unitId, opener ?? this.els.input);
  }

  /** For tests and host pages: open citation n of the latest answer. */
  openCitation(n: number): void {
    const bots = this.els.log.querySelectorAll<HTMLElement>('article.msg.bot');
    const bot = bots[bots.length - 1];
    const btn = bot?.querySelector<HTMLElement>(`.src[data-n="${n}"]`);
    btn?.click();
  }
}
