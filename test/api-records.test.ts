/**
 * Decision records (JSON and printable HTML, for evaluate and chat, per client), the incident check read off
 * the evaluator's Verdict, and journal context prefill on chat (a prefilled fact is not asked again).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { evaluate, RULES_VERSION } from '../src/rules/index.ts';
import { bearer, call, errorCode, startApiServer, type TestServer } from './api-helpers.ts';

const corpus = loadCorpus();
let srv: TestServer;
beforeAll(async () => {
  srv = await startApiServer();
});
afterAll(async () => {
  await srv.close();
});

describe('decision records', () => {
  it('records POST /api/v1/evaluate: facts, verdict, conditions, citations with source versions', async () => {
    const request = {
      measure: 'lock_own_home_exterior',
      facts: { consent: 'objects', documentedImpairment: true, impairmentCause: 'dementia' },
    };
    const r = await call(`${srv.url}/api/v1/evaluate`, { body: request });
    expect(r.status).toBe(200);
    // The Verdict itself, plus the structured deadlines read off it (dueDate, reportToCodes, complaint, todo).
    const { recordId, dueDate, reportToCodes, complaint, todo, ...verdict } = r.json;
    expect(verdict).toEqual(evaluate(request));
    expect(Array.isArray(todo)).toBe(true);
    expect(dueDate === null || typeof dueDate === 'string').toBe(true);
    expect(reportToCodes === null || Array.isArray(reportToCodes)).toBe(true);
    expect(complaint === null || typeof complaint === 'object').toBe(true);
    expect(r.headers.get('x-record-id')).toBe(String(recordId));

    const rec = (await call(`${srv.url}/api/v1/records/${recordId}`)).json;
    expect(rec).toMatchObject({
      recordId,
      kind: 'evaluate',
      measure: 'lock_own_home_exterior',
      facts: request.facts,
      outcome: verdict.outcome,
      rulesVersion: RULES_VERSION,
      corpusHash: corpus.hash,
      corpusChanged: false,
    });
    expect(rec.verdict).toEqual(verdict);
    expect(rec.conditions.map((c: { id: string }) => c.id)).toEqual(
      verdict.conditions.map((c: { id: string }) => c.id),
    );
    expect(Date.now() - Date.parse(rec.createdAt)).toBeLessThan(60_000);
    expect(rec.citations.length).toBeGreaterThan(0);
    for (const c of rec.citations) {
      const unit = corpus.unit(c.unitId)!;
      expect(unit).toBeDefined();
      const src = corpus.source(unit.sourceId);
      expect(c.source).toEqual({
        id: src.id,
        title: src.title,
        shortTitle: src.shortTitle,
        date: src.date,
        status: src.status,
      });
      if (c.quote) expect(unit.text).toContain(c.quote);
    }
  });

  it('records every chat answer under its recordId, with the session’s facts and a masked question', async () => {
    const r = await call(`${srv.url}/api/v1/chat`, {
      body: {
        message: 'Må vi holde Jens (010190-1234) fast, når han slår ud efter personalet?',
        context: { facts: { documentedImpairment: true, impairmentCause: 'other' } },
      },
    });
    expect(r.status).toBe(200);
    const rec = (await call(`${srv.url}/api/v1/records/${r.json.recordId}`)).json;
    const session = (await call(`${srv.url}/api/v1/sessions/${r.json.sessionId}`)).json;
    expect(rec.kind).toBe('chat');
    // Session ids stay out of records (issue 16).
    expect(rec.sessionId).toBeNull();
    expect(JSON.stringify(rec)).not.toContain(r.json.sessionId);
    expect(rec.question).toContain('XXXXXX-XXXX');
    expect(rec.question).not.toContain('010190');
    expect(rec.facts).toEqual(session.facts);
    expect(rec.facts).toMatchObject({ documentedImpairment: true, impairmentCause: 'other' });
    expect(rec.answer).toBe(r.json.answer);
    if (r.json.verdict) expect(rec.verdict).toEqual(r.json.verdict);
    expect(rec.citations.slice(0, r.json.citations.length).map((c: { unitId: string }) => c.unitId)).toEqual(
      r.json.citations.map((c: { unitId: string }) => c.unitId),
    );
  });

  it('records a streamed (SSE) chat answer too', async () => {
    const res = await fetch(`${srv.url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'Må vi låse hoveddøren om natten? Hun har demens.' }),
    });
    const text = await res.text();
    const final = JSON.parse(/event: final\ndata: (.+)\n/.exec(text)![1]!);
    const rec = (await call(`${srv.url}/api/v1/records/${final.recordId}`)).json;
    expect(rec.kind).toBe('chat');
    expect(rec.facts).not.toBeNull();
    expect(rec.verdict).toEqual(final.verdict ?? null);
  });

  it('prints a Danish HTML record with print CSS (Accept: text/html or ?format=html)', async () => {
    const r = await call(`${srv.url}/api/v1/evaluate`, {
      body: { measure: 'restraint', facts: { consent: 'objects', documentedImpairment: true } },
    });
    for (const init of [{ headers: { accept: 'text/html' } }, {}]) {
      const url = `${srv.url}/api/v1/records/${r.json.recordId}${'headers' in init ? '' : '?format=html'}`;
      const html = await call(url, init);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(html.text).toContain('<html lang="da">');
      expect(html.text).toContain(`Beslutningsnotat nr. ${r.json.recordId}`);
      expect(html.text).toContain('@media print');
      expect(html.text).toContain('Betingelser');
      expect(html.text).toContain(RULES_VERSION);
      expect(html.text).toContain('Hvordan forholder personen sig selv til indgrebet?');
      expect(html.text).not.toContain('<script');
    }
  });

  it('shows a record only to the client it was made for', async () => {
    const a = (await srv.keys.create({ name: 'A', origins: [] })).key;
    const b = (await srv.keys.create({ name: 'B', origins: [] })).key;
    const r = await call(`${srv.url}/api/v1/evaluate`, { body: { measure: 'restraint' }, headers: bearer(a) });
    expect((await call(`${srv.url}/api/v1/records/${r.json.recordId}`, { headers: bearer(a) })).status).toBe(200);
    const other = await call(`${srv.url}/api/v1/records/${r.json.recordId}`, { headers: bearer(b) });
    expect(other.status).toBe(404);
    expect(errorCode(other)).toBe('unknown_record');
    expect((await call(`${srv.url}/api/v1/records/${r.json.recordId}`)).status).toBe(404);
  });
});

describe('POST /api/v1/incidents/check', () => {
  const check = (body: unknown) => call(`${srv.url}/api/v1/incidents/check`, { body });

  it('reads legal basis, registration, reporting, deadline, relatives and action plan off the Verdict', async () => {
    const input = {
      measure: 'restraint',
      date: '2025-03-14',
      facts: {
        consent: 'objects',
        documentedImpairment: true,
        impairmentCause: 'other',
        riskOfHarm: true,
        setting: 'botilbud',
        actor: 'care_staff',
        justifiedByStaffing: false,
        holdMinutes: 3,
        dangerToOthers: true,
        aidsUsed: false,
        lessIntrusiveTried: true,
      },
    } as const;
    const r = await check(input);
    expect(r.status).toBe(200);
    const v = evaluate({ measure: input.measure, facts: input.facts, asOf: input.date });
    expect(r.json.verdict).toEqual(v);
    expect(r.json).toMatchObject({
      legalBasis: true,
      provision: v.provision,
      mustRegister: v.mustRegister,
      registeredBy: v.registration!.registeredBy,
      reportTo: v.registration!.reportTo,
      deadline: v.registration!.deadline,
      relativesInformed: v.registration!.relativesInformed,
      actionPlanRequired: v.actionPlanRequired,
    });
    expect(r.json.deadline).toMatch(/senest/);
    expect(r.json.recordId).toMatch(/^rec_[A-Za-z0-9_-]{22}$/);
    const rec = (await call(`${srv.url}/api/v1/records/${r.json.recordId}`)).json;
    expect(rec.kind).toBe('incident');
    expect(rec.question).toContain('2025-03-14');
  });

  it('answers legalBasis null, not true, while a condition is unknown (empty facts)', async () => {
    const r = (await check({ measure: 'restraint', date: '2026-11-30', facts: {} })).json;
    expect(r.outcome).toBe('staff_may_decide');
    expect(r.verdict.certainty).toBe('conditional');
    expect(r.legalBasis).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/kan have været lovligt/i);
    expect(r.summary).toMatch(/^Det kan have været lovligt efter SEL § 124 d, stk\. 2, hvis/);
    expect(r.summary.length).toBeLessThanOrEqual(300);
    const reg = r.todo.find((t: { text: string }) => /^Registrér/.test(t.text));
    expect(reg.due).toBe('2026-12-03');
    expect(r.todo.find((t: { text: string }) => /lederen/.test(t.text)).due).toBe('2026-12-03');
  });

  it('needs a prior decision for measures that require one', async () => {
    const base = {
      measure: 'lock_own_home_exterior',
      date: '2025-06-01',
      facts: { consent: 'objects', documentedImpairment: true, impairmentCause: 'dementia' },
    };
    const unknown = (await check(base)).json;
    expect(unknown.outcome).toBe('requires_municipal_decision');
    expect(unknown.legalBasis).toBeNull();
    expect(unknown.warnings.join(' ')).toContain('decisionExists');
    const without = (await check({ ...base, decisionExists: false })).json;
    expect(without.legalBasis).toBe(false);
    expect(without.warnings.join(' ')).toMatch(/kræver en forudgående afgørelse fra kommunalbestyrelsen/);
    expect((await check({ ...base, decisionExists: true })).json.legalBasis).toBeNull();
    const full = {
      ...base,
      facts: {
        ...base.facts,
        justifiedByStaffing: false,
        locksPersonIn: false,
        riskOfHarm: true,
        unlockedAccessRemains: true,
        locksIndoorCommonAreas: false,
        setting: 'botilbud',
        actor: 'care_staff',
        lessIntrusiveTried: true,
      },
    };
    expect((await check({ ...full, decisionExists: true })).json.legalBasis).toBe(true);
  });

  it('with a decision: no legal basis when the person objected (posture belt) or the decision had expired', async () => {
    const facts = {
      documentedImpairment: true,
      impairmentCause: 'other',
      actor: 'care_staff',
      setting: 'botilbud',
      beltDevice: 'fabric_belt_or_similar',
      riskOfHarm: true,
    };
    const objected = (
      await check({
        measure: 'fabric_belt',
        date: '2026-03-01',
        decisionExists: true,
        facts: { ...facts, beltReason: 'sitting_posture', consent: 'objects', decisionDate: '2025-09-01' },
      })
    ).json;
    expect(objected.legalBasis).toBe(false);
    expect(objected.verdict.decisionUse.status).toBe('objection');
    expect(objected.summary).toMatch(/^Der var ikke hjemmel i afgørelsen/);
    expect(objected.todo.find((t: { due?: string }) => t.due)?.due).toBe('2026-03-04');
    const expired = (
      await check({
        measure: 'fabric_belt',
        date: '2026-03-01',
        facts: { ...facts, beltReason: 'fall', consent: 'objects', decisionExists: true, decisionDate: '2024-03-01' },
      })
    ).json;
    expect(expired.legalBasis).toBe(false);
    expect(expired.verdict.decisionUse.status).toBe('expired');
    expect(expired.warnings.join(' ')).toMatch(/udløbet/);
  });

  it('says when there was no legal basis, and refuses dates before the rules’ period', async () => {
    const facts = {
      consent: 'objects',
      documentedImpairment: true,
      impairmentCause: 'other',
      beltReason: 'restlessness',
    };
    const no = (await check({ measure: 'fabric_belt', date: '2025-05-02', facts })).json;
    expect(no.verdict.outcome).toBe('not_permitted');
    expect(no.legalBasis).toBe(false);
    expect(no.warnings.length).toBeGreaterThan(0);
    const old = await check({ measure: 'restraint', date: '2020-01-01' });
    expect(old.status).toBe(422);
    expect(errorCode(old)).toBe('rules_period');
  });
});

describe('journal context prefill on chat', () => {
  it('does not ask for a fact the journal already gave', async () => {
    const message = 'Må vi flytte ham til et andet botilbud?';
    const bare = (await call(`${srv.url}/api/v1/chat`, { body: { message } })).json;
    expect(bare.followUp).toBeDefined();
    const asked = bare.followUp.fact as string;

    const known = { consent: 'objects', documentedImpairment: true, impairmentCause: 'dementia' } as const;
    expect(Object.keys(known)).toContain(asked);
    let r = (
      await call(`${srv.url}/api/v1/chat`, {
        body: { message, context: { measure: 'relocation', facts: known } },
      })
    ).json;
    expect(r.verdict.measure).toBe('relocation');
    const session = (await call(`${srv.url}/api/v1/sessions/${r.sessionId}`)).json;
    expect(session.facts).toMatchObject(known);
    // Follow the conversation: none of the prefilled facts is ever asked.
    for (let turn = 0; turn < 8 && r.followUp; turn++) {
      expect(Object.keys(known)).not.toContain(r.followUp.fact);
      r = (
        await call(`${srv.url}/api/v1/chat`, {
          body: { sessionId: r.sessionId, message: r.followUp.options[0].label },
        })
      ).json;
    }
  });
});
