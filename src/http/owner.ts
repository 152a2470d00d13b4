/**
 * Who owns a session, record or feedback item: the API key (`key:<id>`) or the anonymous local client
 * (`local`). A browser token also carries its token id: it sees only what was made with it.
 * The API guard puts the authenticated client in `res.locals.client`; without the guard (a bare app in
 * tests, or a page outside /api/v1) the caller is the local client.
 */
import type { Response } from 'express';

export interface Principal {
  owner: string;
  /** Set for browser tokens: the token id (`jti`). */
  tokenId: string | null;
}

export const LOCAL_OWNER = 'local';

export function principalOf(res: Response): Principal {
  const c = res.locals['client'] as { keyId?: string | null; tokenId?: string | null } | undefined;
  if (!c?.keyId) return { owner: LOCAL_OWNER, tokenId: null };
  return { owner: `key:${c.keyId}`, tokenId: c.tokenId ?? null };
}

/** The API key id of a principal (null for the anonymous local client), as records store it. */
export function keyIdOf(p: Principal): string | null {
  return p.owner.startsWith('key:') ? p.owner.slice(4) : null;
}

/** Whether the caller may see something made by `made` (owner and, for tokens, the same token). */
export function mayAccess(caller: Principal, made: { owner?: string | null; tokenId?: string | null }): boolean {
  if ((made.owner ?? LOCAL_OWNER) !== caller.owner) return false;
  return caller.tokenId === null || made.tokenId === caller.tokenId;
}
