// biome-ignore-all lint/suspicious/noExplicitAny: the OpenAPI document and JSON answers are walked generically
/**
 * Contract tests driven by the published OpenAPI document: every documented path and method is called with
 * its documented examples and the answer is validated (ajv, JSON Schema 2020-12) against the documented schema;
 * operations whose values depend on state (a session id, the current quiz question) are called by following
 * the document's links from an earlier operation's answer; documented error answers are checked against the
 * shared error schema; every /api/v1 route is documented.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, type Reply, startApiServer, type TestServer } from './api-helpers.ts';

let srv: TestServer;
let doc: any;
let key: string;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });

function validate(component: string, data: unknown): void {
  const v = ajv.getSchema(`openapi#/components/schemas/${component}`);
  if (!v) throw new Error(`no schema ${component}`);
  const ok = v(data);
  expect(ok, `${component}: ${JSON.stringify(v.errors?.slice(0, 3))}`).toBe(true);
}

/** Validates against a schema of the document (a response or request schema, with its $refs into the components). */
function validateSchema(schema: any, data: unknown, what: string): void {
  const v = schema.$ref
    ? ajv.getSchema(`openapi${schema.$ref}`)
    : ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"\$ref":"#\//g, '"$ref":"openapi#/')));
  if (!v) throw new Error(`no schema ${schema.$ref}`);
  expect(v(data), `${what}: ${JSON.stringify(v.errors?.slice(0, 3))}`).toBe(true);
}

/**
 * A link's value: an OpenAPI runtime expression ("$response.body#/json/pointer") evaluated against the source
 * operation's answer, also when embedded as "{$response.body#/…}" in the strings of a request body.
 */
function resolveLinkValue(value: unknown, source: Reply): unknown {
  const evaluate = (expr: string): unknown => {
    const m = /^\$response\.body(?:#(\/.*))?$/.exec(expr);
    if (!m) throw new Error(`unsupported runtime expression ${expr}`);
    let v: any = source.json;
    for (const part of (m[1] ?? '').split('/').slice(1)) v = v?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (v === undefined) throw new Error(`${expr} is not in the answer: ${source.text.slice(0, 200)}`);
    return v;
  };
  if (typeof value === 'string') {
    if (value.startsWith('$')) return evaluate(value);
    const whole = /^\{(\$[^{}]+)\}$/.exec(value);
    if (whole) return evaluate(whole[1]!);
    return value.replace(/\{(\$[^{}]+)\}/g, (_, e: string) => String(evaluate(e)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveLinkValue(v, source));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveLinkValue(v, source)]));
  return value;
}

function componentOf(schema: any): string {
  return String(schema.$ref).split('/').pop()!;
}

beforeAll(async () => {
  srv = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
  key = (await srv.keys.create({ name: 'contract', origins: ['https://journal.example'] })).key;
  const r = await call(`${srv.url}/api/v1/openapi.json`);
  expect(r.status).toBe(200);
  doc = r.json;
  ajv.addSchema(doc, 'openapi');
});
afterAll(async () => {
  await srv.close();
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with JSON Schema 2020-12 components generated from zod', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    for (const name of [
      'Verdict',
      'Facts',
      'ChatRequest',
      'EvaluateRequest',
      'IncidentCheckResponse',
      'Record',
      'Error',
      'QuizSession',
      'QuizSessionRequest',
      'QuizAnswerRequest',
      'QuizAnswerResponse',
      'QuizStats',
      'XapiStatement',
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
    // The schemas are valid JSON Schema (ajv compiles every one).
    for (const name of Object.keys(doc.components.schemas))
      expect(ajv.getSchema(`openapi#/components/schemas/${name}`), name).toBeTypeOf('function');
    // Descriptions come from the zod schemas (no hand-written copy).
    expect(doc.components.schemas.Facts.properties.consent.description).toContain('samtykke');
  });

  it('documents the issue 13 answer fields: summary, todo, details, certainty, decisionUse, incidentDate', () => {
    const chat = doc.components.schemas.ChatResponse.properties;
    for (const f of ['summary', 'todo', 'details', 'incidentDate']) expect(chat[f], f).toBeDefined();
    const verdict = doc.components.schemas.Verdict.properties;
    expect(verdict.certainty).toBeDefined();
    const use = JSON.stringify(verdict.decisionUse);
    for (const f of ['allowed', 'status', 'validUntil', 'registerIfUsedDays']) expect(use, f).toContain(f);
    const facts = doc.components.schemas.Facts.properties;
    expect(facts.decisionExists).toBeDefined();
    expect(facts.decisionDate).toBeDefined();
  });

  it('documents every /api/v1 route the server has, and nothing it lacks', () => {
    const router = (srv.server.listeners('request')[0] as any).router;
    const routes = new Set<string>();
    for (const layer of router.stack)
      if (layer.route?.path?.startsWith?.('/api/v1') || layer.route?.path === '/embed')
        for (const m of Object.keys(layer.route.methods))
          routes.add(`${m} ${String(layer.route.path).replace(/:(\w+)/g, '{$1}')}`);
    const documented = new Set<string>();
    for (const [p, methods] of Object.entries<any>(doc.paths))
      for (const m of Object.keys(methods)) documented.add(`${m} ${p}`);
    expect([...routes].sort()).toEqual([...documented].sort());
    expect(documented.size).toBeGreaterThanOrEqual(12);
  });
});

describe('every documented operation answers with its documented schema', () => {
  /** operationId → the answer of its documented call (the sources of the document's links). */
  const answers = new Map<string, Reply>();

  it('calls each path and method with its examples, following the documented links', async () => {
    const ops: Array<{ path: string; method: string; op: any }> = [];
    for (const [path, methods] of Object.entries<any>(doc.paths))
      for (const [method, op] of Object.entries<any>(methods)) ops.push({ path, method, op });
    const ids = new Set(ops.map((o) => o.op.operationId));
    expect(ids.size, 'operationIds are unique').toBe(ops.length);
    // Operations whose examples depend on state (a real session id, the current question) are the targets
    // of links in an earlier operation's answer: they are called with the values the link takes from it.
    const linksTo = new Map<string, Array<{ from: string; link: any }>>();
    for (const { op } of ops)
      for (const res of Object.values<any>(op.responses))
        for (const link of Object.values<any>(res.links ?? {})) {
          expect(ids.has(link.operationId), `${op.operationId} links to ${link.operationId}`).toBe(true);
          linksTo.set(link.operationId, [...(linksTo.get(link.operationId) ?? []), { from: op.operationId, link }]);
        }

    let pending = ops;
    while (pending.length) {
      const waiting: typeof ops = [];
      for (const o of pending) {
        const incoming = linksTo.get(o.op.operationId);
        const via = incoming?.find((l) => answers.has(l.from));
        if (incoming && !via) waiting.push(o);
        else answers.set(o.op.operationId, await callDocumented(o.path, o.method, o.op, via));
      }
      expect(waiting.length, `links never satisfied: ${waiting.map((o) => o.op.operationId)}`).toBeLessThan(
        pending.length,
      );
      pending = waiting;
    }
    expect(answers.size).toBe(ops.length);
  });

  async function callDocumented(
    path: string,
    method: string,
    op: any,
    via: { from: string; link: any } | undefined,
  ): Promise<Reply> {
    const name = `${method} ${path}${via ? ` (via ${via.from})` : ''}`;
    const source = via ? answers.get(via.from)! : undefined;
    const linked = (p: any) => {
      const params = via?.link.parameters ?? {};
      const expr = params[`${p.in}.${p.name}`] ?? params[p.name];
      return expr === undefined ? p.example : resolveLinkValue(expr, source!);
    };
    let url = path;
    const query = new URLSearchParams();
    for (const p of op.parameters ?? []) {
      if (p.example !== undefined || p.required)
        expect(ajv.validate(p.schema, p.example), `${name}: example of ${p.name}`).toBe(true);
      const value = linked(p);
      if (value === undefined) continue;
      if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(String(value)));
      else if (p.in === 'query') query.set(p.name, String(value));
    }
    const media = op.requestBody?.content['application/json'];
    let body = media?.example;
    if (media) {
      validateSchema(media.schema, body, `${name}: documented request example`);
      if (via?.link.requestBody !== undefined) {
        body = resolveLinkValue(via.link.requestBody, source!);
        validateSchema(media.schema, body, `${name}: linked request body`);
      }
    }
    const r = await call(`${srv.url}${url}${query.size ? `?${query}` : ''}`, {
      method: method.toUpperCase(),
      ...(body !== undefined ? { body } : {}),
      headers: bearer(key),
    });
    const okStatus = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
    expect(String(r.status), `${name}: ${r.text.slice(0, 300)}`).toBe(okStatus);
    // 204 No Content documents (and sends) no body.
    if (okStatus === '204') {
      expect(op.responses[okStatus].content, name).toBeUndefined();
      expect(r.text, name).toBe('');
      return r;
    }
    // The first documented media type is the default answer (JSON, or e.g. text/csv).
    const [type, content] = Object.entries<any>(op.responses[okStatus].content)[0]!;
    expect(r.headers.get('content-type'), name).toContain(type);
    validateSchema(content.schema, type === 'application/json' ? r.json : r.text, name);
    return r;
  }

  it('streams chat as documented SSE whose final event is a ChatResponse', async () => {
    expect(doc.paths['/api/v1/chat'].post.responses['200'].content['text/event-stream']).toBeDefined();
    const r = await call(`${srv.url}/api/v1/chat`, {
      body: doc.paths['/api/v1/chat'].post.requestBody.content['application/json'].example,
      headers: { ...bearer(key), accept: 'text/event-stream' },
    });
    expect(r.headers.get('content-type')).toContain('text/event-stream');
    const final = /event: final\ndata: (.+)\n/.exec(r.text);
    expect(final).not.toBeNull();
    validate('ChatResponse', JSON.parse(final![1]!));
  });

  it('documents JSON and HTML records as separate operations; the old Accept: text/html still works', async () => {
    const json = doc.paths['/api/v1/records/{id}'].get;
    expect(Object.keys(json.responses['200'].content)).toEqual(['application/json']);
    expect(json.parameters.find((p: any) => p.name === 'format').deprecated).toBe(true);
    const html = doc.paths['/api/v1/records/{id}/html'].get;
    expect(html.operationId).toBe('getRecordHtml');
    expect(Object.keys(html.responses['200'].content)).toEqual(['text/html']);
    const recordId = answers.get('evaluate')!.json.recordId;
    expect(answers.get('getRecordHtml')!.text).toContain('<html');
    const r = await call(`${srv.url}/api/v1/records/${recordId}`, {
      headers: { ...bearer(key), accept: 'text/html' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
  });

  it('sends the documented headers: rate limits on counted calls, X-Record-Id on a record-making call', async () => {
    for (const [path, method] of [
      ['/api/v1/evaluate', 'post'],
      ['/api/v1/incidents/check', 'post'],
      ['/api/v1/measures', 'get'],
    ] as const) {
      const ok = doc.paths[path][method].responses['200'];
      expect(Object.keys(ok.headers ?? {}), path).toEqual(
        expect.arrayContaining(['RateLimit-Limit', 'RateLimit-Remaining']),
      );
      for (const h of Object.values<any>(ok.headers))
        expect(doc.components.headers[h.$ref.split('/').pop()]).toBeDefined();
    }
    expect(doc.paths['/api/v1/records/{id}/print'].get.responses['200'].headers).toBeUndefined();
    expect(Object.keys(doc.paths['/api/v1/evaluate'].post.responses['200'].headers)).toContain('X-Record-Id');
    const r = await call(`${srv.url}/api/v1/evaluate`, {
      body: doc.paths['/api/v1/evaluate'].post.requestBody.content['application/json'].example,
      headers: bearer(key),
    });
    expect(Number(r.headers.get('ratelimit-limit'))).toBeGreaterThan(0);
    expect(Number(r.headers.get('ratelimit-remaining'))).toBeGreaterThanOrEqual(0);
    expect(r.headers.get('x-record-id')).toBe(r.json.recordId);
    expect(r.headers.get('x-record-id')).toMatch(new RegExp(doc.components.headers['X-Record-Id'].schema.pattern));
  });

  it('gives the linked quiz calls real state: the answer is graded and exported', () => {
    const session = answers.get('createQuizSession')!.json;
    expect(answers.get('getQuizSession')!.json.question.id).toBe(session.question.id);
    const graded = answers.get('answerQuizQuestion')!.json;
    expect(session.question.options.map((o: any) => o.id)).toContain(graded.correctOptionId);
    expect(graded.score.answered).toBe(1);
    const xapi = answers.get('exportQuizXapi')!.json;
    expect(xapi).toHaveLength(1);
    expect(xapi[0].actor.account.name).toBe(session.learnerId);
    expect(answers.get('exportQuizCsv')!.text.trim().split(/\r?\n/)).toHaveLength(2);
  });
});

describe('documented errors use the shared error schema', () => {
  const cases: Array<{ method: string; path: string; url: string; body?: unknown; status: number; auth?: boolean }> = [
    { method: 'get', path: '/api/v1/units/{id}', url: '/api/v1/units/no-such-unit', status: 404 },
    { method: 'get', path: '/api/v1/measures/{id}', url: '/api/v1/measures/teleport', status: 404 },
    { method: 'get', path: '/api/v1/records/{id}', url: '/api/v1/records/999999', status: 404 },
    { method: 'get', path: '/api/v1/sessions/{id}', url: '/api/v1/sessions/nope', status: 404 },
    { method: 'get', path: '/api/v1/search', url: '/api/v1/search?q=', status: 400 },
    { method: 'post', path: '/api/v1/evaluate', url: '/api/v1/evaluate', body: { measure: 'teleport' }, status: 400 },
    {
      method: 'post',
      path: '/api/v1/evaluate',
      url: '/api/v1/evaluate',
      body: { measure: 'restraint', asOf: '2019-01-01' },
      status: 422,
    },
    {
      method: 'post',
      path: '/api/v1/incidents/check',
      url: '/api/v1/incidents/check',
      body: { measure: 'restraint', date: '14-03-2025' },
      status: 400,
    },
    { method: 'post', path: '/api/v1/chat', url: '/api/v1/chat', body: { message: '' }, status: 400 },
    { method: 'get', path: '/api/v1/sources', url: '/api/v1/sources', status: 401, auth: false },
    { method: 'post', path: '/api/v1/tokens', url: '/api/v1/tokens', body: { ttlSeconds: 3600 }, status: 400 },
    { method: 'post', path: '/api/v1/quiz/sessions', url: '/api/v1/quiz/sessions', body: { length: 0 }, status: 400 },
    { method: 'get', path: '/api/v1/quiz/sessions/{id}', url: '/api/v1/quiz/sessions/nope', status: 404 },
    {
      method: 'post',
      path: '/api/v1/quiz/sessions/{id}/answers',
      url: '/api/v1/quiz/sessions/nope/answers',
      body: { questionId: 'gunnar-doeraabner:is_force', optionId: 'yes' },
      status: 404,
    },
    { method: 'get', path: '/api/v1/quiz/export.csv', url: '/api/v1/quiz/export.csv?learnerId=x', status: 400 },
  ];
  for (const c of cases) {
    it(`${c.method.toUpperCase()} ${c.url} → ${c.status}`, async () => {
      const r = await call(`${srv.url}${c.url}`, {
        method: c.method.toUpperCase(),
        ...(c.body !== undefined ? { body: c.body } : {}),
        headers: c.auth === false ? {} : bearer(key),
      });
      expect(r.status, r.text.slice(0, 200)).toBe(c.status);
      const documented = doc.paths[c.path][c.method].responses[String(c.status)];
      expect(documented, `${c.status} documented for ${c.method} ${c.path}`).toBeDefined();
      expect(componentOf(documented.content['application/json'].schema)).toBe('Error');
      validate('Error', r.json);
    });
  }
});

describe('/docs', () => {
  it('is a self-contained page rendered from the document (no scripts, no external resources)', async () => {
    const r = await call(`${srv.url}/docs`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).not.toMatch(/<script|https?:\/\/(?!json-schema\.org)[^"'\s<]*\.(js|css)/);
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      expect(r.text).toContain(path.replace(/[{}]/g, (c) => c));
      for (const op of Object.values<any>(methods)) expect(r.text).toContain(`id="op-${op.operationId}"`);
    }
    expect(r.text).toContain('id="schema-Verdict"');
    expect(r.text).toContain('Authorization: Bearer');
  });
});
