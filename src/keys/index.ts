/**
 * API keys and short-lived session tokens for journal systems.
 *
 * Keys are random (32 bytes, base64url) with a readable prefix (`hjm_sk_` secret, `hjm_pk_` public) and
 * are stored only as sha256 hashes: the plain key is shown once at creation. Tokens are
 * `hjt.<payload>.<hmac>` (HMAC-SHA256 over the base64url payload), at most 15 minutes, bound to the
 * key's allowed origins; the secret comes from HJEMMEL_TOKEN_SECRET or is generated and kept in SQLite.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/index.ts';

export const SECRET_PREFIX = 'hjm_sk_';
export const PUBLIC_PREFIX = 'hjm_pk_';
export const TOKEN_PREFIX = 'hjt.';
export const MAX_TOKEN_TTL_SECONDS = 15 * 60;
export const DEFAULT_TOKEN_TTL_SECONDS = 10 * 60;
export const DEFAULT_RATE_PER_MINUTE = 120;

const DDL = `
  CREATE TABLE IF NOT EXISTS api_keys (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    origins TEXT NOT NULL,
    public INTEGER NOT NULL,
    rate_per_minute INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE TABLE IF NOT EXISTS api_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );`;

const ensured = new WeakSet<Store>();

/** Creates the API's key tables once per store. */
export function ensureKeyTables(store: Store): void {
  if (ensured.has(store)) return;
  store.ensure(DDL);
  ensured.add(store);
}

export interface ApiKey {
  id: string;
  name: string;
  /** First characters of the key, for recognising it in lists (never enough to use it). */
  prefix: string;
  origins: string[];
  public: boolean;
  ratePerMinute: number;
  createdAt: string;
  revokedAt: string | null;
}

interface KeyRow {
  id: string;
  name: string;
  key_hash: string;
  prefix: string;
  origins: string;
  public: number;
  rate_per_minute: number;
  created_at: string;
  revoked_at: string | null;
}

function fromRow(r: KeyRow): ApiKey {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    origins: JSON.parse(r.origins) as string[],
    public: r.public === 1,
    ratePerMinute: r.rate_per_minute,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Normalises "https://journal.example/" to its origin "https://journal.example"; throws for non-http(s). */
export function normaliseOrigin(raw: string): string {
  const u = new URL(raw.trim());
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    throw new Error(`Kun http(s)-oprindelser / only http(s) origins: ${raw}`);
  return u.origin;
}

export interface CreateKeyInput {
  name: string;
  origins: string[];
  public?: boolean;
  ratePerMinute?: number;
}

export class KeyStore {
  constructor(private readonly store: Store) {
    ensureKeyTables(store);
  }

  /** Creates a key; the returned `key` is the only time the plain key exists. */
  create(input: CreateKeyInput): { key: string; record: ApiKey } {
    const name = input.name.trim();
    if (!name) throw new Error('Navn mangler / name is required');
    const origins = [...new Set(input.origins.map(normaliseOrigin))];
    if (input.public && origins.length === 0)
      throw new Error('En offentlig nøgle kræver --origins / a public key needs allowed origins');
    const rate = input.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
    if (!Number.isInteger(rate) || rate < 1) throw new Error('--rate skal være et helt tal ≥ 1 (pr. minut)');
    const id = `key_${randomBytes(6).toString('hex')}`;
    const key = `${input.public ? PUBLIC_PREFIX : SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
    const createdAt = new Date().toISOString();
    this.store.db
      .prepare(
        `INSERT INTO api_keys (id, name, key_hash, prefix, origins, public, rate_per_minute, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, name, hashKey(key), key.slice(0, 11), JSON.stringify(origins), input.public ? 1 : 0, rate, createdAt);
    return { key, record: this.get(id)! };
  }

  list(): ApiKey[] {
    return (this.store.db.prepare('SELECT * FROM api_keys ORDER BY created_at, id').all() as KeyRow[]).map(fromRow);
  }

  get(id: string): ApiKey | undefined {
    const row = this.store.db.prepare('SELECT * FROM api_keys WHERE id = ?').get(id) as KeyRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The active key for a plain key, or undefined (unknown or revoked). */
  verify(key: string): ApiKey | undefined {
    const row = this.store.db.prepare('SELECT * FROM api_keys WHERE key_hash = ?').get(hashKey(key)) as
      | KeyRow
      | undefined;
    if (!row || row.revoked_at) return undefined;
    return fromRow(row);
  }

  /** Revokes a key (and with it every token issued for it). Returns false for an unknown id. */
  revoke(id: string): boolean {
    this.store.db
      .prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(new Date().toISOString(), id);
    return this.get(id) !== undefined;
  }

  /** The token secret: HJEMMEL_TOKEN_SECRET, else one generated and stored on first use. */
  tokenSecret(env: NodeJS.ProcessEnv): Buffer {
    const fromEnv = env['HJEMMEL_TOKEN_SECRET'];
    if (fromEnv && fromEnv.length >= 16) return Buffer.from(fromEnv, 'utf8');
    const db = this.store.db;
    db.prepare("INSERT OR IGNORE INTO api_settings (name, value) VALUES ('token_secret', ?)").run(
      randomBytes(32).toString('base64url'),
    );
    const row = db.prepare("SELECT value FROM api_settings WHERE name = 'token_secret'").get() as { value: string };
    return Buffer.from(row.value, 'base64url');
  }
}

export interface TokenPayload {
  /** Key id the token was issued for. */
  kid: string;
  /** Origins the token may be used from (and the embed page may be framed by). */
  origins: string[];
  /** Issued at / expires (seconds since epoch). */
  iat: number;
  exp: number;
  /** Token id: sessions and records made with this token are readable only with it. */
  jti?: string;
}

function mac(secret: Buffer, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}

export function signToken(payload: TokenPayload, secret: Buffer): string {
  const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
  return `${TOKEN_PREFIX}${body}.${mac(secret, body)}`;
}

export type TokenCheck =
  | { ok: true; payload: TokenPayload }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

export function verifyToken(token: string, secret: Buffer, nowSeconds = Date.now() / 1000): TokenCheck {
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: 'malformed' };
  // Exactly "hjt.<payload>.<mac>", both base64url: extra parts, padding or other characters are refused.
  const parts = token.slice(TOKEN_PREFIX.length).split('.');
  if (parts.length !== 2) return { ok: false, reason: 'malformed' };
  const [body, sig] = parts as [string, string];
  if (!/^[A-Za-z0-9_-]{1,4096}$/.test(body) || !/^[A-Za-z0-9_-]{43}$/.test(sig))
    return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature' };
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    typeof payload !== 'object' ||
    payload === null ||
    !Number.isInteger(payload.exp) ||
    !Number.isInteger(payload.iat) ||
    typeof payload.kid !== 'string' ||
    !Array.isArray(payload.origins) ||
    !payload.origins.every((o) => typeof o === 'string')
  )
    return { ok: false, reason: 'malformed' };
  // The lifetime cap holds on verify too, and a token from the future is not accepted.
  if (payload.exp - payload.iat > MAX_TOKEN_TTL_SECONDS || payload.exp <= payload.iat)
    return { ok: false, reason: 'malformed' };
  if (payload.iat > nowSeconds + 60) return { ok: false, reason: 'malformed' };
  if (payload.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}
