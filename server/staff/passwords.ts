import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended
 * minimum for a memory-hard password hash, about 50 ms on one core.
 */
// 2 is Algorithm.Argon2id: a const enum, which isolated modules cannot read.
export const hashPassword = (password: string) => hash(password, { algorithm: 2 });

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real check when the login is unknown, so timing does not tell which logins exist. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword('an unknown login still costs one hash');
  await verifyPassword(await dummy, password);
}

export const MIN_PASSWORD_LENGTH = 12;

/** zxcvbn-ts's list of about 49,000 passwords seen most often in breaches. */
const COMMON = new Set(dictionary['passwords-common'] as string[]);

/**
 * Why a new password is refused, or null. Besides length: a common password, a common one with
 * digits or symbols appended ("password2024!!"), one made of a few repeated characters, or one
 * that contains the login.
 */
export function passwordProblem(password: string, login: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  const core = lower.replace(/[\d\W_]+$/u, '');
  if (COMMON.has(lower) || (core.length >= 4 && COMMON.has(core))) return 'is on the list of commonly used passwords';
  if (new Set(lower).size < 5) return 'uses too few different characters';
  if (login.length >= 3 && lower.includes(login.toLowerCase())) return 'must not contain the login';
  return null;
}
