/**
 * Domain errors: what went wrong, in words every layer can use, with no HTTP in them. Each error has a
 * `kind` (the class of failure), a machine-readable `code` and a Danish / English `message`. Only the HTTP
 * edge (src/server/app.ts) turns a kind into a status code; the CLI turns it into an exit code.
 */

export const ERROR_KINDS = [
  /** The input is malformed or refers to something that cannot be used (HTTP 400). */
  'invalid',
  /** No or wrong credentials (401). */
  'unauthorized',
  /** Credentials are fine but not enough (403). */
  'forbidden',
  /** The thing asked for does not exist (404). */
  'not_found',
  /** The request conflicts with the current state, e.g. a finished quiz session (409). */
  'conflict',
  /** Well-formed but outside what the rules cover, e.g. a date before the rules' period (422). */
  'unprocessable',
  /** Not available yet or right now, e.g. still starting (503). */
  'unavailable',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}

/** Thrown while the corpus, index or store are still loading. */
export class NotReadyError extends DomainError {
  constructor() {
    super('unavailable', 'not_ready', 'Hjemmel starter stadig op / still starting, try again shortly');
  }
}

/**
 * The error body's two languages: messages are written "Dansk / English"; the API sends the Danish part as
 * `message` and the English part as `messageEn` (absent when a message has only one language).
 */
export function bilingual(text: string): { message: string; messageEn?: string } {
  const i = text.indexOf(' / ');
  if (i < 0) return { message: text };
  return { message: text.slice(0, i), messageEn: text.slice(i + 3) };
}

/**
 * Every error code the HTTP API sends (`error.code`); the OpenAPI document lists them as the ErrorCode enum and a
 * test checks that the source uses no other. Stable: a code is never renamed within API version 1.
 */
export const ERROR_CODES = [
  'bad_request',
  'forbidden',
  'internal',
  'invalid_facts',
  'invalid_json',
  'invalid_key',
  'invalid_option',
  'invalid_request',
  'invalid_token',
  'measure_not_implemented',
  'method_not_allowed',
  'misdirected_request',
  'no_questions',
  'not_acceptable',
  'not_current_question',
  'not_found',
  'not_ready',
  'origin_not_allowed',
  'quiz_unavailable',
  'rate_limited',
  'rules_period',
  'secret_key_in_browser',
  'secret_key_required',
  'session_done',
  'token_expired',
  'too_large',
  'too_many_attempts',
  'unauthorized',
  'unknown_measure',
  'unknown_quiz_session',
  'unknown_record',
  'unknown_scenario',
  'unknown_session',
  'session_conflict',
  'unknown_unit',
  'unsupported_media_type',
  'widget_unavailable',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
