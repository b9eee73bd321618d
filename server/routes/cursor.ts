import { keysetCursor, type CursorPart } from '../http/paging.js';

/**
 * Superseded by server/http/paging.ts, kept so routes written against the old helper still
 * compile; it now applies paging.ts's strict checks ('string' → text, 'number' → real).
 * @deprecated use keysetCursor() and pageOf() from server/http/paging.ts
 */
export { badCursor } from '../http/paging.js';

type Legacy = 'string' | 'number';
const partOf = (t: Legacy): CursorPart => (t === 'number' ? 'real' : 'text');

/** @deprecated use keysetCursor(parts).encode */
export const encodeCursor = (key: readonly (string | number)[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

/** @deprecated use keysetCursor(parts).decode */
export function decodeCursor<T extends readonly Legacy[]>(cursor: string, types: T): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  return keysetCursor(types.map(partOf)).decode(cursor) as never;
}
