import * as z from 'zod/mini';

/** Stable, machine-readable error codes. Messages are for people and may change. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'invalid_json',
  'unsupported_media_type',
  'unauthorized',
  // Staff: signed in but without the role or scope, a missing/wrong CSRF token, or a second factor still owed.
  'forbidden',
  'second_factor_required',
  'not_found',
  'method_not_allowed',
  'conflict',
  'idempotency_key_reused',
  'payload_too_large',
  'rate_limited',
  'internal_error',
  'unavailable',
  // Photos (server/photos/pipeline.ts): refused uploads, each with a message saying what to do.
  'photo_heic',
  'photo_unsupported',
  'photo_undecodable',
  'photo_too_large',
  'photo_too_many_pixels',
  'photo_too_small',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const FieldIssue = z.object({
  /** Dotted path of the field, e.g. `nativePlace.code`; empty for the whole body. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.optional(z.array(FieldIssue)),
  requestId: z.optional(z.string()),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
