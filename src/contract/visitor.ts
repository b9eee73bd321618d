import * as z from 'zod/mini';
import { Cursor, Limit, page } from './common.js';

/**
 * A visitor id minted and signed by the server (`POST /visitors`): `S1`, 16 random characters,
 * the issue time (7 base-36 digits of seconds) and a 22-character HMAC. It fits the contract's
 * `VisitorId`, so it is sent where any visitor id goes; the server checks the signature and
 * gives signed visitors the full tribute allowance. It names a browser, never a person.
 */
export const SIGNED_VISITOR_ID = /^S1[A-Za-z0-9_-]{16}[0-9a-z]{7}[A-Za-z0-9_-]{22}$/;

export const VisitorGrant = z.object({
  visitorId: z.string().check(z.regex(SIGNED_VISITOR_ID)),
  /** Until when the server accepts this id (keep it until then, e.g. in localStorage). */
  expiresAt: z.iso.datetime({ offset: true }),
});
export type VisitorGrant = z.infer<typeof VisitorGrant>;

/** Nothing to send: the server decides. An empty object (or no body) is accepted. */
export const VisitorRequest = z.object({});

/** One address refused by one budget in one hour (what staff see). */
export const ThrottledAddress = z.object({
  address: z.string(),
  /** `mint` (new visitors), `address` (counted tributes), `unsigned` (unsigned visitor ids), `visitor` (one visitor's allowance). */
  budget: z.string(),
  hour: z.iso.datetime({ offset: true }),
  refused: z.number().check(z.int(), z.gte(0)),
  firstAt: z.iso.datetime({ offset: true }),
  lastAt: z.iso.datetime({ offset: true }),
});
export type ThrottledAddress = z.infer<typeof ThrottledAddress>;
export const ThrottledQuery = z.object({ cursor: z.optional(Cursor), limit: z.optional(Limit) });
export const ThrottledPage = page(ThrottledAddress);
