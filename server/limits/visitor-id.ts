import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SIGNED_VISITOR_ID } from '../../src/contract/index.js';

/** How long a minted visitor id is honoured: a little over a year, so last Qingming's browser still counts. */
export const VISITOR_ID_LIFETIME_MS = 400 * 86_400_000;

const ISSUED_DIGITS = 7; // base-36 seconds: good until the year 4453

/** The signing key, derived from the data key so every process of a deployment shares it. */
export const visitorKey = (dataKey: Buffer): Buffer => createHmac('sha256', dataKey).update('memorial-elements visitor id v1').digest();

const mac = (key: Buffer, body: string) => createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);

export function mintVisitorId(key: Buffer, now: Date): { visitorId: string; expiresAt: Date } {
  const random = randomBytes(12).toString('base64url'); // 16 characters
  const issued = Math.floor(now.getTime() / 1000).toString(36).padStart(ISSUED_DIGITS, '0');
  const body = `S1${random}${issued}`;
  return { visitorId: body + mac(key, body), expiresAt: new Date(now.getTime() + VISITOR_ID_LIFETIME_MS) };
}

/** True when `id` was minted with `key`, is not from the future and has not expired. */
export function isSignedVisitor(key: Buffer, id: string, now: Date): boolean {
  if (!SIGNED_VISITOR_ID.test(id)) return false;
  const body = id.slice(0, 25);
  const given = Buffer.from(id.slice(25));
  if (!timingSafeEqual(given, Buffer.from(mac(key, body)))) return false;
  const issuedMs = parseInt(id.slice(18, 25), 36) * 1000;
  const t = now.getTime();
  return issuedMs <= t + 300_000 && t - issuedMs <= VISITOR_ID_LIFETIME_MS;
}
