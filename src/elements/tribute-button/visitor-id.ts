/**
 * The visitor id that lets the server count one tribute of each kind per visitor, martyr and
 * day. It is 22 random characters made in the browser: it names a browser, not a person, is
 * never linked to personal data and is sent only with tribute requests.
 *
 * It is kept in `localStorage` under {@link VISITOR_ID_KEY} so a reader who comes back the
 * same day sees their tribute as already offered. Where storage is blocked (private modes,
 * sandboxed iframes, a site's storage policy) it lives in memory for the life of the page.
 */

/** The `localStorage` key. Removing it gives the browser a new id (and so a new daily allowance). */
export const VISITOR_ID_KEY = 'memorial-elements.visitor-id';

/** What the API accepts as a visitor id (the contract's `VisitorId`). */
const VALID = /^[A-Za-z0-9_-]{8,64}$/;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** 22 characters of 64 symbols: 132 random bits, from `getRandomValues` (available outside secure contexts too). */
export function newVisitorId(): string {
  const bytes = new Uint8Array(22);
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.getRandomValues === 'function') c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 63];
  return id;
}

/** Storage as the page allows it: undefined when reading `localStorage` itself throws. */
export type StorageGetter = () => Pick<Storage, 'getItem' | 'setItem'> | null | undefined;

const pageStorage: StorageGetter = () => globalThis.localStorage;

/**
 * Reads the stored id, or makes one and tries to store it. Never throws: a blocked, full or
 * missing storage leaves the new id in memory only.
 */
export function readOrCreateVisitorId(storage: StorageGetter = pageStorage): string {
  try {
    const stored = storage()?.getItem(VISITOR_ID_KEY);
    if (stored && VALID.test(stored)) return stored;
  } catch {
    // storage blocked: fall through to a fresh, in-memory id
  }
  const id = newVisitorId();
  try {
    storage()?.setItem(VISITOR_ID_KEY, id);
  } catch {
    // kept in memory only
  }
  return id;
}

let current: string | undefined;

/** Replaces this browser's visitor id (with one the server signed), in memory and in storage. */
export function adoptVisitorId(id: string, storage: StorageGetter = pageStorage): void {
  current = id;
  try {
    storage()?.setItem(VISITOR_ID_KEY, id);
  } catch {
    // kept in memory only
  }
}

/** This browser's visitor id (read once per page, then kept in memory). */
export function visitorId(): string {
  current ??= readOrCreateVisitorId();
  return current;
}
