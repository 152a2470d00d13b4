/**
 * DOM building blocks of an answer: the verdict card, the conditions checklist, the source list and the
 * follow-up buttons. Every status is shown in words as well as colour and icon.
 */
import { COMPLAINT_LABEL, OUTCOME_LABEL, verdictHeadline } from '../../answer/labels.ts';
import {
  askFacts,
  changedConditions,
  danishDate,
  decidedByLabel,
  openConditions,
  registrationField,
  verdictChanges,
} from '../../answer/shape.ts';
import type { ChatResponse, Verdict } from './api.ts';
import { ICON } from './icons.ts';

type Attrs = Record<string, string | number | boolean | null | undefined>;

/** Creates an element; attributes with null/undefined/false values are left out. Children are text or nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

/** An element holding one of the fixed inline SVG icons. */
export function icon(name: keyof typeof ICON): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = 'ico';
  span.style.display = 'inline-flex';
  span.innerHTML = ICON[name];
  return span;
}

export const OUTCOME_ICON: Record<string, keyof typeof ICON> = {
  not_force: 'info',
  staff_may_decide: 'check',
  requires_municipal_decision: 'stamp',
  requires_board_decision: 'stamp',
  requires_family_court_decision: 'stamp',
  not_permitted: 'ban',
  needs_more_facts: 'question',
};

const STATUS_ICON: Record<string, keyof typeof ICON> = { met: 'check', unmet: 'cross', unknown: 'question' };
const STATUS_WORD: Record<string, string> = { met: 'Opfyldt', unmet: 'Ikke opfyldt', unknown: 'Ukendt' };

/** A citation chip that opens citation n of its answer. */
export function chip(n: number, label: string): HTMLButtonElement {
  return h('button', { type: 'button', class: 'cite', 'data-n': n, 'aria-label': `Kilde ${n}: ${label}` }, String(n));
}

function chipsFor(unitIds: readonly string[], citations: ChatResponse['citations']): Node[] {
  const out: Node[] = [];
  for (const id of unitIds) {
    const c = citations.find((x) => x.unitId === id);
    if (c && !out.some((n) => (n as HTMLElement).dataset['n'] === String(c.n))) out.push(chip(c.n, c.citation));
  }
  return out;
}

export interface CardOptions {
  /** The answer's summary, shown right under the headline. */
  summary?: string | undefined;
  /** An incident that already happened: retrospective headline. */
  past?: boolean;
  /** The previous verdict of the conversation: what changed is shown ("Nyt: …") and a changed checklist opens. */
  prev?: Verdict | undefined;
  /** A narrow screen: headline and summary first, the key facts and conditions folded away. */
  compact?: boolean;
}

/** The verdict card: icon + words + colour, the summary, what changed, the key facts and the conditions checklist. */
export function verdictCard(
  outcome: string,
  verdict: Verdict | undefined,
  citations: ChatResponse['citations'],
  opts: CardOptions = {},
): HTMLElement {
  const headline = verdict ? verdictHeadline(verdict, !!opts.past) : (OUTCOME_LABEL[outcome] ?? outcome);
  const use = verdict?.decisionUse;
  // Conditional (an unknown condition could make it unlawful): amber "Kan være lovligt, hvis …", never a green ✓.
  // Using a decision: amber while its use now is open, with what to check first.
  const open = !use && verdict?.certainty === 'conditional' ? openConditions(verdict) : [];
  const check = use && verdict && (use.allowed === null || use.certainty === 'conditional') ? askFacts(verdict) : [];
  const maybe = (open.length > 0 && outcome !== 'needs_more_facts') || check.length > 0;
  const useState = use
    ? use.allowed === true
      ? 'allowed'
      : use.allowed === false
        ? 'not_allowed'
        : 'open'
    : undefined;
  const headIcon: keyof typeof ICON = use
    ? use.allowed === true && !maybe
      ? 'check'
      : use.allowed === false
        ? 'ban'
        : 'question'
    : maybe
      ? 'question'
      : (OUTCOME_ICON[outcome] ?? 'info');
  const card = h(
    'section',
    {
      class: 'card',
      'data-outcome': outcome,
      'data-certainty': use ? (maybe ? 'conditional' : 'settled') : verdict?.certainty,
      'data-use': useState,
      'data-compact': opts.compact ? 'true' : undefined,
      'aria-label': `Vurdering: ${headline}${maybe && !use ? ' (kan være lovligt, hvis betingelserne er opfyldt)' : ''}`,
    },
    h(
      'div',
      { class: 'head' },
      icon(headIcon),
      h(
        'div',
        {},
        h('span', { class: 'kicker' }, 'Vurdering'),
        h('h3', { class: 'headline', tabindex: '-1' }, headline),
      ),
    ),
  );
  if (opts.summary) card.append(h('p', { class: 'summary' }, opts.summary));
  if (!verdict) return card;

  const changes = opts.prev ? verdictChanges(opts.prev, verdict, !!opts.past) : [];
  if (changes.length) {
    const list = h('ul');
    for (const c of changes) list.append(h('li', {}, c));
    card.append(h('div', { class: 'changed', role: 'note' }, h('p', { class: 'changed-head' }, 'Nyt:'), list));
  }
  if (maybe) {
    const list = h('ul');
    for (const c of open)
      list.append(
        h(
          'li',
          { 'data-status': 'unknown' },
          icon('question'),
          h('span', {}, c.text, ' ', ...chipsFor(c.citations, citations)),
        ),
      );
    for (const q of check)
      list.append(h('li', { 'data-status': 'unknown' }, icon('question'), h('span', {}, q.question)));
    card.append(
      h(
        'div',
        { class: 'maybe' },
        h('p', { class: 'maybe-head' }, use ? 'Tjek først …' : 'Kan være lovligt, hvis …'),
        list,
      ),
    );
  }

  const facts = h('div', { class: 'facts' });
  const dl = h('dl');
  const row = (term: string, value: string | null | undefined) => {
    if (value) dl.append(h('dt', {}, term), h('dd', {}, value));
  };
  row('Hjemmel', verdict.provision ?? (verdict.outcome === 'not_permitted' ? 'Ingen hjemmel' : null));
  row('Hvem beslutter', decidedByLabel(verdict));
  row('Registrering', registrationField(verdict));
  row('Varighed', verdict.maxDurationMonths ? `Højst ${verdict.maxDurationMonths} måneder ad gangen` : null);
  if (use?.validUntil) row('Afgørelsen gælder til', danishDate(use.validUntil));
  row('Klageadgang', verdict.complaintTo ? (COMPLAINT_LABEL[verdict.complaintTo] ?? verdict.complaintTo) : null);
  if (dl.childElementCount) facts.append(dl);

  const changed = new Set(changedConditions(opts.prev, verdict).map((c) => c.id));
  if (verdict.conditions.length) {
    const count = (s: string) => verdict.conditions.filter((c) => c.status === s).length;
    const summary = `Betingelser: ${count('met')} opfyldt, ${count('unmet')} ikke opfyldt, ${count('unknown')} ukendt`;
    const list = h('ul');
    for (const c of verdict.conditions) {
      list.append(
        h(
          'li',
          { 'data-status': c.status, 'data-changed': changed.has(c.id) ? 'true' : undefined },
          icon(STATUS_ICON[c.status] ?? 'question'),
          h(
            'span',
            {},
            h('span', { class: 'st' }, `${STATUS_WORD[c.status] ?? c.status}: `),
            c.text,
            changed.has(c.id) ? h('strong', { class: 'new' }, ' (nyt)') : null,
            ' ',
            ...chipsFor(c.citations, citations),
          ),
        ),
      );
    }
    // Open when short, when a condition fails, or when the checklist changed since the previous answer.
    const expanded = (!opts.compact && verdict.conditions.length <= 6) || count('unmet') > 0 || changed.size > 0;
    facts.append(
      h(
        'details',
        { class: 'conds', open: expanded, 'data-changed': changed.size > 0 ? 'true' : undefined },
        h('summary', {}, summary),
        list,
      ),
    );
  }
  if (!facts.childElementCount) return card;
  // Compact (narrow screens): the key facts fold away under the headline and summary, unless the checklist changed.
  if (opts.compact)
    card.append(
      h(
        'details',
        { class: 'more-facts', open: changed.size > 0 },
        h('summary', {}, 'Hjemmel, registrering og betingelser'),
        facts,
      ),
    );
  else card.append(facts);
  return card;
}

/** The "Afklar også" questions as buttons; a question with options opens its answers as buttons. */
export function clarifyBlock(questions: Verdict['missingFacts'], id: string): HTMLElement | null {
  if (!questions.length) return null;
  const list = h('ul', { class: 'clarify-list' });
  questions.forEach((q, i) => {
    const optsId = `${id}-${i}`;
    const btn = h(
      'button',
      {
        type: 'button',
        class: 'clarify-q',
        'data-fact': q.fact,
        'data-question': q.question,
        'aria-expanded': q.options.length ? 'false' : undefined,
        'aria-controls': q.options.length ? optsId : undefined,
      },
      q.question,
    );
    const li = h('li', {}, btn);
    if (q.options.length) {
      const group = h('div', { class: 'options', role: 'group', 'aria-label': q.question, id: optsId, hidden: true });
      for (const o of q.options)
        group.append(
          h(
            'button',
            {
              type: 'button',
              class: 'opt clarify-a',
              'data-fact': q.fact,
              'data-value': JSON.stringify(o.value),
              'data-reply': o.label,
            },
            o.label,
          ),
        );
      li.append(group);
    }
    list.append(li);
  });
  return h('div', { class: 'clarify' }, h('h4', { id }, 'Afklar også'), list);
}

/** The numbered list of cited sources under an answer. */
export function sourceList(citations: ChatResponse['citations']): HTMLElement | null {
  if (!citations.length) return null;
  const ol = h('ol');
  for (const c of citations) {
    const btn = h(
      'button',
      { type: 'button', class: 'src', 'data-n': c.n, 'aria-label': `Åbn kilde ${c.n}: ${c.citation}` },
      h('span', { class: 'cite', 'aria-hidden': 'true' }, String(c.n)),
      h('span', {}, c.citation),
    );
    ol.append(h('li', {}, btn));
  }
  return h('section', { class: 'sources', 'aria-label': 'Kilder' }, h('h4', {}, 'Kilder'), ol);
}

/** Quick-reply buttons for the follow-up question. */
export function followUpBlock(followUp: NonNullable<ChatResponse['followUp']>, id: string): HTMLElement {
  const options = h('div', { class: 'options', role: 'group', 'aria-labelledby': id });
  for (const o of followUp.options) {
    options.append(h('button', { type: 'button', class: 'opt', 'data-reply': o.label }, o.label));
  }
  return h('div', { class: 'followup' }, h('h4', { id }, followUp.question), options);
}
