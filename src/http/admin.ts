/**
 * Administrator access shared by the feedback list (/admin/feedback) and the quiz manager view
 * (/quiz/leder): with HJEMMEL_ADMIN_TOKEN set, `Authorization: Bearer <token>` or HTTP Basic with the
 * token as password; without it, only direct requests from localhost.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { DomainError } from '../errors/index.ts';
import { isLocalRequest } from './client.ts';

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A request from this machine: decided in one place, src/http/client.ts. */
export { isLocalRequest } from './client.ts';

export function adminToken(env: NodeJS.ProcessEnv | undefined): string | undefined {
  return (env ?? process.env)['HJEMMEL_ADMIN_TOKEN'] || undefined;
}

/**
 * The admin token a request must present, or null when no token is configured and the request comes from
 * this machine (allowed); throws forbidden when no token is configured and the request is not local.
 */
export function requiredAdminToken(state: { env?: NodeJS.ProcessEnv | undefined }, req: Request): string | null {
  const token = adminToken(state.env);
  if (token) return token;
  if (isLocalRequest(req)) return null;
  throw new DomainError(
    'forbidden',
    'forbidden',
    'Kun adgang fra localhost; sæt HJEMMEL_ADMIN_TOKEN for adgang udefra / localhost only unless HJEMMEL_ADMIN_TOKEN is set',
  );
}

/** Throws forbidden/unauthorized unless the request may see administrator pages. `realm` names the login prompt. */
export function requireAdmin(
  state: { env?: NodeJS.ProcessEnv | undefined },
  req: Request,
  res: Response,
  realm = 'Hjemmel admin',
): void {
  const token = requiredAdminToken(state, req);
  if (token === null) return;
  const auth = req.get('authorization') ?? '';
  let given: string | undefined;
  if (/^bearer /i.test(auth)) given = auth.slice(7).trim();
  else if (/^basic /i.test(auth)) {
    const decoded = Buffer.from(auth.slice(6).trim(), 'base64').toString('utf8');
    given = decoded.slice(decoded.indexOf(':') + 1);
  }
  if (given !== undefined && safeEqual(given, token)) return;
  res.set('WWW-Authenticate', `Basic realm="${realm}", charset="UTF-8"`);
  throw new DomainError('unauthorized', 'unauthorized', 'Administratoradgang kræver token / admin token required');
}
