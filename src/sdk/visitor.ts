import type { VisitorGrant } from '../contract/visitor.js';
import { mintVisitor } from '../contract/routes.public.js';
import type { Transport, WriteOptions } from './transport.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 22 random URL-safe characters: an unsigned visitor id, for when the server cannot mint one. */
export function randomVisitorId(): string {
  const bytes = new Uint8Array(22);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

/**
 * Visitor ids. The server signs the ids it mints (`POST /visitors`) and gives them the full
 * tribute allowance; an id it never minted shares a small allowance per network address. A
 * client mints one the first time it offers a tribute without naming a visitor and keeps it for
 * its life; if minting fails (offline, or this address has minted too many just now) it falls
 * back to a random unsigned id, so the offer still goes through.
 */
export function visitorsResource(t: Transport) {
  let current: Promise<string> | undefined;
  const mint = (opts?: WriteOptions): Promise<VisitorGrant> => t.call(mintVisitor, { body: {} }, opts);
  return {
    /** Mints a new signed visitor id. Keep it (it is valid until `expiresAt`) rather than minting per page view. */
    mint,
    /** This client's visitor id: minted once, then the same for every call. */
    current(): Promise<string> {
      current ??= mint().then(
        (grant) => grant.visitorId,
        () => randomVisitorId(),
      );
      return current;
    },
  };
}
export type VisitorsResource = ReturnType<typeof visitorsResource>;
