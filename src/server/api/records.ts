/**
 * Decision records ("beslutningsnotater"). Every chat answer already writes an audit entry whose id is the
 * chat's `recordId`; API evaluations and incident checks write one too. Next to the audit entry this module
 * keeps a snapshot (facts, verdict, citations with the source versions of the moment) in `api_records`, so a
 * record printed for the case file or tilsyn later shows what the answer was built on, even if the corpus
 * changes.
 */
import { OUTCOME_LABEL, quoteFor, STATUS_LABEL, verdictHeadline } from '../../answer/index.ts';
import type { CorpusIndex } from '../../corpus/index.ts';
import type { TurnRecord } from '../../dialogue/index.ts';
import { keyIdOf } from '../../http/index.ts';
import { FACT_QUESTIONS, type Facts, measureInfo, RULES_VERSION, type Verdict } from '../../rules/index.ts';
import type { Store } from '../../store/index.ts';
import type { RecordDoc } from './schemas.ts';

/** A record as stored: the print link is added per request (it expires). */
export type StoredRecord = Omit<RecordDoc, 'print'>;
type RecordKind = RecordDoc['kind'];
type RecordCitation = RecordDoc['citations'][number];

interface Snapshot {
  /** Key id of the client the record was made for (null: anonymous local use). */
  owner: string | null;
  /** The browser token the record was made with (null: none): only that token may read it. */
  tokenId?: string | null;
  question: string | null;
  measure: string | null;
  facts: Partial<Facts> | null;
  verdict: Verdict | null;
  citations: RecordCitation[];
  /** The journal system's case reference (evaluate and incident checks). */
  caseRef?: string | null;
}

/** Unit ids a verdict cites (conditions, reasons, registration), in order of first appearance. */
export function verdictCitationIds(v: Verdict): string[] {
  const ids = [
    ...v.reasons.flatMap((r) => r.citations),
    ...v.conditions.flatMap((c) => c.citations),
    ...(v.registration?.citations ?? []),
    ...(v.registration?.readings?.flatMap((r) => r.citations) ?? []),
  ];
  return [...new Set(ids)];
}

/** A citation with the version of its source as the corpus holds it now. */
function cite(corpus: CorpusIndex, unitId: string, quote?: string | null, citation?: string): RecordCitation {
  const unit = corpus.unit(unitId);
  const src = unit ? corpus.sourceById.get(unit.sourceId) : undefined;
  return {
    unitId,
    citation: unit?.citation ?? citation ?? unitId,
    quote: quote ?? (unit ? quoteFor(unit) : null),
    unitStatus: unit?.status ?? null,
    source: src
      ? { id: src.id, title: src.title, shortTitle: src.shortTitle, date: src.date, status: src.status }
      : null,
  };
}

function citationsFor(
  corpus: CorpusIndex,
  answerCitations: Array<{ unitId: string; quote: string; citation: string }>,
  verdict: Verdict | null,
): RecordCitation[] {
  const out = answerCitations.map((c) => cite(corpus, c.unitId, c.quote, c.citation));
  const seen = new Set(out.map((c) => c.unitId));
  for (const id of verdict ? verdictCitationIds(verdict) : []) {
    if (seen.has(id) || !corpus.unit(id)) continue;
    seen.add(id);
    out.push(cite(corpus, id));
  }
  return out;
}

function saveSnapshot(store: Store, auditId: number, kind: RecordKind, snap: Snapshot): Promise<void> {
  return store.records.save(auditId, kind, snap);
}

/** Writes the record of an API evaluation or incident check: an audit entry plus its snapshot. Returns the id. */
export async function writeVerdictRecord(
  store: Store,
  corpus: CorpusIndex,
  input: {
    kind: 'evaluate' | 'incident';
    client: string | null;
    tokenId?: string | null;
    facts: Partial<Facts>;
    verdict: Verdict;
    question: string;
    caseRef?: string | undefined;
  },
): Promise<number> {
  const citations = citationsFor(corpus, [], input.verdict);
  const id = await store.audit.add({
    sessionId: `api:${input.client ?? 'anonym'}`,
    route: input.kind,
    measure: input.verdict.measure,
    outcome: input.verdict.outcome,
    rulesVersion: input.verdict.rulesVersion,
    corpusHash: corpus.hash,
    message: input.question,
    answer: `${verdictHeadline(input.verdict)} (${input.verdict.provision ?? 'ingen hjemmel'})`,
    citations: citations.map((c) => ({ unitId: c.unitId, citation: c.citation })),
    llm: null,
  });
  await saveSnapshot(store, id, input.kind, {
    owner: input.client,
    tokenId: input.tokenId ?? null,
    question: input.question,
    measure: input.verdict.measure,
    facts: input.facts,
    verdict: input.verdict,
    citations,
    caseRef: input.caseRef ?? null,
  });
  return id;
}

/** The records of one key with this case reference, newest first (the key's own records only). */
export async function recordsByCaseRef(
  store: Store,
  owner: string | null,
  tokenId: string | null,
  caseRef: string,
): Promise<
  Array<{ auditId: number; kind: RecordKind; createdAt: string; measure: string | null; outcome: string | null }>
> {
  // Owner and token are filtered in the query, so the limit counts only the caller's own records.
  const rows = await store.records.byCaseRef(caseRef, owner, tokenId);
  return rows.map((r) => ({
    auditId: r.id,
    kind: r.kind as RecordKind,
    createdAt: r.at,
    measure: r.measure,
    outcome: r.outcome,
  }));
}

/**
 * The conversation's `onRecord` hook: keeps the snapshot of each answered chat turn next to its audit entry
 * (wired once by the composition root, src/server/index.ts). A failure is logged, never fails the turn.
 */
export function chatRecorder(store: Store, corpus: CorpusIndex, log?: (msg: string) => void) {
  return async (r: TurnRecord): Promise<void> => {
    try {
      await saveSnapshot(store, r.recordId, 'chat', {
        owner: r.caller ? keyIdOf(r.caller) : null,
        tokenId: r.caller?.tokenId ?? null,
        question: r.question,
        measure: r.measure,
        facts: r.facts,
        verdict: r.verdict,
        citations: citationsFor(corpus, r.citations, r.verdict),
        caseRef: r.caseRef ?? null,
      });
    } catch (err) {
      log?.(`api: record snapshot failed: ${err instanceof Error ? err.name : 'error'}`);
    }
  };
}

/**
 * Who a record belongs to: the key id (null: anonymous local use, or written before this API existed) and
 * the browser token it was made with (null: none).
 */
export async function recordOwner(store: Store, id: number): Promise<{ owner: string | null; tokenId: string | null }> {
  const row = await store.records.get(id);
  return { owner: row?.owner ?? null, tokenId: row?.tokenId ?? null };
}

/** The record of audit entry `id`, shown under its opaque `recordId` (see record-id.ts). */
export async function getRecord(
  store: Store,
  corpus: CorpusIndex,
  id: number,
  recordId: string,
): Promise<StoredRecord | undefined> {
  const row = await store.audit.get(id);
  if (!row) return undefined;
  const snapRow = await store.records.get(id);
  const snap = snapRow ? (JSON.parse(snapRow.data) as Snapshot) : undefined;
  const kind: RecordKind =
    (snapRow?.kind as RecordKind | undefined) ??
    (row.route === 'evaluate' || row.route === 'incident' ? row.route : 'chat');
  const verdict = snap?.verdict ?? null;
  // Without a snapshot (an answer from before this API existed): the audit entry's own citations.
  const citations =
    snap?.citations ??
    (JSON.parse(row.citations) as Array<{ unitId: string; quote?: string; citation?: string }>).map((c) =>
      cite(corpus, c.unitId, c.quote ?? null, c.citation),
    );
  return {
    recordId,
    caseRef: snap?.caseRef ?? null,
    kind,
    createdAt: row.at,
    // Session ids stay out of records: a record may be passed on, the conversation is not.
    sessionId: null,
    question: snap?.question ?? row.message,
    measure: (snap?.measure ?? row.measure) as RecordDoc['measure'],
    facts: snap?.facts ?? null,
    verdict,
    outcome: (verdict?.outcome ?? row.outcome) as RecordDoc['outcome'],
    conditions: (verdict?.conditions ?? []).map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      citations: c.citations,
    })),
    answer: kind === 'chat' ? row.answer : null,
    citations,
    rulesVersion: row.rules_version,
    corpusHash: row.corpus_hash,
    corpusChanged: row.corpus_hash !== corpus.hash,
  };
}

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const KIND_LABEL: Record<RecordKind, string> = {
  chat: 'Svar i samtale',
  evaluate: 'Regelvurdering (API)',
  incident: 'Tjek af hændelse (API)',
};

function factRows(facts: Partial<Facts> | null, measure: string | null): string {
  if (!facts || Object.keys(facts).length === 0) return '<p>Ingen oplysninger registreret.</p>';
  const info = measure ? measureInfo(measure as Verdict['measure']) : undefined;
  const rows = Object.entries(facts).map(([k, v]) => {
    const q = info?.facts.find((f) => f.fact === k) ?? FACT_QUESTIONS[k as keyof typeof FACT_QUESTIONS];
    const label = q?.options.find((o) => o.value === v)?.label ?? String(v);
    return `<tr><th scope="row">${esc(q?.question ?? k)}</th><td>${esc(label)}</td></tr>`;
  });
  return `<table class="facts"><tbody>${rows.join('')}</tbody></table>`;
}

function markdownish(text: string): string {
  return esc(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/_(.+?)_/g, '<em>$1</em>')
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** The printable record (Danish, A4 print CSS, no scripts). */
export function renderRecordHtml(r: StoredRecord): string {
  const v = r.verdict;
  const title = `Beslutningsnotat nr. ${r.recordId}`;
  const when = new Date(r.createdAt).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' });
  const verdictBlock = v
    ? `<section><h2>Vurdering</h2>
        <p class="headline"><strong>${esc(verdictHeadline(v))}</strong> (${esc(v.provision ?? 'ingen hjemmel i serviceloven')})</p>
        <ul>${v.reasons.map((x) => `<li>${esc(x.text)} <span class="refs">${esc(x.citations.join(', '))}</span></li>`).join('')}</ul>
        ${
          v.registration && v.registration.regime !== 'none'
            ? `<h3>Registrering</h3><dl>
              <dt>Registreres af</dt><dd>${esc(v.registration.registeredBy)}</dd>
              <dt>Frist</dt><dd>${esc(v.registration.deadline)}</dd>
              <dt>Indberettes til</dt><dd>${esc(v.registration.reportTo)}</dd>
              <dt>Pårørende orienteres</dt><dd>${v.registration.relativesInformed ? 'Ja' : 'Nej'}</dd>
              </dl>${v.registration.conflict ? `<p class="warn">${esc(v.registration.conflict)}</p>` : ''}`
            : ''
        }</section>`
    : `<section><h2>Vurdering</h2><p>Ingen regelvurdering (${esc(OUTCOME_LABEL[r.outcome ?? ''] ?? 'informationsspørgsmål')}).</p></section>`;
  const conditions = r.conditions.length
    ? `<section><h2>Betingelser</h2><table><thead><tr><th>Betingelse</th><th>Status</th><th>Kilder</th></tr></thead><tbody>${r.conditions
        .map(
          (c) =>
            `<tr><td>${esc(c.text)}</td><td>${esc(STATUS_LABEL[c.status] ?? c.status)}</td><td>${esc(c.citations.join(', '))}</td></tr>`,
        )
        .join('')}</tbody></table></section>`
    : '';
  const citations = r.citations.length
    ? `<section><h2>Kilder</h2><ol class="cites">${r.citations
        .map(
          (c) =>
            `<li><strong>${esc(c.citation)}</strong> <span class="id">(${esc(c.unitId)})</span>${
              c.source
                ? `<br><span class="src">${esc(c.source.title)}, ${esc(c.source.date)}, ${esc(c.source.status)}</span>`
                : '<br><span class="src">Enheden findes ikke i det nuværende korpus.</span>'
            }${c.quote ? `<blockquote>${esc(c.quote)}</blockquote>` : ''}</li>`,
        )
        .join('')}</ol></section>`
    : '';
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
  h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; border-bottom: 1px solid #999; margin-top: 1.6rem; }
  h3 { font-size: 1rem; } table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .25rem .4rem; border-bottom: 1px solid #ddd; }
  dl { display: grid; grid-template-columns: 12rem 1fr; gap: .2rem .8rem; } dt { font-weight: 600; } dd { margin: 0; }
  blockquote { margin: .3rem 0 .6rem 1rem; padding-left: .6rem; border-left: 3px solid #bbb; color: #333; }
  .meta { color: #444; font-size: .9rem; } .warn { border: 1px solid #c60; padding: .4rem .6rem; } .id, .refs, .src { color: #555; font-size: .85rem; }
  .disclaimer { margin-top: 2rem; font-size: .85rem; color: #444; }
  @media print { body { margin: 0; max-width: none; font-size: 10pt; } a { color: inherit; text-decoration: none; } section { break-inside: avoid-page; } h2 { break-after: avoid; } @page { size: A4; margin: 18mm 16mm; } }
</style></head>
<body>
<header><h1>${esc(title)}</h1>
<p class="meta">${esc(KIND_LABEL[r.kind])} · ${esc(when)} · regelsæt ${esc(r.rulesVersion)} · korpus ${esc(r.corpusHash.slice(0, 12))}${
    r.corpusChanged ? ' (korpus er ændret siden)' : ''
  }${r.sessionId ? ` · samtale ${esc(r.sessionId)}` : ''}</p></header>
<section><h2>Spørgsmål</h2><p>${esc(r.question ?? '—')}</p>
${r.measure ? `<p><strong>Indgreb:</strong> ${esc(measureInfo(r.measure)?.title ?? r.measure)}</p>` : ''}</section>
<section><h2>Oplysninger</h2>${factRows(r.facts, r.measure)}</section>
${verdictBlock}
${conditions}
${r.answer ? `<section><h2>Svar</h2>${markdownish(r.answer)}</section>` : ''}
${citations}
<p class="disclaimer">Hjemmel giver vejledning, ikke en afgørelse. Notatet viser, hvad vurderingen byggede på (regelsæt ${esc(RULES_VERSION === r.rulesVersion ? r.rulesVersion : `${r.rulesVersion}; gældende nu: ${RULES_VERSION}`)}).</p>
</body></html>`;
}
