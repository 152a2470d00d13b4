import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus/index.ts';
import { evaluate } from '../src/rules/index.ts';
import { type FakeOpenAI, startFakeOpenAI } from './helpers/fake-openai.ts';
import { postJson, startTestServer } from './helpers/server.ts';

const corpus = loadCorpus();
type Srv = Awaited<ReturnType<typeof startTestServer>>;

function expectVerbatimCitations(citations: Array<{ unitId: string; quote: string; n: number }>) {
  citations.forEach((c, i) => {
    expect(c.n).toBe(i + 1);
    const unit = corpus.unit(c.unitId);
    expect(unit, c.unitId).toBeDefined();
    expect(unit!.text.includes(c.quote), `${c.unitId}: ${c.quote}`).toBe(true);
  });
}

describe('POST /api/v1/chat (offline)', () => {
  let srv: Srv;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => {
    await srv.close();
  });
  const chat = (body: unknown, headers?: Record<string, string>) => postJson(`${srv.url}/api/v1/chat`, body, headers);

  it('states the rule data below the quoted summary of an informational question of a known kind', async () => {
    const { json } = await chat({ message: 'Hvor lang tid kan en tilladelse til stofsele gælde?' });
    expect(json.route).toBe('retrieval');
    expect(json.answer).toMatch(/\*\*Efter reglerne:\*\* Stofseler: en afgørelse kan højst gælde 18 måneder/);
    expect(json.answer.indexOf('Efter reglerne')).toBeGreaterThan(json.answer.indexOf('Kort fortalt'));
    expectVerbatimCitations(json.citations);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    const ready = await (await fetch(`${srv.url}/readyz`)).json();
    expect(ready.corpusHash).toBe(corpus.hash);
  });

  it('sends a "må vi" question through the rule evaluator and returns its verdict unchanged', async () => {
    const message = 'Må vi spænde ham fast i kørestolen med en sele, fordi han er urolig? Han har autisme.';
    const { status, json } = await chat({ message });
    expect(status).toBe(200);
    expect(json.route).toBe('rule_evaluator');
    expect(json.verdict.measure).toBe('fabric_belt');
    expect(json.verdict.outcome).toBe('not_permitted');
    // The verdict is the evaluator's own, for the facts the session holds.
    const session = await (await fetch(`${srv.url}/api/v1/sessions/${json.sessionId}`)).json();
    expect(json.verdict).toEqual(evaluate({ measure: 'fabric_belt', facts: session.facts }));
    expect(json.answer).toContain('Ikke tilladt');
    expectVerbatimCitations(json.citations);
    for (const m of json.answer.matchAll(/\[(\d+)\]/g)) expect(Number(m[1])).toBeLessThanOrEqual(json.citations.length);
  });

  it('answers an incident that already happened retrospectively, with to-dos dated from the incident', async () => {
    const { json } = await chat({
      message: 'Vi holdt Lone fast i går i 5 minutter, fordi hun ville slå en anden beboer. Hvad skal vi gøre nu?',
    });
    expect(json.verdict.measure).toBe('restraint');
    expect(json.summary).toMatch(/^Det kan have været lovligt efter SEL § 124 d, stk\. 2, hvis/);
    expect(json.answer).not.toMatch(/Brug kun indgrebet, når/);
    const d = new Date();
    d.setUTCDate(d.getUTCDate() - 1 + 3);
    const reg = json.todo.find((t: { text: string }) => /^Registrér/.test(t.text));
    expect(reg.due).toBe(d.toISOString().slice(0, 10));
    expect(json.todo.some((t: { text: string }) => /lederen/.test(t.text))).toBe(true);
    // The minutes and the danger to another resident are facts the session holds; nobody asks how long she was
    // "låst inde eller afskærmet".
    const session = await (await fetch(`${srv.url}/api/v1/sessions/${json.sessionId}`)).json();
    expect(session.facts).toMatchObject({ holdMinutes: 5, dangerToOthers: true });
    expect(JSON.stringify(json)).not.toMatch(/låst inde eller afskærmet/);
  });

  it('reads act-specific wording against the measure the ranking chose, when the lexicon named none', async () => {
    const { json } = await chat({ message: 'Brevet er fra hans advokat, det føles tykt. Må vi åbne det?' });
    if (json.verdict?.measure !== 'check_post') return expect(json.followUp?.options.length).toBeLessThanOrEqual(4);
    const session = await (await fetch(`${srv.url}/api/v1/sessions/${json.sessionId}`)).json();
    expect(session.facts.protectedCorrespondent).toBe(true);
  });

  it('asks how long a hold lasted in minutes, not how long the person was locked in', async () => {
    const { json } = await chat({
      message: 'Vi holdt en beboer med demens fast på bostedet, han modsatte sig. Var det i orden?',
      context: { facts: { justifiedByStaffing: false } },
    });
    expect(json.verdict.measure).toBe('restraint');
    const asked = [json.followUp?.fact, ...(json.verdict.missingFacts ?? []).map((m: { fact: string }) => m.fact)];
    expect(asked).toContain('holdMinutes');
    expect(asked).not.toContain('hours');
    const minutes = json.verdict.missingFacts.find((m: { fact: string }) => m.fact === 'holdMinutes');
    expect(minutes.question).toMatch(/minutter/);
  });

  it('answers "may we use our decision now?" from the evaluator: § 128, stk. 2 by the ground, and its date', async () => {
    const { json } = await chat({
      message: 'vi har en afgørelse om sele pga. faldrisiko; i dag brokker han sig – må vi spænde den?',
    });
    expect(json.verdict.measure).toBe('fabric_belt');
    const session = await (await fetch(`${srv.url}/api/v1/sessions/${json.sessionId}`)).json();
    expect(session.facts).toMatchObject({ decisionExists: true, beltReason: 'fall', consent: 'objects' });
    expect(json.verdict).toEqual(evaluate({ measure: 'fabric_belt', facts: session.facts }));
    expect(json.verdict.decisionUse.allowed).toBe(true);
    expect(json.answer).toMatch(/^\*\*Ja, inden for afgørelsen\*\*/);
    expect(json.summary).toMatch(/^Ja, inden for afgørelsen/);
    expect(json.summary).toContain('Ved faldrisiko må selen bruges, selv om personen modsætter sig');
    expect(json.answer).not.toMatch(/Kræver afgørelse fra kommunalbestyrelsen|Uden afgørelse må/);
    // It asks for the decision's date; an old one has expired (18 months).
    expect(json.followUp.fact).toBe('decisionDate');
    const next = (await chat({ sessionId: json.sessionId, message: 'den er fra 1. marts 2024' })).json;
    expect(next.verdict.decisionUse).toMatchObject({ allowed: false, status: 'expired', decisionDate: '2024-03-01' });
    expect(next.summary).toMatch(/^Nej, afgørelsen fra 1\. marts 2024 er udløbet/);

    const posture = (
      await chat({
        message: 'Vi har en afgørelse om sele pga. siddestilling; i dag brokker hun sig. Må vi spænde den?',
      })
    ).json;
    expect(posture.verdict.decisionUse).toMatchObject({ allowed: false, status: 'objection' });
    expect(posture.summary).toMatch(/^Nej, når personen modsætter sig, må selen ikke bruges/);

    // A decision mentioned without saying there is one: asked.
    const asked = (await chat({ message: 'Må vi bruge stofselen, som kommunen har givet afgørelse om?' })).json;
    expect(asked.followUp.fact).toBe('decisionExists');
  });

  it('leads with a short summary and dated to-dos; details and every source stay available', async () => {
    const { json } = await chat({ message: 'Må vi give medicin skjult i yoghurten?' });
    expect(json.verdict.outcome).toBe('not_permitted');
    expect(json.summary).toMatch(/^Nej\./);
    expect(json.summary.length).toBeLessThanOrEqual(300);
    expect(json.summary).toContain(
      'Må ikke bruges. Er det sket, skal det registreres straks og senest 3 dage efter og indberettes til lederen.',
    );
    expect(json.answer).not.toMatch(/skal ikke registreres/i);
    expect(json.answer.indexOf(json.summary)).toBeLessThan(200);
    const today = new Date().toISOString().slice(0, 10);
    const due = json.todo.find((t: { due?: string }) => t.due)?.due;
    expect(due).toBeDefined();
    expect(Date.parse(due) - Date.parse(today)).toBe(3 * 86_400_000);
    expect((json.answer.match(/\[\d+\]/g) ?? []).length).toBeLessThanOrEqual(5);
    expect(json.details).toMatch(/Næste skridt/);
    for (const m of json.details.matchAll(/\[(\d+)\]/g))
      expect(Number(m[1])).toBeLessThanOrEqual(json.citations.length);
  });

  it('asks for the decisive missing fact, takes the answer and recomputes on a correction', async () => {
    const first = await chat({ message: 'Må vi holde hende fast, mens vi børster hendes tænder? Hun modsætter sig.' });
    expect(first.json.verdict.measure).toBe('hygiene_restraint');
    expect(first.json.verdict.outcome).toBe('needs_more_facts');
    expect(first.json.followUp.fact).toBe('impairmentCause');
    expect(first.json.followUp.options.length).toBeGreaterThan(1);
    const sessionId = first.json.sessionId;

    const second = await chat({ sessionId, message: 'Ja, hun har demens' });
    expect(second.json.sessionId).toBe(sessionId);
    expect(second.json.verdict.provision).toBe('SEL § 136 c');
    expect(second.json.verdict.outcome).toBe('staff_may_decide');

    const third = await chat({ sessionId, message: 'nej, hun har ikke demens, hun er udviklingshæmmet' });
    expect(third.json.route).toBe('rule_evaluator');
    expect(third.json.verdict.provision).not.toBe('SEL § 136 c');
    const state = await (await fetch(`${srv.url}/api/v1/sessions/${sessionId}`)).json();
    expect(state.facts.impairmentCause).toBe('other');
  });

  it('answers a quick-reply option value for the follow-up', async () => {
    const first = await chat({ message: 'Må vi holde ham fast, når vi skifter hans ble? Han slår ud efter os.' });
    expect(first.json.followUp?.fact).toBe('impairmentCause');
    const option = first.json.followUp.options.find((o: { value: unknown }) => o.value === 'dementia');
    const second = await chat({ sessionId: first.json.sessionId, message: option.label });
    expect(second.json.verdict.provision).toBe('SEL § 136 c');
  });

  it('answers informational questions from retrieval with verbatim, cited quotes', async () => {
    const { json } = await chat({ message: 'Hvad står der i bekendtgørelsen om lydmonitorering?' });
    expect(json.route).toBe('retrieval');
    expect(json.verdict).toBeUndefined();
    expect(json.citations.length).toBeGreaterThan(0);
    expectVerbatimCitations(json.citations);
  });

  it('politely declines questions outside its scope', async () => {
    const { json } = await chat({ message: 'Hvad bliver vejret i morgen?' });
    expect(json.route).toBe('out_of_scope');
    expect(json.citations).toEqual([]);
    expect(json.answer).toMatch(/magtanvendelse/);
  });

  it('streams with server-sent events: deltas that add up to the final answer', async () => {
    const res = await fetch(`${srv.url}/api/v1/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: 'Må vi låse hoveddøren om natten? Hun har demens og bor på et botilbud.' }),
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const raw = await res.text();
    const events = raw
      .trim()
      .split('\n\n')
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null'),
      }));
    const deltas = events.filter((e) => e.event === 'delta');
    const final = events.at(-1)!;
    expect(deltas.length).toBeGreaterThan(1);
    expect(final.event).toBe('final');
    expect(deltas.map((d) => d.data.text).join('')).toBe(final.data.answer);
    expect(final.data.verdict.measure).toBe('lock_own_home_exterior');
  });

  it('rejects bad input with 400/404 and a clear message, losing nothing', async () => {
    const first = await chat({ message: 'Må vi låse terrassedøren? Han har en hjerneskade og bor på et botilbud.' });
    const sessionId = first.json.sessionId;
    const bad = [
      await chat('{"message": "ikke færdig', {}),
      await chat({}),
      await chat({ message: '   ' }),
      await chat({ message: 'x'.repeat(4001) }),
      await chat({ message: 42 }),
    ];
    for (const b of bad) {
      expect(b.status).toBe(400);
      expect(b.json.error.message.length).toBeGreaterThan(10);
      expect(b.json.error.code).toBeTruthy();
    }
    const unknown = await chat({ sessionId: 'findes-ikke', message: 'Må vi låse døren?' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('unknown_session');
    // The session is intact after the bad requests.
    const state = await (await fetch(`${srv.url}/api/v1/sessions/${sessionId}`)).json();
    expect(state.turns).toHaveLength(2);
    expect(state.measure).toBe('lock_own_home_exterior');
  });

  it('never stores or logs a raw CPR number', async () => {
    const { json } = await chat({ message: 'Må vi låse hoveddøren for borger 010190-1234, der har demens?' });
    expect(json.route).toBe('rule_evaluator');
    const db = new Database(srv.dbPath, { readonly: true });
    const dump = JSON.stringify([db.prepare('SELECT * FROM audit').all(), db.prepare('SELECT * FROM sessions').all()]);
    db.close();
    expect(dump).not.toContain('010190-1234');
    expect(dump).toContain('XXXXXX-XXXX');
  });
});

describe('sessions survive a restart', () => {
  it('continues a conversation on a new server process with the same database', async () => {
    const a = await startTestServer();
    const first = await postJson(`${a.url}/api/v1/chat`, {
      message: 'Må vi holde ham fast under tandbørstning? Han nægter.',
    });
    expect(first.json.followUp.fact).toBe('impairmentCause');
    await a.close();
    const b = await startTestServer({ dbPath: a.dbPath });
    const second = await postJson(`${b.url}/api/v1/chat`, {
      sessionId: first.json.sessionId,
      message: 'Han har demens',
    });
    expect(second.status).toBe(200);
    expect(second.json.verdict.provision).toBe('SEL § 136 c');
    await b.close();
  });
});

describe('with an LLM configured', () => {
  let fake: FakeOpenAI;
  let srv: Srv;
  afterAll(async () => {
    await srv?.close();
    await fake?.close();
  });

  it('a hostile model that says "Ja, det er lovligt" and invents citations changes nothing', async () => {
    fake = await startFakeOpenAI((req) =>
      req.body.response_format
        ? JSON.stringify({
            route: 'rule_evaluator',
            measure: 'house_rules',
            facts: [{ fact: 'consent', value: 'given', evidence: 'hun siger ja' }],
          })
        : 'Ja, det er lovligt. Det fremgår af "SEL § 999, stk. 9: alt er tilladt" [7] og [12].',
    );
    srv = await startTestServer({ env: { OPENAI_BASE_URL: fake.baseURL, OPENAI_API_KEY: 'test' } });
    const message = 'Må vi spænde ham fast i kørestolen med en sele, fordi han er urolig? Han har autisme.';
    const withLlm = await postJson(`${srv.url}/api/v1/chat`, { message });
    const offline = await startTestServer();
    const without = await postJson(`${offline.url}/api/v1/chat`, { message });
    await offline.close();

    expect(fake.requests.length).toBeGreaterThanOrEqual(2); // it was asked
    expect(withLlm.json.verdict).toEqual(without.json.verdict);
    expect(withLlm.json.verdict.outcome).toBe('not_permitted');
    expect(withLlm.json.answer).toBe(without.json.answer);
    expect(withLlm.json.answer).not.toMatch(/Ja, det er lovligt|SEL § 999/);
    expect(withLlm.json.citations).toEqual(without.json.citations);
    expect(await srv.state.services!.store.counters.get('llm_answer_rejected')).toBeGreaterThanOrEqual(1);
  });

  it('uses a well-behaved explanation, keeping the verdict block verbatim', async () => {
    const good = await startFakeOpenAI((req) =>
      req.body.response_format
        ? JSON.stringify({ route: 'rule_evaluator', measure: null, facts: [] })
        : 'Uddraget forklarer, hvornår en stofsele kan komme på tale, og hvad formålet skal være [1].',
    );
    const s = await startTestServer({ env: { OPENAI_BASE_URL: good.baseURL, OPENAI_API_KEY: 'test' } });
    const message =
      'Må vi bruge en stofsele i kørestolen, så hun ikke falder? Hun har en hjerneskade og bor på botilbud.';
    const { json } = await postJson(`${s.url}/api/v1/chat`, { message });
    const offline = await startTestServer();
    const ref = await postJson(`${offline.url}/api/v1/chat`, { message });
    await offline.close();
    expect(json.verdict).toEqual(ref.json.verdict);
    expect(json.answer).toContain('**Forklaring:** Uddraget forklarer');
    expect(json.answer.startsWith(ref.json.answer.split('\n\n')[0])).toBe(true);
    await s.close();
    await good.close();
  });

  it('falls back to the offline answer when the model times out', async () => {
    const slow = await startFakeOpenAI(() => ({ delayMs: 3000, content: 'for sent [1]' }));
    const s = await startTestServer({
      env: { OPENAI_BASE_URL: slow.baseURL, OPENAI_API_KEY: 'test', HJEMMEL_LLM_TIMEOUT_MS: '300' },
    });
    const message = 'Må vi låse hoveddøren om natten? Hun har demens og bor på et botilbud.';
    const { status, json } = await postJson(`${s.url}/api/v1/chat`, { message });
    expect(status).toBe(200);
    expect(json.verdict.measure).toBe('lock_own_home_exterior');
    expect(json.answer).not.toContain('for sent');
    await s.close();
    await slow.close();
  });
});
