/**
 * The HTTP app (express 5). Every error has one JSON shape: `{ "error": { "code", "message", "details"? } }`,
 * with Danish/English messages. This is the one edge where domain errors (src/errors) become status codes.
 * Capabilities add their routes through `Mount`s (src/http).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import { ZodError, z } from 'zod';
import type { ChatResponse } from '../dialogue/index.ts';
import { bilingual, DomainError, ERROR_CODES, type ErrorKind } from '../errors/index.ts';
import { clientAddress, clientGuard, clientSettingsFrom } from '../http/client.ts';
import { type AppState, type Mount, principalOf, requireReady, servicesOf } from '../http/index.ts';
import { recordIds } from './api/record-id.ts';

export { type AppState, type Mount, requireReady, type Services, servicesOf } from '../http/index.ts';

/** The status code of each kind of domain error. */
export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  unavailable: 503,
};

const KIND_OF_STATUS = new Map<number, ErrorKind>(
  Object.entries(STATUS_OF_KIND).map(([kind, status]) => [status, kind as ErrorKind]),
);

/** A domain error raised by the HTTP layer itself, with its status given directly. */
export class HttpError extends DomainError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    details?: unknown,
  ) {
    super(KIND_OF_STATUS.get(status) ?? 'invalid', code, message, details);
  }
}

export const ErrorCodeSchema = z.enum(ERROR_CODES).describe('Maskinlæsbar fejlkode (stabil), fx "invalid_request".');

export const ErrorSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string().describe('Forklaring på dansk.'),
      messageEn: z.string().optional().describe('The same explanation in English.'),
      details: z.unknown().optional(),
    }),
  })
  .describe('Fælles fejlformat for alle endpoints.');

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  res.status(status).json({ error: { code, ...bilingual(message), ...(details !== undefined ? { details } : {}) } });
}

interface RouteLayer {
  route?: { methods: Record<string, boolean> };
  match(path: string): boolean;
}

/** The methods the app's routes answer on `path` (for 405 + Allow); empty when no route has the path. */
function allowedMethods(app: express.Express, path: string): string[] {
  const stack = (app as unknown as { router: { stack: RouteLayer[] } }).router.stack;
  const out = new Set<string>();
  for (const layer of stack) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [m, on] of Object.entries(layer.route.methods)) if (on && m !== '_all') out.add(m.toUpperCase());
  }
  if (out.has('GET')) out.add('HEAD');
  return [...out].sort();
}

/** Splits an answer into chunks for streaming (sentence-sized, keeping markdown intact). */
export function chunksOf(text: string): string[] {
  return text.match(/[^\n.!?]*(?:[.!?]+\s*|\n+|$)/g)?.filter((c) => c.length > 0) ?? [text];
}

function wantsStream(req: Request): boolean {
  return (req.get('accept') ?? '').includes('text/event-stream');
}

function writeEvent(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Features no page of Hjemmel uses. */
export const PERMISSIONS_POLICY =
  'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), display-capture=()';

/**
 * Security headers for every response (helmet): nosniff, no referrer, X-Frame-Options SAMEORIGIN and a
 * strict default CSP (pages and /embed set their own), plus Permissions-Policy. API JSON is never cached.
 */
function securityHeaders(app: express.Express): void {
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'upgrade-insecure-requests': null, 'frame-ancestors': ["'self'"], 'base-uri': ["'none'"] },
      },
      referrerPolicy: { policy: 'no-referrer' },
      // The widget script is loaded by other sites' pages; everything else stays same-site.
      crossOriginResourcePolicy: { policy: 'same-site' },
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    res.set('Permissions-Policy', PERMISSIONS_POLICY);
    if (req.path.startsWith('/api/')) res.set('Cache-Control', 'no-store');
    next();
  });
}

/** Paths behind the admin token (feedback list, quiz manager view, quiz stats and exports). */
const ADMIN_PATHS = [
  '/admin',
  '/quiz/leder',
  '/api/v1/quiz/stats',
  '/api/v1/quiz/export.csv',
  '/api/v1/quiz/export.xapi.json',
];

/**
 * Failed admin logins (401/403 on an admin path) are limited per client address (express-rate-limit):
 * 20 per 15 minutes, then 429 with Retry-After. Successful requests do not count.
 */
function adminLoginLimiter() {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: 20,
    skipSuccessfulRequests: true,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401 && res.statusCode !== 403,
    keyGenerator: (req) => `admin:${ipKeyGenerator(clientAddress(req))}`,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    validate: false,
    handler: (_req, res, _next, options) => {
      res.set('Retry-After', String(Math.ceil(options.windowMs / 1000)));
      sendError(
        res,
        429,
        'too_many_attempts',
        'For mange mislykkede forsøg på administratoradgang; prøv igen senere / too many failed admin logins',
      );
    },
  });
}

export function createApp(state: AppState, mounts: Mount[] = []): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const client = clientSettingsFrom(state.env ?? {});
  app.set('trust proxy', client.trustProxy);
  app.locals['clientSettings'] = client;
  // Liveness and readiness probes often address the server by IP; they reveal nothing.
  const hostCheck = clientGuard(client);
  app.use((req, res, next) => (req.path === '/healthz' || req.path === '/readyz' ? next() : hostCheck(req, res, next)));
  securityHeaders(app);
  app.use(ADMIN_PATHS, adminLoginLimiter());
  // A body that is not JSON gets 415, not a misleading 400 from an empty body.
  app.use('/api/v1', (req, _res, next) => {
    if (req.is('application/json') === false)
      return next(
        new HttpError(
          415,
          'unsupported_media_type',
          `Brug Content-Type: application/json (fik ${req.get('content-type') ?? 'ingen'}) / use Content-Type: application/json`,
        ),
      );
    next();
  });
  app.use(express.json({ limit: '64kb' }));
  for (const mount of mounts) mount.before?.(app, state);

  app.get('/healthz', (_req, res) => {
    res.json({
      status: 'ok',
      uptimeSeconds: Math.round((Date.now() - state.startedAt) / 1000),
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
    });
  });
  app.get('/readyz', async (_req, res) => {
    const services = state.services;
    if (!services) return sendError(res, 503, 'not_ready', 'Korpus og indeks indlæses / corpus and index loading');
    if (state.draining) return sendError(res, 503, 'not_ready', 'Serveren lukker ned / shutting down');
    // Ready means the database answers too (a load balancer then sends no traffic to an instance without it).
    const db = await services.store.ping().then(
      () => true,
      () => false,
    );
    if (!db) return sendError(res, 503, 'not_ready', 'Databasen svarer ikke / database not reachable');
    res.json({
      status: 'ready',
      corpusHash: services.corpus.hash,
      units: services.corpus.units.length,
      store: services.store.kind,
    });
  });

  app.post('/api/v1/chat', requireReady(state), async (req, res) => {
    const { conversation, store } = servicesOf(state);
    const answered: ChatResponse = await conversation.handle(req.body ?? {}, principalOf(res));
    // The audit id stays inside; callers see the opaque record id.
    const { recordId: auditId, ...rest } = answered;
    const result = {
      ...rest,
      ...(auditId === undefined ? {} : { recordId: (await recordIds(store, state.env)).encode(auditId) }),
    };
    if (!wantsStream(req)) {
      res.json(result);
      return;
    }
    // A client that asked to close the connection gets it closed after the stream.
    const close = /\bclose\b/i.test(req.get('connection') ?? '');
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      // POST answers are never cached; no-store here would also hide the stream from browser dev tools.
      'Cache-Control': 'no-cache, no-transform',
      Connection: close ? 'close' : 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    for (const chunk of chunksOf(result.answer)) writeEvent(res, 'delta', { text: chunk });
    writeEvent(res, 'final', result);
    res.end();
  });

  // Another caller's session answers exactly as an unknown one: 404.
  app.delete('/api/v1/sessions/:id', requireReady(state), async (req, res) => {
    if (!(await servicesOf(state).conversation.delete(String(req.params['id']), principalOf(res))))
      throw new HttpError(404, 'unknown_session', 'Ukendt samtale / unknown session');
    res.status(204).end();
  });

  app.get('/api/v1/sessions/:id', requireReady(state), async (req, res) => {
    const s = await servicesOf(state).conversation.session(String(req.params['id']), principalOf(res));
    if (!s) throw new HttpError(404, 'unknown_session', 'Ukendt samtale / unknown session');
    res.json({
      sessionId: s.id,
      measure: s.measure ?? null,
      facts: s.facts,
      pending: s.pending ?? null,
      turns: s.turns,
    });
  });

  for (const mount of mounts) mount.routes?.(app, state);

  app.use((req, res, next) => {
    const allowed = allowedMethods(app, req.path);
    if (allowed.length) {
      res.set('Allow', allowed.join(', '));
      return next(
        new HttpError(
          405,
          'method_not_allowed',
          `Metoden ${req.method} bruges ikke her; brug ${allowed.join(', ')} / method not allowed: use ${allowed.join(', ')}`,
        ),
      );
    }
    next(new HttpError(404, 'not_found', `Ukendt adresse / not found: ${req.method} ${req.path}`));
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) {
      res.end();
      return;
    }
    if (err instanceof HttpError) return sendError(res, err.status, err.code, err.message, err.details);
    if (err instanceof DomainError) return sendError(res, STATUS_OF_KIND[err.kind], err.code, err.message, err.details);
    if (err instanceof ZodError) {
      const first = err.issues[0];
      const where = first?.path.length ? `${first.path.join('.')}: ` : '';
      return sendError(
        res,
        400,
        'invalid_request',
        `Ugyldig forespørgsel: ${where}${first?.message ?? ''} / invalid request: ${where}${first?.message ?? ''}`,
        err.issues,
      );
    }
    const e = err as { type?: string; status?: number; message?: string };
    if (e?.type === 'entity.parse.failed')
      return sendError(res, 400, 'invalid_json', 'Ugyldig JSON i forespørgslen / request body is not valid JSON');
    if (e?.type === 'entity.too.large')
      return sendError(res, 413, 'too_large', 'Forespørgslen er for stor / request body too large');
    if (e?.status && e.status >= 400 && e.status < 500)
      return sendError(res, e.status, 'bad_request', e.message ?? 'Bad request');
    console.error('[hjemmel] internal error:', err instanceof Error ? err.message : err);
    return sendError(res, 500, 'internal', 'Intern fejl / internal error');
  });
  return app;
}
