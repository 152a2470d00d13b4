/**
 * Guards /api/v1/*: API keys, session tokens, anonymous local use, CORS per key, rate limits per key and
 * an access log that never contains keys, tokens, query strings or raw CPR numbers.
 */
import cors from 'cors';
import type { NextFunction, Request, Response } from 'express';
import { clientAddress, isLocalRequest, selfOrigin } from '../../http/client.ts';
import { type ApiKey, KeyStore, PUBLIC_PREFIX, SECRET_PREFIX, TOKEN_PREFIX, verifyToken } from '../../keys/index.ts';
import { maskPath } from '../../privacy/cpr.ts';
import type { RateTake, Store } from '../../store/index.ts';
import { type AppState, HttpError, sendError } from '../app.ts';

export interface Client {
  kind: 'anonymous' | 'key' | 'token';
  /** Key id (for key and token clients). */
  keyId: string | null;
  /** Token id (browser tokens): the client sees only sessions and records made with this token. */
  tokenId?: string | null;
  public: boolean;
  origins: string[];
  ratePerMinute: number;
}

export interface ApiSettings {
  /** Requests without a key are accepted from this machine (loopback, no proxy, local or no Origin). */
  allowAnonymousLocal: boolean;
  anonymousRatePerMinute: number;
  /** A public key's requests per minute from one client address (besides the key's own bucket). */
  publicClientRatePerMinute: number;
  accessLog: boolean;
}

export function settingsFrom(env: NodeJS.ProcessEnv = {}): ApiSettings {
  const requireKey = env['HJEMMEL_REQUIRE_KEY'] === '1' || env['HJEMMEL_REQUIRE_KEY'] === 'true';
  const anon = env['HJEMMEL_ALLOW_ANONYMOUS_LOCAL'];
  return {
    allowAnonymousLocal: !requireKey && anon !== '0' && anon !== 'false',
    anonymousRatePerMinute: Math.max(1, Number(env['HJEMMEL_ANON_RATE'] ?? 600) || 600),
    publicClientRatePerMinute: Math.max(1, Number(env['HJEMMEL_PUBLIC_CLIENT_RATE'] ?? 30) || 30),
    accessLog: env['HJEMMEL_ACCESS_LOG'] !== '0',
  };
}

/** A source of token buckets: capacity = the per-minute rate, refilled continuously. */
export interface Limiter {
  take(id: string, perMinute: number): Promise<RateTake> | RateTake;
}

/** In-memory token buckets (one process only; the server uses the store's shared buckets, storeLimiter). */
export class RateLimiter implements Limiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  take(
    id: string,
    perMinute: number,
    now = Date.now(),
  ): { ok: true; remaining: number } | { ok: false; retryAfter: number } {
    const perMs = perMinute / 60_000;
    const b = this.buckets.get(id) ?? { tokens: perMinute, at: now };
    b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * perMs);
    b.at = now;
    this.buckets.set(id, b);
    if (this.buckets.size > 10_000) this.prune(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return { ok: true, remaining: Math.floor(b.tokens) };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  }

  private prune(now: number): void {
    for (const [id, b] of this.buckets) if (now - b.at > 10 * 60_000) this.buckets.delete(id);
  }
}

function isLocalOrigin(origin: string): boolean {
  try {
    const h = new URL(origin).hostname;
    return h === 'localhost' || h === '127.0.0.1' || h === '[::1]' || h.endsWith('.localhost');
  } catch {
    return false;
  }
}

export { selfOrigin } from '../../http/client.ts';

/** A request without credentials from this machine, when allowed. */
export function anonymousAllowed(req: Request, settings: ApiSettings): boolean {
  const origin = req.get('origin');
  return (
    settings.allowAnonymousLocal &&
    isLocalRequest(req) &&
    (!origin || origin === selfOrigin(req) || isLocalOrigin(origin))
  );
}

function credentialOf(req: Request): string | undefined {
  const auth = req.get('authorization');
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) throw new HttpError(401, 'unauthorized', 'Authorization skal være "Bearer <nøgle eller token>"');
    return m[1];
  }
  return req.get('x-api-key')?.trim() || undefined;
}

/** Resolves the client of a request, or throws 401/403. */
export async function authenticate(
  req: Request,
  keys: KeyStore,
  state: AppState,
  settings: ApiSettings,
): Promise<Client> {
  const origin = req.get('origin');
  const sameOrigin = !!origin && origin === selfOrigin(req);
  const cred = credentialOf(req);
  if (!cred) {
    if (anonymousAllowed(req, settings))
      return {
        kind: 'anonymous',
        keyId: null,
        public: false,
        origins: [],
        ratePerMinute: settings.anonymousRatePerMinute,
      };
    throw new HttpError(
      401,
      'unauthorized',
      'API-nøgle eller token mangler / API key or token required (Authorization: Bearer …)',
    );
  }
  if (cred.startsWith(TOKEN_PREFIX)) {
    const check = verifyToken(cred, await keys.tokenSecret(state.env ?? {}));
    if (!check.ok)
      throw check.reason === 'expired'
        ? new HttpError(401, 'token_expired', 'Tokenet er udløbet / token expired: hent et nyt via POST /api/v1/tokens')
        : new HttpError(401, 'invalid_token', 'Ugyldigt token / invalid token');
    const key = await keys.get(check.payload.kid);
    if (!key || key.revokedAt)
      throw new HttpError(401, 'invalid_token', 'Nøglen bag tokenet er tilbagekaldt / revoked');
    if (origin && !sameOrigin && !check.payload.origins.includes(origin))
      throw new HttpError(
        403,
        'origin_not_allowed',
        `Oprindelsen er ikke tilladt for dette token / origin not allowed`,
      );
    return {
      kind: 'token',
      keyId: key.id,
      // Tokens from before token ids existed share one id: they see only what such tokens made.
      tokenId: check.payload.jti ?? 'legacy',
      public: false,
      origins: check.payload.origins,
      ratePerMinute: key.ratePerMinute,
    };
  }
  const key: ApiKey | undefined =
    cred.startsWith(SECRET_PREFIX) || cred.startsWith(PUBLIC_PREFIX) ? await keys.verify(cred) : undefined;
  if (!key) throw new HttpError(401, 'invalid_key', 'Ukendt eller tilbagekaldt API-nøgle / unknown or revoked API key');
  if (key.public) {
    if (!origin || !key.origins.includes(origin))
      throw new HttpError(
        403,
        'origin_not_allowed',
        'En offentlig nøgle virker kun fra sine tilladte oprindelser / a public key only works from its allowed origins',
      );
  } else if (origin && !sameOrigin) {
    throw new HttpError(
      403,
      'secret_key_in_browser',
      'Hemmelige nøgler må ikke bruges fra en browser: byt nøglen til et token via POST /api/v1/tokens / secret keys must not be used from a browser',
    );
  }
  return { kind: 'key', keyId: key.id, public: key.public, origins: key.origins, ratePerMinute: key.ratePerMinute };
}

/** Origins any active key allows (for preflight requests, which carry no credentials). */
async function preflightAllowed(req: Request, keys: KeyStore, settings: ApiSettings): Promise<boolean> {
  const origin = req.get('origin');
  if (!origin) return false;
  if (origin === selfOrigin(req) || anonymousAllowed(req, settings)) return true;
  return (await keys.list()).some((k) => !k.revokedAt && k.origins.includes(origin));
}

/**
 * CORS answers (the `cors` package): the request's origin is reflected only when the caller decided it is
 * allowed (same origin, a local page for anonymous use, or an origin on the key or token).
 */
const corsAllowed = cors({
  origin: true,
  methods: ['GET', 'POST', 'DELETE', 'OPTIONS'],
  allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'X-API-Key', 'X-Hjemmel-Admin-Token'],
  exposedHeaders: ['Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'X-Record-Id'],
  maxAge: 600,
  optionsSuccessStatus: 204,
});

/** Paths under /api/v1 that need no credentials (the public contract). */
const PUBLIC_PATHS = new Set(['/openapi.json']);

/** Token buckets in the store: one budget per key or client across every instance on the database. */
export function storeLimiter(store: Store): Limiter {
  return { take: (id, perMinute) => store.rateLimits.take(id, perMinute) };
}

export function apiGuard(state: AppState, settings: ApiSettings, limiter?: Limiter) {
  const log = state.log ?? (() => {});
  return async (req: Request, res: Response, next: NextFunction) => {
    const t0 = performance.now();
    if (settings.accessLog) {
      res.on('finish', () => {
        const who = (res.locals['client'] as Client | undefined)?.keyId ?? 'anonym';
        // Path only: never the query string (search text, tokens) or headers (keys); CPR numbers masked.
        // Session ids and other long ids are left out too: the log must not let anyone continue a conversation.
        const path = maskPath(`${req.baseUrl}${req.path}`).replace(/(?<=\/)[^/]{16,}(?=\/|$)/g, ':id');
        log(`api ${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - t0)}ms ${who}`);
      });
    }
    const origin = req.get('origin');
    // A print link carries its own short-lived signature instead of a key (checked by the route).
    if (req.method === 'GET' && /^\/records\/rec_[A-Za-z0-9_-]{22}\/print$/.test(req.path)) return next();
    if (PUBLIC_PATHS.has(req.path) && req.method === 'GET') {
      res.set('Access-Control-Allow-Origin', '*');
      return next();
    }
    if (!state.services)
      return sendError(res, 503, 'not_ready', 'Hjemmel starter stadig op / still starting, try again shortly');
    const keys = new KeyStore(state.services.store);

    if (req.method === 'OPTIONS') {
      if (!(await preflightAllowed(req, keys, settings)))
        return sendError(res, 403, 'origin_not_allowed', 'Oprindelsen er ikke tilladt / origin not allowed');
      return corsAllowed(req, res, next);
    }

    const client = await authenticate(req, keys, state, settings);
    const buckets = limiter ?? storeLimiter(state.services.store);
    res.locals['client'] = client;
    const corsOk =
      !!origin && (origin === selfOrigin(req) || client.kind === 'anonymous' || client.origins.includes(origin));
    if (corsOk) corsAllowed(req, res, () => {});

    const bucket = client.keyId ?? `anon:${clientAddress(req)}`;
    // A public key is shared by every browser of a site: one client must not use up the key's budget.
    const perClient = client.public ? Math.min(settings.publicClientRatePerMinute, client.ratePerMinute) : 0;
    const own = perClient ? await buckets.take(`${bucket}|${clientAddress(req)}`, perClient) : undefined;
    const taken = own && !own.ok ? own : await buckets.take(bucket, client.ratePerMinute);
    const limit = perClient || client.ratePerMinute;
    res.set('RateLimit-Limit', String(limit));
    if (!taken.ok) {
      res.set({ 'Retry-After': String(taken.retryAfter), 'RateLimit-Remaining': '0' });
      return sendError(
        res,
        429,
        'rate_limited',
        `For mange forespørgsler; prøv igen om ${taken.retryAfter} s / too many requests, retry after ${taken.retryAfter} s`,
        { limitPerMinute: limit, retryAfterSeconds: taken.retryAfter },
      );
    }
    res.set('RateLimit-Remaining', String(own?.ok ? Math.min(own.remaining, taken.remaining) : taken.remaining));
    next();
  };
}
