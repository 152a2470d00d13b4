/**
 * Opaque record ids (issue 16): the API never shows the sequential audit id. A record id is the audit id
 * enciphered with AES-128 under a key derived from the server's token secret (shared by every instance), as
 * `rec_` + 22 base64url characters. One 16-byte block holds the id (8 bytes) and 8 zero bytes, so a guessed or
 * altered id deciphers to non-zero padding and is refused: ids cannot be enumerated or forged, and no table
 * maps them.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { KeyStore } from '../../keys/index.ts';
import type { Store } from '../../store/index.ts';

const PREFIX = 'rec_';
const PATTERN = /^rec_[A-Za-z0-9_-]{22}$/;

export interface RecordIdCodec {
  encode(auditId: number): string;
  /** The audit id, or undefined for anything that is not a record id of this server. */
  decode(recordId: string): number | undefined;
  /** A signature for a print link of `recordId` that expires at `exp` (Unix seconds). */
  signPrint(recordId: string, exp: number): string;
  /** Whether `sig` signs `recordId` until `exp` and `exp` has not passed at `now` (Unix seconds). */
  verifyPrint(recordId: string, exp: number, sig: string, now: number): boolean;
}

/** How long a print link works: long enough to open it from the journal, short enough not to be a credential. */
export const PRINT_LINK_SECONDS = 15 * 60;

export function recordIdCodec(secret: Buffer): RecordIdCodec {
  const key = createHash('sha256').update(secret).update('hjemmel:record-id:v1').digest().subarray(0, 16);
  const printKey = createHash('sha256').update(secret).update('hjemmel:print-link:v1').digest();
  const sign = (recordId: string, exp: number) =>
    createHmac('sha256', printKey).update(`${recordId}.${exp}`).digest('base64url').slice(0, 32);
  return {
    signPrint: sign,
    verifyPrint(recordId, exp, sig, now) {
      if (!Number.isSafeInteger(exp) || exp < now || exp > now + PRINT_LINK_SECONDS + 60) return false;
      const want = Buffer.from(sign(recordId, exp));
      const got = Buffer.from(sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
    encode(auditId) {
      if (!Number.isSafeInteger(auditId) || auditId < 0) throw new RangeError(`bad audit id ${auditId}`);
      const block = Buffer.alloc(16);
      block.writeBigUInt64BE(BigInt(auditId), 0);
      const c = createCipheriv('aes-128-ecb', key, null).setAutoPadding(false);
      return PREFIX + Buffer.concat([c.update(block), c.final()]).toString('base64url');
    },
    decode(recordId) {
      if (!PATTERN.test(recordId)) return undefined;
      const raw = Buffer.from(recordId.slice(PREFIX.length), 'base64url');
      if (raw.length !== 16) return undefined;
      const d = createDecipheriv('aes-128-ecb', key, null).setAutoPadding(false);
      const block = Buffer.concat([d.update(raw), d.final()]);
      if (!block.subarray(8).equals(Buffer.alloc(8))) return undefined;
      const id = block.readBigUInt64BE(0);
      return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : undefined;
    },
  };
}

const codecs = new WeakMap<Store, RecordIdCodec>();

/** The codec of this server's database (its token secret, or HJEMMEL_TOKEN_SECRET), made once per store. */
export async function recordIds(store: Store, env: NodeJS.ProcessEnv = {}): Promise<RecordIdCodec> {
  let c = codecs.get(store);
  if (!c) {
    c = recordIdCodec(await new KeyStore(store).tokenSecret(env));
    codecs.set(store, c);
  }
  return c;
}

/** The short-lived signed link to a record's printable page (opened without the API key, e.g. from the journal). */
export function printLinkFor(
  codec: RecordIdCodec,
  recordId: string,
  now = Math.floor(Date.now() / 1000),
): { url: string; exp: number; sig: string } {
  const exp = now + PRINT_LINK_SECONDS;
  const sig = codec.signPrint(recordId, exp);
  return { url: `/api/v1/records/${recordId}/print?exp=${exp}&sig=${sig}`, exp, sig };
}
