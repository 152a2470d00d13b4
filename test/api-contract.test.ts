// biome-ignore-all lint/suspicious/noExplicitAny: the OpenAPI document and JSON answers are walked generically
/**
 * Contract tests driven by the published OpenAPI document: every documented path and method is called with
 * its documented examples and the answer is validated (ajv, JSON Schema 2020-12) against the documented schema;
 * documented error answers are checked against the shared error schema; every /api/v1 route is documented.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, call, startApiServer, type TestServer } from './api-helpers.ts';

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

function componentOf(schema: any): string {
  return String(schema.$ref).split('/').pop()!;
}

beforeAll(async () => {
  srv = await startApiServer({ HJEMMEL_REQUIRE_KEY: '1' });
  key = srv.keys.create({ name: 'contract', origins: ['https://journal.example'] }).key;
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
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
    // The schemas are valid JSON Schema (ajv compiles every one).
    for (const name of Object.keys(doc.components.schemas))
      expect(ajv.getSchema(`openapi#/components/schemas/${name}`), name).toBeTypeOf('function');
    // Descriptions come from the zod schemas (no hand-written copy).
    expect(doc.components.schemas.Facts.properties.consent.description).toContain('samtykke');
  });

  it('documents every /api/v1 route the server has, and nothing it lacks', () => {
    const router = (srv.server.listeners('request')[0] as any).router;
    const routes = new Set<string>();
    for (const layer of router.stack)
      if (layer.route?.path?.startsWith?.('/api/v1'))
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
  const dynamic: Record<string, string> = {};

  beforeAll(async () => {
    const chat = await call(`${srv.url}/api/v1/chat`, {
      body: { message: 'Må vi holde ham fast, når han slår?' },
      headers: bearer(key),
    });
    dynamic['/api/v1/sessions/{id}'] = chat.json.sessionId;
    dynamic['/api/v1/records/{id}'] = String(chat.json.recordId);
  });

  it('calls each path and method with its examples', async () => {
    let checked = 0;
    for (const [path, methods] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        let url = path;
        const query = new URLSearchParams();
        for (const p of op.parameters ?? []) {
          if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(dynamic[path] ?? p.example));
          else if (p.in === 'query') query.set(p.name, String(p.example));
        }
        const body = op.requestBody?.content['application/json'].example;
        const r = await call(`${srv.url}${url}${query.size ? `?${query}` : ''}`, {
          method: method.toUpperCase(),
          ...(body !== undefined ? { body } : {}),
          headers: bearer(key),
        });
        const okStatus = Object.keys(op.responses).find((s) => s.startsWith('2'))!;
        expect(String(r.status), `${method} ${path}: ${r.text.slice(0, 300)}`).toBe(okStatus);
        expect(r.headers.get('content-type')).toContain('application/json');
        const schema = op.responses[okStatus].content['application/json'].schema;
        if (schema.$ref) validate(componentOf(schema), r.json);
        checked++;
      }
    }
    expect(checked).toBe(Object.values<any>(doc.paths).reduce((n, m) => n + Object.keys(m).length, 0));
  });

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

  it('serves records as documented text/html too', async () => {
    const op = doc.paths['/api/v1/records/{id}'].get;
    expect(op.responses['200'].content['text/html']).toBeDefined();
    const r = await call(`${srv.url}/api/v1/records/${dynamic['/api/v1/records/{id}']}`, {
      headers: { ...bearer(key), accept: 'text/html' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/html');
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
