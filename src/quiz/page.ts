/**
 * Server-rendered HTML for the quiz page (`/quiz`, driven by /quiz/quiz.js) and the manager view
 * (`/quiz/leder`). Danish, system fonts only, no external requests (the pages use the web mount's CSP).
 */
import type { Unit } from '../corpus/index.ts';
import { esc } from '../web/pages.ts';
import type { Scenario } from './bank.ts';
import { KIND_PROMPT, QUESTION_KINDS, type QuestionKind } from './questions.ts';
import type { QuizService } from './service.ts';
import type { AnswerFilter } from './store.ts';

const STYLE = `
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; }
[hidden] { display: none !important; }
header.top { padding: 10px 16px; background: #0b3d6b; color: #fff; }
header.top a { color: #fff; }
header.top h1 { margin: 0; font-size: 1.3rem; }
main { max-width: 46rem; margin: 0 auto; padding: 16px; }
main.wide { max-width: 72rem; }
a { color: #0a58a8; }
:focus-visible { outline: 3px solid #b04a00; outline-offset: 2px; }
fieldset { margin: 0 0 12px; padding: 10px 12px; border: 1px solid #b7bec8; border-radius: 8px; min-width: 0; }
legend { font-weight: 700; padding: 0 4px; }
label { display: block; }
select, button { font: inherit; }
select { width: 100%; min-height: 44px; margin: 4px 0 12px; padding: 6px 8px; border: 1px solid #6b7783; border-radius: 6px; background: #fff; color: #1a1a1a; }
.btn { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; padding: 8px 16px; cursor: pointer;
  color: #fff; background: #0b5cad; border: 2px solid #0b5cad; border-radius: 8px; font-weight: 600; }
.btn:hover { background: #0b3d6b; border-color: #0b3d6b; }
.btn.secondary { color: #0b3d6b; background: #fff; border-color: #0b3d6b; }
.btn:disabled { cursor: not-allowed; color: #4a525b; background: #e3e7ec; border-color: #b7bec8; }
.progress { margin: 0 0 8px; font-size: 0.95rem; color: #2b2f33; }
.scenario { padding: 12px 14px; margin: 0 0 12px; background: #f4f6f9; border: 1px solid #d5dbe3; border-radius: 8px; }
.scenario h2 { margin: 0 0 6px; font-size: 1.15rem; }
.scenario p { margin: 0 0 6px; }
.scenario .src { font-size: 0.85rem; color: #3b4148; margin: 0; }
.repeat { display: inline-block; margin-bottom: 6px; padding: 0 8px; font-size: 0.85rem; font-weight: 700; color: #6e3d00; background: #fff3df; border: 1px solid #8f4f00; border-radius: 999px; }
.options { display: flex; flex-direction: column; gap: 6px; }
.opt { display: flex; align-items: flex-start; gap: 10px; padding: 8px 10px; min-height: 44px; border: 1px solid #b7bec8; border-radius: 8px; cursor: pointer; background: #fff; overflow-wrap: anywhere; }
.opt:hover { background: #eef3f9; }
.opt input { flex: none; width: 20px; height: 20px; margin: 2px 0 0; accent-color: #0b5cad; }
.opt.right { border: 2px solid #1d6b36; background: #e7f4eb; }
.opt.wrong { border: 2px solid #a3211a; background: #fdecea; }
.opt .tag { font-weight: 700; margin-left: 6px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.feedback { margin: 12px 0; }
.verdict { padding: 10px 12px; border-radius: 8px; border: 2px solid; }
.verdict.ok { border-color: #1d6b36; background: #e7f4eb; }
.verdict.no { border-color: #a3211a; background: #fdecea; }
.verdict h3 { margin: 0 0 6px; font-size: 1.1rem; }
.verdict p { margin: 0 0 6px; }
.verdict ul { margin: 0 0 6px; padding-left: 1.2em; }
.verdict li { margin: 2px 0; }
.cite { display: inline-flex; align-items: center; justify-content: center; min-width: 1.9em; min-height: 1.9em; margin: 0 2px; padding: 0 0.35em;
  font: inherit; font-size: 0.85em; font-weight: 700; line-height: 1; color: #0b3d6b; background: #dbe8f6; border: 1px solid #5f87b3; border-radius: 999px; cursor: pointer; }
.cite:hover { background: #c2d7ef; }
.sources { margin: 8px 0 0; padding: 0; list-style: none; font-size: 0.92rem; }
.sources li { margin: 4px 0; }
.srcbtn { font: inherit; text-align: left; color: #0a58a8; background: none; border: 0; padding: 2px 0; text-decoration: underline; cursor: pointer; }
.score { font-size: 1.2rem; font-weight: 700; }
.opt .detail { display: block; font-size: 0.85rem; color: #3b4148; }
.sources .quote { display: block; margin: 2px 0 6px; font-style: italic; }
details { margin: 8px 0 0; }
details summary { cursor: pointer; font-weight: 600; min-height: 32px; }
.details li { margin: 4px 0; }
.details li.cond.unmet::before { content: '❌ '; }
.details li.cond.met::before { content: '✅ '; }
.details li.cond.unknown::before { content: '❔ '; }
.srclink { margin-left: 6px; font-size: 0.9rem; }
.review { padding-left: 1.2em; }
.review li { margin: 0 0 12px; }
.review p { margin: 2px 0; }
.review .links a { margin-right: 12px; }
dialog { width: min(40rem, calc(100vw - 24px)); max-height: calc(100vh - 48px); padding: 0; border: 1px solid #6b7783; border-radius: 10px; }
dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
.dlg-head { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: #0b3d6b; color: #fff; position: sticky; top: 0; }
.dlg-head h2 { margin: 0; font-size: 1.05rem; flex: 1; }
.dlg-head .btn { min-height: 36px; padding: 4px 12px; background: transparent; border-color: #fff; }
.dlg-head :focus-visible { outline-color: #fff; }
.dlg-body { padding: 12px; overflow-wrap: anywhere; }
.dlg-body blockquote { margin: 0 0 10px; padding: 6px 10px; border-left: 4px solid #0b3d6b; background: #f4f6f9; }
.dlg-body .full { white-space: pre-wrap; }
.note { padding: 8px 12px; background: #f1f4f8; border-left: 4px solid #0b3d6b; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; font-size: 0.95rem; }
caption { text-align: left; font-weight: 700; margin: 16px 0 8px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #d5dbe3; }
th { background: #f1f4f8; }
td.num, th.num { text-align: right; }
.table { overflow-x: auto; }
.track { display: inline-block; width: 80px; height: 0.9em; border: 1px solid #4a525b; background: #fff; vertical-align: middle; margin-right: 6px; }
.track .fill { display: block; height: 100%; background: #0b5cad; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; margin: 0 0 12px; }
.filters label { display: flex; flex-direction: column; font-weight: 600; }
.filters input, .filters select { min-height: 44px; margin: 4px 0 0; font: inherit; }
.fulltext { white-space: pre-wrap; }
@media (max-width: 400px) { main { padding: 10px; } .actions .btn { width: 100%; } }
`;

function doc(title: string, body: string, script = ''): string {
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
${script}
</head>
<body>
${body}
</body>
</html>`;
}

const LEVELS = [
  ['', 'Alle niveauer'],
  ['1', 'Niveau 1: grundlæggende'],
  ['2', 'Niveau 1-2: øvet'],
  ['3', 'Niveau 1-3: erfaren'],
];

export function quizPage(service: QuizService): string {
  const topics = service
    .topics()
    .topics.map((t) => {
      const wait = t.waiting && !t.scenarios ? ' (kommer snart)' : '';
      return `<option value="${esc(t.id)}"${t.questions ? '' : ' disabled'}>${esc(t.label)}${wait}</option>`;
    })
    .join('');
  const lengths = [5, 10, 15, 20, 30].map((n) => `<option value="${n}"${n === 10 ? ' selected' : ''}>${n}</option>`);
  return doc(
    'Quiz om magtanvendelse – Hjemmel',
    `<header class="top"><h1>Quiz om magtanvendelse</h1></header>
<main id="main">
  <section id="setup-view" aria-labelledby="setup-title">
    <h2 id="setup-title">Træn reglerne med korte scenarier</h2>
    <p>Hvert spørgsmål bygger på en situation fra hverdagen. Svaret vurderes af Hjemmels regelmotor, og forklaringen har kilder, du kan åbne.</p>
    <form id="setup">
      <fieldset>
        <legend>Vælg din quiz</legend>
        <label for="topic">Emne</label>
        <select id="topic" name="topic"><option value="">Alle emner</option>${topics}</select>
        <label for="length">Antal spørgsmål</label>
        <select id="length" name="length">${lengths.join('')}</select>
        <label for="level">Niveau</label>
        <select id="level" name="level">${LEVELS.map(([v, l]) => `<option value="${v}">${esc(l)}</option>`).join('')}</select>
        <button class="btn" type="submit">Start quiz</button>
      </fieldset>
    </form>
    <p class="note">Dine svar gemmes under et tilfældigt deltager-id i denne browser, så spørgsmål, du svarer forkert på, kommer igen. Der gemmes ingen personoplysninger.</p>
    <p id="setup-error" role="alert" hidden></p>
  </section>

  <section id="quiz-view" aria-labelledby="q-title" hidden>
    <p class="progress" id="progress"></p>
    <article class="scenario">
      <span class="repeat" id="repeat" hidden>Gentagelse: du svarede forkert på det sidst</span>
      <h2 id="q-title" tabindex="-1"></h2>
      <p id="story"></p>
      <p class="src" id="q-source"></p>
    </article>
    <form id="answer-form">
      <fieldset>
        <legend id="q-prompt"></legend>
        <div class="options" id="options"></div>
      </fieldset>
      <div class="actions">
        <button class="btn" type="submit" id="answer-btn">Svar</button>
        <button class="btn" type="button" id="next-btn" hidden>Næste spørgsmål</button>
      </div>
    </form>
    <div class="feedback" id="feedback" aria-live="polite"></div>
  </section>

  <section id="done-view" aria-labelledby="done-title" hidden>
    <h2 id="done-title" tabindex="-1">Quizzen er slut</h2>
    <p class="score" id="final-score"></p>
    <h3 id="review-title">Det skal du repetere</h3>
    <p id="review-none" hidden>Du svarede rigtigt på alle spørgsmål.</p>
    <ol class="review" id="review"></ol>
    <p>Spørgsmål, du svarede forkert på, kommer igen i din næste quiz (markeret som gentagelse).</p>
    <div class="actions"><button class="btn" type="button" id="again-btn">Ny quiz</button></div>
  </section>

  <dialog id="unit-dialog" aria-labelledby="unit-title">
    <div class="dlg-head"><h2 id="unit-title" tabindex="-1">Kilde</h2><button class="btn" type="button" id="unit-close">Luk</button></div>
    <div class="dlg-body" id="unit-body"></div>
  </dialog>
</main>`,
    '<script src="/quiz/quiz.js" defer></script>',
  );
}

function pct(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** A share as a bar: an outlined 80 px track, so 0 % is visible as an empty track. */
function bar(share: number): string {
  return `<span class="track" aria-hidden="true"><span class="fill" style="width:${Math.round(share * 100)}%"></span></span>`;
}

function query(f: AnswerFilter): string {
  const p = new URLSearchParams();
  for (const k of ['scenario', 'kind', 'from', 'to'] as const) if (f[k]) p.set(k, f[k]!);
  const q = p.toString();
  return q ? `?${q}` : '';
}

export async function managerPage(service: QuizService, filter: AnswerFilter = {}): Promise<string> {
  const s = await service.stats(filter);
  const row = (cells: string[], r: { answers: number; shareCorrect: number; learners: number }) =>
    `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}<td class="num">${r.answers}</td><td class="num">${r.learners}</td><td class="share">${bar(r.shareCorrect)}${pct(r.shareCorrect)}</td></tr>`;
  const head = (cols: string[]) =>
    `<tr>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}<th scope="col" class="num">Svar</th><th scope="col" class="num">Deltagere</th><th scope="col">Andel rigtige</th></tr>`;
  const empty = (n: number) =>
    `<tr><td colspan="${n}">Ingen svar${filter.from || filter.to || filter.scenario || filter.kind ? ' med disse filtre' : ' endnu'}.</td></tr>`;
  const byRule = [...s.byRule].sort((a, b) => a.shareCorrect - b.shareCorrect);
  const byScenario = [...s.byScenario].sort(
    (a, b) => a.shareCorrect - b.shareCorrect || a.title.localeCompare(b.title),
  );
  const scenarios = service.scenarioChoices();
  const opt = (v: string, l: string, sel?: string) =>
    `<option value="${esc(v)}"${v === (sel ?? '') ? ' selected' : ''}>${esc(l)}</option>`;
  const link = (f: AnswerFilter, text: string) => `<a href="/quiz/leder${esc(query(f))}">${esc(text)}</a>`;
  return doc(
    'Quizresultater – Hjemmel',
    `<header class="top"><h1>Quizresultater for teamet</h1></header>
<main class="wide">
  <form class="filters" method="get" action="/quiz/leder" aria-label="Filtre">
    <label>Fra <input type="date" name="from" value="${esc(filter.from ?? '')}"></label>
    <label>Til <input type="date" name="to" value="${esc(filter.to ?? '')}"></label>
    <label>Scenarie <select name="scenario">${opt('', 'Alle scenarier', filter.scenario)}${scenarios.map((x) => opt(x.id, x.title, filter.scenario)).join('')}</select></label>
    <label>Spørgsmålstype <select name="kind">${opt('', 'Alle typer', filter.kind)}${QUESTION_KINDS.map((k) => opt(k, KIND_PROMPT[k as QuestionKind], filter.kind)).join('')}</select></label>
    <button class="btn" type="submit">Vis</button> <a href="/quiz/leder">Nulstil</a>
  </form>
  <p class="note">Anonyme resultater: ingen navne eller deltager-id'er vises. ${s.total.answers} svar fra ${s.total.learners} deltagere i ${s.total.sessions} sessioner; ${pct(s.total.shareCorrect)} rigtige.
  Hent svarene med de samme filtre som <a id="csv" href="/quiz/leder/export.csv${esc(query(filter))}">CSV</a> eller alle som <a href="/quiz/leder/export.xapi.json">xAPI-statements</a> (til et læringssystem).</p>
  <div class="table"><table>
    <caption>Pr. emne</caption>
    <thead>${head(['Emne'])}</thead>
    <tbody>${s.byTopic.map((r) => row([esc(r.label)], r)).join('') || empty(4)}</tbody>
  </table></div>
  <div class="table"><table>
    <caption>Pr. regel (de sværeste først)</caption>
    <thead>${head(['Indgreb', 'Bestemmelse'])}</thead>
    <tbody>${byRule.map((r) => row([esc(r.measureTitle), esc(r.provision ?? 'ingen hjemmel')], r)).join('') || empty(5)}</tbody>
  </table></div>
  <div class="table"><table>
    <caption>Pr. spørgsmålstype</caption>
    <thead>${head(['Spørgsmål'])}</thead>
    <tbody>${s.byQuestionKind.map((r) => row([link({ ...filter, kind: r.kind }, r.prompt)], r)).join('') || empty(4)}</tbody>
  </table></div>
  <div class="table"><table id="by-scenario">
    <caption>Pr. scenarie og spørgsmålstype (de sværeste først)</caption>
    <thead>${head(['Scenarie', 'Spørgsmål'])}</thead>
    <tbody>${byScenario.map((r) => row([link({ ...filter, scenario: r.scenario }, r.title), esc(r.prompt)], r)).join('') || empty(5)}</tbody>
  </table></div>
  <p><a href="/quiz">Til quizzen</a></p>
</main>`,
  );
}

/** A cited unit as a page: citation, heading path and the full text. */
export function unitPage(unit: Unit): string {
  return doc(
    `${unit.citation} – Hjemmel`,
    `<header class="top"><h1>${esc(unit.citation)}</h1></header>
<main>
  ${unit.headingPath.length ? `<p class="src">${esc(unit.headingPath.join(' › '))}</p>` : ''}
  <p class="fulltext">${esc(unit.text)}</p>
  <p><a href="/quiz">Tilbage til quizzen</a> · <a href="/kilder">Alle kilder</a></p>
</main>`,
  );
}

/** "Spørg Hjemmel om dette": the chat element with the scenario's measure and facts as context. */
export function askPage(s: Scenario, kind: string): string {
  const prompt = (KIND_PROMPT as Record<string, string>)[kind];
  return doc(
    `Spørg Hjemmel: ${s.title}`,
    `<header class="top"><h1>Spørg Hjemmel: ${esc(s.title)}</h1></header>
<main class="ask">
  <p class="note">${esc(s.story)}${prompt ? ` <strong>Spørgsmålet var: ${esc(prompt)}</strong>` : ''} Hjemmel kender situationen; skriv dit spørgsmål, f.eks. »Hvorfor?« eller »Hvad skal vi gøre?«.</p>
  <hjemmel-chat mode="page" measure="${esc(s.request.measure)}" facts="${esc(JSON.stringify(s.request.facts))}"></hjemmel-chat>
  <p><a href="/quiz">Tilbage til quizzen</a></p>
</main>`,
    `<style>hjemmel-chat { display: block; min-height: 28rem; }</style>
<script src="/widget.js" data-launcher="false" defer></script>`,
  );
}
