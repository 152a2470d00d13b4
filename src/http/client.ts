/**
 * The one place that decides who the client is and which host it asked for.
 *
 * - Proxy headers are honoured only with an explicit HJEMMEL_TRUST_PROXY (express `trust proxy`, i.e.
 *   proxy-addr: `loopback`, a hop count, or addresses/subnets). Without it the socket address decides, and a
 *   request that carries any proxy header (X-Forwarded-For, Forwarded, X-Real-IP, …) is never "local": it
 *   came through a proxy that was not declared, so it may be anyone.
 * - The Host header must name this server: loopback names, HJEMMEL_PUBLIC_HOSTS, the host of
 *   HJEMMEL_PUBLIC_ORIGIN and a specific HOST address. Others get 421, which stops DNS rebinding.
 * - The server's own origin comes from HJEMMEL_PUBLIC_ORIGIN, or (for loopback hosts) from the checked Host.
 */
import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { bilingual } from '../errors/index.ts';

export interface ClientSettings {
  /** The value for express `trust proxy` (false: no proxy headers are honoured). */
  trustProxy: boolean | number | string | string[];
  /** Host names (without port) the server answers for, besides the loopback names. */
  publicHosts: string[];
  /** The configured public origin, e.g. https://hjemmel.kommune.dk. */
  publicOrigin: string | null;
}

const PROXY_HEADERS = [
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'forwarded',
  'x-real-ip',
  'x-client-ip',
  'true-client-ip',
  'cf-connecting-ip',
  'fastly-client-ip',
  'x-cluster-client-ip',
  'x-original-forwarded-for',
];

function parseTrustProxy(raw: string | undefined): ClientSettings['trustProxy'] {
  const v = raw?.trim();
  if (!v || v === '0' || v === 'false' || v === 'off') return false;
  if (/^\d+$/.test(v)) return Number(v);
  if (v === 'true' || v === '1') return 'loopback';
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function clientSettingsFrom(env: NodeJS.ProcessEnv = {}): ClientSettings {
  const publicOrigin = env['HJEMMEL_PUBLIC_ORIGIN']?.trim()
    ? new URL(env['HJEMMEL_PUBLIC_ORIGIN'].trim()).origin
    : null;
  const hosts = (env['HJEMMEL_PUBLIC_HOSTS'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean);
  if (publicOrigin) hosts.push(new URL(publicOrigin).hostname.toLowerCase());
  const bind = env['HOST']?.trim().toLowerCase();
  if (bind && bind !== '0.0.0.0' && bind !== '::' && bind !== '[::]') hosts.push(bind.replace(/^\[|\]$/g, ''));
  return { trustProxy: parseTrustProxy(env['HJEMMEL_TRUST_PROXY']), publicHosts: [...new Set(hosts)], publicOrigin };
}

function loopbackAddress(addr: string | undefined): boolean {
  if (!addr) return false;
  const a = addr.startsWith('::ffff:') ? addr.slice(7) : addr;
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'));
}

function loopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || loopbackAddress(host);
}

/** The host name of the request (no port, no brackets), as express sees it under the trust-proxy setting. */
export function requestHost(req: Request): string {
  return (req.hostname ?? '').toLowerCase().replace(/^\[|\]$/g, '');
}

function trusting(req: Request): boolean {
  const t = req.app.get('trust proxy') as unknown;
  return t !== false && t !== undefined && t !== 0;
}

/** A request from this machine: the client address is loopback (after trusted proxies only). */
export function isLocalRequest(req: Request): boolean {
  if (trusting(req)) return loopbackAddress(req.ip);
  if (PROXY_HEADERS.some((h) => req.headers[h] !== undefined)) return false;
  return loopbackAddress(req.socket.remoteAddress);
}

/** The client's address for rate limits (the socket address unless a proxy is trusted). */
export function clientAddress(req: Request): string {
  return (trusting(req) ? req.ip : req.socket.remoteAddress) ?? 'unknown';
}

function settingsOf(req: Request): ClientSettings {
  return (req.app.locals['clientSettings'] as ClientSettings | undefined) ?? clientSettingsFrom({});
}

/** Whether `host` is one this server answers for. */
export function hostAllowed(host: string, settings: ClientSettings): boolean {
  return host !== '' && (loopbackHost(host) || settings.publicHosts.includes(host));
}

/** The server's own origin as the browser sees it. */
export function selfOrigin(req: Request): string {
  const s = settingsOf(req);
  const host = requestHost(req);
  if (s.publicOrigin && new URL(s.publicOrigin).hostname.toLowerCase() === host) return s.publicOrigin;
  if (loopbackHost(host)) return `http://${req.get('host') ?? host}`;
  return `${req.protocol}://${req.get('host') ?? host}`;
}

/** Applies the settings to an app: `trust proxy` and the Host allow-list (421 for other hosts). */
export function clientGuard(settings: ClientSettings) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (hostAllowed(requestHost(req), settings)) return next();
    res.status(421).json({
      error: {
        code: 'misdirected_request',
        ...bilingual('Ukendt værtsnavn (HJEMMEL_PUBLIC_HOSTS) / unknown host name (HJEMMEL_PUBLIC_HOSTS)'),
      },
    });
  };
}
