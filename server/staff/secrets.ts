import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** High-entropy secrets (session ids, API tokens, recovery codes) need no slow hash: SHA-256 suffices. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** `mst_…`: a prefix makes a leaked token recognisable to secret scanners and in logs. */
export const newSecret = (prefix: string, bytes = 32) => `${prefix}${randomBytes(bytes).toString('base64url')}`;

export const newId = () => randomBytes(9).toString('base64url');

/** Constant-time comparison that also hides the lengths. */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
