/**
 * Quiz API end to end on the real server: topics, sessions of a fixed length, grading by the evaluator,
 * feedback (why the choice is wrong, ≤ 80 words, ≤ 3 sentence citations), the review list, spaced
 * repetition across sessions, errors (400/404/409/422), admin-only stats with filters and exports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioById, servedScenarios } from '../src/quiz/bank.ts';
import { wordCount } from '../src/quiz/explain.ts';
import { keyedQuestion, parseQuestionId } from '../src/quiz/questions.ts';
import { evaluate } from '../src/rules/index.ts';
import { postJson, startTestServer } from './helpers/server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function getJson(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, { headers });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

const start = (body: unknown) => postJson(`${server.url}/api/v1/quiz/sessions`, body);
const answer = (sessionId: string, body: unknown) =>
  postJson(`${server.url}/api/v1/quiz/sessions/${encodeURIComponent(sessionId)}/answers`, body);

describe('quiz API', () => {
  it('lists topics with served, question and waiting counts', async () => {
    const r = await getJson('/api/v1/quiz/topics');
    expect(r.status).toBe(200);
    const ids = r.json.topics.map((t: { id: string }) => t.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'kap24',
        'kap24a',
        'kap24b',
        'velfaerdsteknologi',
        'laasning',
        'flytning',
        'registrering-og-klage',
      ]),
    );
    const total = r.json.topics.reduce((n: number, t: { scenarios: number }) => n + t.scenarios, 0);
    expect(total).toBe(servedScenarios().length);
    const reg = r.json.topics.find((t: { id: string }) => t.id === 'registrering-og-klage');
    expect(reg.questions).toBeGreaterThan(reg.scenarios);
  });

  it('starts a session with a fresh random learner id and a first question without its key', async () => {
    const r = await start({ length: 5 });
    expect(r.status).toBe(201);
    expect(r.json.learnerId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(r.json.done).toBe(false);
    expect(r.json.score).toEqual({ answered: 0, correct: 0, total: 5 });
    const q = r.json.question;
    expect(q.position).toBe(1);
    expect(q.options.length).toBeGreaterThanOrEqual(2);
    expect(q.scenario.story.length).toBeGreaterThan(20);
    expect(JSON.stringify(r.json)).not.toMatch(/correct(Option)?Id|verdict/);
    const again = await getJson(`/api/v1/quiz/sessions/${r.json.sessionId}`);
    expect(again.json.question.id).toBe(q.id);
  });

  it('grades by the evaluator and explains with verbatim, resolvable citations', async () => {
    const r = await start({ length: 3, topic: 'laasning' });
    const q = r.json.question;
    expect(servedScenarios().find((s) => s.id === q.scenario.id)!.topic).toBe('laasning');
    const a = await answer(r.json.sessionId, { questionId: q.id, optionId: q.options[0].id });
    expect(a.status).toBe(200);
    expect(q.options.map((o: { id: string }) => o.id)).toContain(a.json.correctOptionId);
    expect(a.json.correct).toBe(a.json.correctOptionId === q.options[0].id);
    const scenario = servedScenarios().find((s) => s.id === q.scenario.id)!;
    const v = evaluate(scenario.request);
    expect(a.json.explanation.summary).toContain(v.provision ?? 'ingen hjemmel');
    const right = q.options.find((o: { id: string }) => o.id === a.json.correctOptionId);
    expect(a.json.explanation.rightAnswer).toBe(right.detail ? `${right.label} (${right.detail})` : right.label);
    const reasons = a.json.explanation.details.filter((p: { kind: string }) => p.kind === 'reason');
    expect(reasons.map((p: { text: string }) => p.text)).toEqual(v.reasons.map((x) => x.text));
    expect(a.json.citations.length).toBeGreaterThan(0);
    expect(a.json.citations.length).toBeLessThanOrEqual(3);
    for (const c of a.json.citations) {
      const unit = await getJson(`/api/v1/units/${encodeURIComponent(c.unitId)}`);
      expect(unit.status, c.unitId).toBe(200);
      const text: string = unit.json.unit?.text ?? unit.json.text;
      expect(text).toContain(c.quote);
    }
    for (const n of a.json.explanation.refs) expect(a.json.citations.some((c: { n: number }) => c.n === n)).toBe(true);
    expect(a.json.next.position).toBe(2);
  });

  it('keeps the chosen length with wrong answers: 5 questions, feedback naming the choice, a review list', async () => {
    const r = await start({ length: 5 });
    expect(r.status).toBe(201);
    const sid = r.json.sessionId;
    let q = r.json.question;
    const seen: string[] = [];
    const wrong: string[] = [];
    let res: Awaited<ReturnType<typeof answer>> | undefined;
    for (let guard = 0; q && guard < 10; guard++) {
      seen.push(q.id);
      expect(q.position).toBe(seen.length);
      expect(q.total).toBe(5);
      const p = parseQuestionId(q.id)!;
      const key = keyedQuestion(scenarioById(p.scenarioId)!, p.kind)!.correctOptionId;
      const pick = q.options.find((o: { id: string }) => o.id !== key)!;
      res = await answer(sid, { questionId: q.id, optionId: pick.id });
      expect(res.json.correct).toBe(false);
      wrong.push(q.id);
      const e = res.json.explanation;
      expect(e.whyWrong).toContain(`«${pick.label}»`);
      const words = wordCount(e.whyWrong) + wordCount(e.rightAnswer) + wordCount(e.summary);
      expect(words, `${q.id}: ${e.whyWrong} | ${e.rightAnswer} | ${e.summary}`).toBeLessThanOrEqual(80);
      expect(res.json.citations.length).toBeLessThanOrEqual(3);
      for (const c of res.json.citations) expect(c.quote.split(/\s+/).length).toBeGreaterThanOrEqual(6);
      expect(e.details.length).toBeGreaterThan(0);
      expect(res.json.score.total).toBe(5);
      q = res.json.next;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(res!.json.done).toBe(true);
    expect(res!.json.review.map((x: { questionId: string }) => x.questionId)).toEqual(wrong);
    const item = res!.json.review[0];
    expect(item.chatUrl).toMatch(/^\/quiz\/spoerg\?scenarie=/);
    expect(item.sources.length).toBeGreaterThan(0);
    const session = await getJson(`/api/v1/quiz/sessions/${sid}`);
    expect(session.json.done).toBe(true);
    expect(session.json.review).toHaveLength(5);
    // The review list's links work.
    const src = await getJson(item.sources[0].url);
    expect(src.status).toBe(200);
    expect(src.text).toContain(item.sources[0].citation);
    const ask = await getJson(item.chatUrl);
    expect(ask.status).toBe(200);
    expect(ask.text).toContain('<hjemmel-chat');
    expect((await getJson('/quiz/spoerg?scenarie=nope')).status).toBe(404);
    expect((await getJson('/quiz/kilde/nope')).status).toBe(404);
  });

  it("puts a missed question first in the learner's next session, and a right answer clears it", async () => {
    let learnerId: string | undefined;
    let missed: { id: string; correctOptionId: string } | undefined;
    // The key is unknown until answered: guess the first option of new questions until one is missed.
    for (let i = 0; i < 15 && !missed; i++) {
      const r = await start({ ...(learnerId ? { learnerId } : {}), length: 1, topic: 'flytning' });
      learnerId = r.json.learnerId;
      const q = r.json.question;
      const a = await answer(r.json.sessionId, { questionId: q.id, optionId: q.options[0].id });
      if (!a.json.correct) missed = { id: q.id, correctOptionId: a.json.correctOptionId };
    }
    expect(missed).toBeDefined();
    const next = await start({ learnerId, length: 3, topic: 'flytning' });
    expect(next.json.question.id).toBe(missed!.id);
    expect(next.json.question.repeat).toBe(true);
    const right = await answer(next.json.sessionId, { questionId: missed!.id, optionId: missed!.correctOptionId });
    expect(right.json.correct).toBe(true);
    const after = await start({ learnerId, length: 1, topic: 'flytning' });
    expect(after.json.question.id).not.toBe(missed!.id);
  });

  it('rejects bad input with 400 and the shared error shape', async () => {
    for (const body of [
      {},
      { length: 0 },
      { length: 31 },
      { length: 'fem' },
      { length: 5, topic: 'x' },
      { length: 5, level: 4 },
      { length: 5, learnerId: 'a b' },
      { length: 5, extra: 1 },
    ]) {
      const r = await start(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.code).toBe('invalid_request');
      expect(typeof r.json.error.message).toBe('string');
    }
    const bad = await postJson(`${server.url}/api/v1/quiz/sessions`, '{not json');
    expect(bad.status).toBe(400);
    const s = await start({ length: 2 });
    const noOption = await answer(s.json.sessionId, { questionId: s.json.question.id, optionId: 'nope' });
    expect(noOption.status).toBe(400);
    expect(noOption.json.error.code).toBe('invalid_option');
    const missingField = await answer(s.json.sessionId, { questionId: s.json.question.id });
    expect(missingField.status).toBe(400);
    const notCurrent = await answer(s.json.sessionId, { questionId: 'kap24:is_force', optionId: 'yes' });
    expect(notCurrent.status).toBe(409);
    expect(notCurrent.json.error.details.currentQuestionId).toBe(s.json.question.id);
  });

  it('answers 404 for an unknown session and 409 once a session is done', async () => {
    const r = await answer('00000000-0000-4000-8000-000000000000', { questionId: 'a:is_force', optionId: 'yes' });
    expect(r.status).toBe(404);
    expect(r.json.error.code).toBe('unknown_quiz_session');
    expect((await getJson('/api/v1/quiz/sessions/nope')).status).toBe(404);
    const s = await start({ length: 1, topic: 'kap24a' });
    let res = await answer(s.json.sessionId, {
      questionId: s.json.question.id,
      optionId: s.json.question.options[0].id,
    });
    while (!res.json.done)
      res = await answer(s.json.sessionId, { questionId: res.json.next.id, optionId: res.json.next.options[0].id });
    const after = await answer(s.json.sessionId, { questionId: s.json.question.id, optionId: 'yes' });
    expect(after.status).toBe(409);
    expect(after.json.error.code).toBe('session_done');
  });

  it('answers 422 for a topic whose scenarios all wait for their rules', async () => {
    const topics = (await getJson('/api/v1/quiz/topics')).json.topics;
    const waitingOnly = topics.find((t: { questions: number; waiting: number }) => t.questions === 0 && t.waiting > 0);
    if (!waitingOnly) return; // kap. 24 c/d rules have landed: every topic is served
    const r = await start({ length: 5, topic: waitingOnly.id });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('no_questions');
  });

  it('reports anonymous stats per topic, rule and question kind (admin only)', async () => {
    const s = await start({ length: 1 });
    await answer(s.json.sessionId, { questionId: s.json.question.id, optionId: s.json.question.options[0].id });
    const r = await getJson('/api/v1/quiz/stats');
    expect(r.status).toBe(200);
    expect(r.json.total.answers).toBeGreaterThan(0);
    const sum = r.json.byTopic.reduce((n: number, t: { answers: number }) => n + t.answers, 0);
    expect(sum).toBe(r.json.total.answers);
    for (const row of [...r.json.byTopic, ...r.json.byRule, ...r.json.byQuestionKind]) {
      expect(row.shareCorrect).toBeGreaterThanOrEqual(0);
      expect(row.shareCorrect).toBeLessThanOrEqual(1);
      expect(row.shareCorrect).toBeCloseTo(row.correct / row.answers, 2);
    }
    expect(r.json.byRule.some((x: { measureTitle: string }) => x.measureTitle.length > 0)).toBe(true);
    expect(JSON.stringify(r.json)).not.toMatch(/l-[A-Za-z0-9_-]{16}/);
    const page = await getJson('/quiz/leder');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Pr. emne');
    expect(page.text).toContain('Pr. regel');
    expect(page.text).toContain('Pr. scenarie og spørgsmålstype');
    // With an admin token set, requests without it are refused.
    const locked = await startTestServer({ env: { HJEMMEL_ADMIN_TOKEN: 'hemmeligt-leder-token-0123456789' } });
    try {
      expect((await fetch(`${locked.url}/api/v1/quiz/stats`)).status).toBe(401);
      expect((await fetch(`${locked.url}/quiz/leder`)).status).toBe(401);
      expect((await fetch(`${locked.url}/api/v1/quiz/export.csv`)).status).toBe(401);
      const ok = await fetch(`${locked.url}/api/v1/quiz/stats`, {
        headers: { 'x-hjemmel-admin-token': 'hemmeligt-leder-token-0123456789' },
      });
      expect(ok.status).toBe(200);
      const page = await fetch(`${locked.url}/quiz/leder`, {
        headers: { authorization: 'Bearer hemmeligt-leder-token-0123456789' },
      });
      expect(page.status).toBe(200);
      const csv = await fetch(`${locked.url}/quiz/leder/export.csv`, {
        headers: { authorization: `Basic ${Buffer.from('leder:hemmeligt-leder-token-0123456789').toString('base64')}` },
      });
      expect(csv.status).toBe(200);
    } finally {
      await locked.close();
    }
  });

  it('filters stats, the manager view and the CSV by scenario, question kind and date range', async () => {
    // One wrong answer on a known question, so its row has a 0 % share.
    const s = await start({ length: 1, topic: 'kap24d' });
    const q = s.json.question;
    const p = parseQuestionId(q.id)!;
    const key = keyedQuestion(scenarioById(p.scenarioId)!, p.kind)!.correctOptionId;
    await answer(s.json.sessionId, {
      questionId: q.id,
      optionId: q.options.find((o: { id: string }) => o.id !== key).id,
    });
    const today = new Date().toISOString().slice(0, 10);
    const f = `scenario=${p.scenarioId}&kind=${p.kind}&from=${today}&to=${today}`;
    const r = await getJson(`/api/v1/quiz/stats?${f}`);
    expect(r.status).toBe(200);
    expect(r.json.filter).toEqual({ from: today, to: today, scenario: p.scenarioId, kind: p.kind });
    expect(r.json.byScenario).toHaveLength(1);
    expect(r.json.byScenario[0]).toMatchObject({ scenario: p.scenarioId, kind: p.kind });
    expect(r.json.total.answers).toBe(r.json.byScenario[0].answers);
    const wrongOnly = r.json.byScenario[0].correct === 0;
    const past = await getJson(`/api/v1/quiz/stats?scenario=${p.scenarioId}&to=2020-01-01`);
    expect(past.json.total.answers).toBe(0);
    expect((await getJson('/api/v1/quiz/stats?from=2026-13-01')).status).toBe(400);
    expect((await getJson('/api/v1/quiz/stats?kind=nope')).status).toBe(400);
    expect((await getJson('/api/v1/quiz/stats?from=2026-02-02&to=2026-01-01')).status).toBe(400);
    const csv = await getJson(`/quiz/leder/export.csv?${f}`);
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n').slice(1);
    expect(lines).toHaveLength(r.json.total.answers);
    for (const l of lines) expect(l).toContain(`${p.scenarioId}:${p.kind}`);
    const page = await getJson(`/quiz/leder?${f}`);
    expect(page.text).toContain(`href="/quiz/leder/export.csv?scenario=${p.scenarioId}&amp;kind=${p.kind}`);
    // A 0 % share is drawn as a visible (outlined) empty track, not a zero-width bar.
    if (wrongOnly)
      expect(page.text).toMatch(/<span class="track"[^>]*><span class="fill" style="width:0%"><\/span><\/span>0 %/);
  });

  it('exports CSV per learner and anonymised for everyone', async () => {
    const s = await start({ length: 2, topic: 'kap24' });
    const learnerId = s.json.learnerId;
    await answer(s.json.sessionId, { questionId: s.json.question.id, optionId: s.json.question.options[0].id });
    const mine = await getJson(`/api/v1/quiz/export.csv?learnerId=${learnerId}`);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toContain('text/csv');
    const lines = mine.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'tidspunkt,deltager,session,spoergsmaal_id,scenarie,emne,indgreb,bestemmelse,spoergsmaalstype,svar,rigtigt_svar,rigtigt,regelversion',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(learnerId);
    expect(lines[1]).toContain(s.json.question.id);
    const all = await getJson('/api/v1/quiz/export.csv');
    expect(all.status).toBe(200);
    expect(all.text).not.toContain(learnerId);
    expect(all.text).toMatch(/deltager-1/);
    expect((await getJson('/api/v1/quiz/export.csv?learnerId=x')).status).toBe(400);
  });

  it('exports xAPI "answered" statements with one object id per question and the result', async () => {
    const s = await start({ length: 1, topic: 'velfaerdsteknologi' });
    const q = s.json.question;
    const a = await answer(s.json.sessionId, { questionId: q.id, optionId: q.options[0].id });
    const r = await getJson(`/api/v1/quiz/export.xapi.json?learnerId=${s.json.learnerId}`);
    expect(r.status).toBe(200);
    expect(r.json).toHaveLength(1);
    const st = r.json[0];
    expect(st.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(st.verb.id).toBe('http://adlnet.gov/expapi/verbs/answered');
    expect(st.actor.account.name).toBe(s.json.learnerId);
    expect(st.object.id).toBe(`${server.url}/quiz/questions/${encodeURIComponent(q.id)}`);
    expect(st.object.definition.interactionType).toBe('choice');
    expect(st.object.definition.correctResponsesPattern).toEqual([a.json.correctOptionId]);
    expect(st.result).toEqual({ success: a.json.correct, response: q.options[0].id });
    expect(st.context.registration).toBe(s.json.sessionId);
    const again = await getJson(`/api/v1/quiz/export.xapi.json?learnerId=${s.json.learnerId}`);
    expect(again.json[0].id).toBe(st.id);
  });

  it('serves the quiz page and its script without external resources', async () => {
    const page = await getJson('/quiz');
    expect(page.status).toBe(200);
    expect(page.text).toContain('lang="da"');
    expect(page.text).toContain('aria-live="polite"');
    expect(page.text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    const js = await fetch(`${server.url}/quiz/quiz.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await js.text()).length).toBeGreaterThan(1000);
  });
});
