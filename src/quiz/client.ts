/**
 * The quiz page's script (bundled by esbuild into /quiz/quiz.js). One question at a time as a native
 * radio group; feedback in an aria-live region; citation chips open the cited paragraph in a modal
 * dialog (fetched from the journal API's /api/v1/units/:id with the widget's client). Reuses the
 * widget's DOM helper `h`, its citation `chip` and `HjemmelClient`.
 */
import { HjemmelClient } from '../web/widget/api.ts';
import { chip, h } from '../web/widget/render.ts';

interface Option {
  id: string;
  label: string;
  detail?: string;
}
interface Question {
  id: string;
  kind: string;
  prompt: string;
  scenario: { id: string; title: string; story: string; source: string };
  options: Option[];
  position: number;
  total: number;
  repeat: boolean;
}
interface Score {
  answered: number;
  correct: number;
  total: number;
}
interface Citation {
  n: number;
  unitId: string;
  citation: string;
  quote: string;
}
interface Detail {
  kind: string;
  text: string;
  status?: string;
  sources: Array<{ unitId: string; citation: string }>;
}
interface ReviewItem {
  questionId: string;
  title: string;
  prompt: string;
  chosen: string;
  rightAnswer: string;
  whyWrong: string | null;
  sources: Array<{ unitId: string; citation: string; url: string }>;
  chatUrl: string;
}
interface AnswerResult {
  correct: boolean;
  correctOptionId: string;
  explanation: { whyWrong: string | null; rightAnswer: string; summary: string; refs: number[]; details: Detail[] };
  citations: Citation[];
  next?: Question;
  review?: ReviewItem[];
  done: boolean;
  score: Score;
}

const LEARNER_KEY = 'hjemmel-quiz-learner';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function learnerId(): string | undefined {
  try {
    return localStorage.getItem(LEARNER_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function rememberLearner(id: string): void {
  try {
    localStorage.setItem(LEARNER_KEY, id);
  } catch {
    // Private mode: progress then lasts for this session only.
  }
}

async function api<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { message?: string } };
  if (!res.ok) throw new Error(json.error?.message ?? `Der opstod en fejl (${res.status}).`);
  return json as T;
}

const client = new HjemmelClient({ apiBase: location.origin });

let sessionId = '';
let current: Question | null = null;
let pendingNext: Question | undefined;
let lastScore: Score = { answered: 0, correct: 0, total: 0 };
let opener: HTMLElement | null = null;

function show(view: 'setup' | 'quiz' | 'done'): void {
  $('setup-view').hidden = view !== 'setup';
  $('quiz-view').hidden = view !== 'quiz';
  $('done-view').hidden = view !== 'done';
}

function renderQuestion(q: Question): void {
  current = q;
  $('answer-form').dataset['question'] = q.id;
  $('progress').textContent = `Spørgsmål ${q.position} af ${q.total} · ${lastScore.correct} rigtige indtil nu`;
  $('repeat').hidden = !q.repeat;
  $('q-title').textContent = q.scenario.title;
  $('story').textContent = q.scenario.story;
  $('q-source').textContent = `Kilde til scenariet: ${q.scenario.source}`;
  $('q-prompt').textContent = q.prompt;
  const opts = $('options');
  opts.replaceChildren(
    ...q.options.map((o, i) => {
      const input = h('input', { type: 'radio', name: 'option', value: o.id, id: `opt-${i}`, required: true });
      const text = h('span', {}, o.label, o.detail ? h('span', { class: 'detail' }, o.detail) : null);
      return h('label', { class: 'opt', for: `opt-${i}`, 'data-option': o.id }, input, text);
    }),
  );
  $('feedback').replaceChildren();
  $<HTMLButtonElement>('answer-btn').hidden = false;
  $<HTMLButtonElement>('answer-btn').disabled = false;
  $('next-btn').hidden = true;
  show('quiz');
  $('q-title').focus();
}

function chipsFor(refs: number[], cites: Citation[]): Node[] {
  return refs.flatMap((n) => {
    const c = cites.find((x) => x.n === n);
    return c ? [chip(c.n, c.citation)] : [];
  });
}

function renderFeedback(r: AnswerResult, chosen: string): void {
  for (const label of document.querySelectorAll<HTMLLabelElement>('#options .opt')) {
    const id = label.dataset['option'];
    const input = label.querySelector('input')!;
    input.disabled = true;
    if (id === r.correctOptionId) {
      label.classList.add('right');
      label.append(h('span', { class: 'tag' }, '(rigtigt svar)'));
    } else if (id === chosen) {
      label.classList.add('wrong');
      label.append(h('span', { class: 'tag' }, '(dit svar)'));
    }
  }
  const e = r.explanation;
  const details = e.details.map((p) =>
    h(
      'li',
      { class: p.status ? `cond ${p.status}` : '' },
      p.text,
      ...p.sources
        .slice(0, 2)
        .map((src) =>
          h('a', { class: 'srclink', href: `/quiz/kilde/${encodeURIComponent(src.unitId)}` }, src.citation),
        ),
    ),
  );
  const box = h(
    'div',
    { class: `verdict ${r.correct ? 'ok' : 'no'}`, id: 'verdict' },
    h('h3', { id: 'fb-title', tabindex: '-1' }, r.correct ? '✔ Rigtigt!' : '✘ Forkert'),
    e.whyWrong ? h('p', { id: 'why-wrong' }, e.whyWrong, ' ', ...chipsFor(e.refs.slice(0, 1), r.citations)) : null,
    h('p', {}, h('strong', {}, 'Rigtigt svar: '), e.rightAnswer),
    h('p', {}, e.summary, ' ', ...chipsFor(e.refs.slice(e.whyWrong ? 1 : 0), r.citations)),
    r.citations.length
      ? h(
          'ol',
          { class: 'sources', 'aria-label': 'Kilder' },
          ...r.citations.map((c) =>
            h(
              'li',
              {},
              h('button', { type: 'button', class: 'srcbtn', 'data-n': c.n }, `[${c.n}] ${c.citation}`),
              h('q', { class: 'quote' }, c.quote),
            ),
          ),
        )
      : null,
    details.length
      ? h('details', { id: 'details' }, h('summary', {}, 'Læs mere'), h('ul', { class: 'details' }, ...details))
      : null,
  );
  $('feedback').replaceChildren(box);
  $<HTMLButtonElement>('answer-btn').hidden = true;
  const next = $<HTMLButtonElement>('next-btn');
  next.textContent = r.done ? 'Se resultat' : 'Næste spørgsmål';
  next.hidden = false;
  ($('fb-title') as HTMLElement).focus();
  citations = r.citations;
}

let citations: Citation[] = [];

async function openCitation(n: number, from: HTMLElement): Promise<void> {
  const c = citations.find((x) => x.n === n);
  if (!c) return;
  opener = from;
  const dlg = $<HTMLDialogElement>('unit-dialog');
  $('unit-title').textContent = c.citation;
  const body = $('unit-body');
  body.replaceChildren(
    h('blockquote', {}, `»${c.quote}«`),
    h('p', { class: 'typing', id: 'unit-loading' }, 'Henter hele afsnittet …'),
  );
  if (!dlg.open) dlg.showModal();
  $('unit-title').focus();
  try {
    const view = await client.unit(c.unitId);
    if (!dlg.open || $('unit-title').textContent !== c.citation) return;
    body.replaceChildren(
      h('blockquote', {}, `»${c.quote}«`),
      h('h3', {}, 'Hele afsnittet'),
      ...(view.unit.headingPath?.length ? [h('p', {}, view.unit.headingPath.join(' › '))] : []),
      h('p', { class: 'full' }, view.unit.text),
    );
  } catch {
    $('unit-loading').textContent = 'Hele afsnittet kunne ikke hentes; citatet ovenfor er ordret fra kilden.';
  }
}

function closeDialog(): void {
  const dlg = $<HTMLDialogElement>('unit-dialog');
  if (dlg.open) dlg.close();
}

async function start(ev: SubmitEvent): Promise<void> {
  ev.preventDefault();
  const err = $('setup-error');
  err.hidden = true;
  const topic = $<HTMLSelectElement>('topic').value;
  const level = $<HTMLSelectElement>('level').value;
  const body: Record<string, unknown> = { length: Number($<HTMLSelectElement>('length').value) };
  const id = learnerId();
  if (id) body['learnerId'] = id;
  if (topic) body['topic'] = topic;
  if (level) body['level'] = Number(level);
  try {
    const s = await api<{ sessionId: string; learnerId: string; question: Question | null; score: Score }>(
      '/api/v1/quiz/sessions',
      body,
    );
    rememberLearner(s.learnerId);
    sessionId = s.sessionId;
    lastScore = s.score;
    if (s.question) renderQuestion(s.question);
  } catch (e) {
    err.textContent = e instanceof Error ? e.message : String(e);
    err.hidden = false;
  }
}

async function answer(ev: SubmitEvent): Promise<void> {
  ev.preventDefault();
  if (!current) return;
  const chosen = document.querySelector<HTMLInputElement>('#options input:checked');
  if (!chosen) {
    $('feedback').replaceChildren(h('p', { role: 'alert' }, 'Vælg et svar først.'));
    return;
  }
  $<HTMLButtonElement>('answer-btn').disabled = true;
  try {
    const r = await api<AnswerResult>(`/api/v1/quiz/sessions/${encodeURIComponent(sessionId)}/answers`, {
      questionId: current.id,
      optionId: chosen.value,
    });
    lastScore = r.score;
    pendingNext = r.next;
    if (r.review) review = r.review;
    renderFeedback(r, chosen.value);
  } catch (e) {
    $<HTMLButtonElement>('answer-btn').disabled = false;
    $('feedback').replaceChildren(h('p', { role: 'alert' }, e instanceof Error ? e.message : String(e)));
  }
}

function next(): void {
  closeDialog();
  if (pendingNext) {
    renderQuestion(pendingNext);
    return;
  }
  current = null;
  $('final-score').textContent = `Du fik ${lastScore.correct} af ${lastScore.answered} rigtige.`;
  renderReview();
  show('done');
  $('done-title').focus();
}

let review: ReviewItem[] = [];

/** The end screen's list of what to review: right answer, why, the sources and the chat. */
function renderReview(): void {
  const list = $('review');
  $('review-none').hidden = review.length > 0;
  $('review-title').hidden = review.length === 0;
  list.replaceChildren(
    ...review.map((r) =>
      h(
        'li',
        { 'data-question': r.questionId },
        h('strong', {}, `${r.title}: ${r.prompt}`),
        h('p', {}, `Du svarede: ${r.chosen}. Rigtigt svar: ${r.rightAnswer}.`),
        r.whyWrong ? h('p', {}, r.whyWrong) : null,
        h(
          'p',
          { class: 'links' },
          ...r.sources.map((src) => h('a', { href: src.url }, src.citation)),
          h('a', { href: r.chatUrl, class: 'ask' }, 'Spørg Hjemmel om dette'),
        ),
      ),
    ),
  );
}

function init(): void {
  $('setup').addEventListener('submit', (e) => void start(e as SubmitEvent));
  $('answer-form').addEventListener('submit', (e) => void answer(e as SubmitEvent));
  $('next-btn').addEventListener('click', next);
  $('again-btn').addEventListener('click', () => {
    review = [];
    show('setup');
    $('topic').focus();
  });
  $('feedback').addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLElement>('button[data-n]');
    if (btn) void openCitation(Number(btn.dataset['n']), btn);
  });
  $('unit-close').addEventListener('click', closeDialog);
  $('unit-dialog').addEventListener('close', () => {
    opener?.focus();
    opener = null;
  });
}

init();
