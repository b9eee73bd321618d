import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** AES-256-GCM for personal data at rest: `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptField(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The current key first, then keys being rotated out: what decrypts a field. */
export type KeyRing = Buffer | readonly Buffer[];

export function decryptField(keys: KeyRing, sealed: string): string {
  const [v, iv, tag, data] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !data) throw new Error('not an encrypted field');
  let failure: unknown;
  for (const key of Buffer.isBuffer(keys) ? [keys] : keys) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch (err) {
      failure = err;
    }
  }
  throw failure instanceof Error ? failure : new Error('no key decrypts this field');
}

/** `138****5678`: enough for staff to recognise a number without exposing it in lists. */
export const maskMobile = (m: string) => `${m.slice(0, 3)}****${m.slice(-4)}`;

/**
 * A keyed hash (HMAC-SHA256 under a key derived from the data key) for equality without the
 * value: the same mobile or address gives the same hash, and without the key nobody can test
 * guesses against the table. `purpose` keeps the hashes of different uses apart.
 */
export function keyedHash(key: Buffer, purpose: string, value: string): string {
  const derived = createHmac('sha256', key).update(`memorial-elements keyed hash: ${purpose}`).digest();
  return createHmac('sha256', derived).update(value, 'utf8').digest('base64url');
}
