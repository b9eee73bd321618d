import { Secret, TOTP } from 'otpauth';

const ISSUER = 'memorial-elements';
const PERIOD = 30;

const totpOf = (secret: string, label = 'staff') => new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });

/** A fresh 160-bit secret (RFC 4226's recommended length) and the URI an authenticator app scans. */
export function newTotp(login: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totpOf(secret, login).toString() };
}

/**
 * The time step a code belongs to (one step either side allowed for clock drift), or null.
 * Callers refuse a step at or before the last one accepted, so a seen code cannot be replayed.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The current code: for tests and the command line, never sent by the server. */
export const totpCode = (secret: string, now: Date) => totpOf(secret).generate({ timestamp: now.getTime() });
