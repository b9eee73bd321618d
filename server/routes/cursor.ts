import { ApiError } from '../http/api-error.js';

/** Cursors are opaque to clients: base64url JSON of the sort key of the last item. */
export const encodeCursor = (key: readonly (string | number)[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor<T extends readonly ('string' | 'number')[]>(cursor: string, types: T): { [K in keyof T]: T[K] extends 'number' ? number : string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === types.length && v.every((x, i) => typeof x === types[i])) return v as never;
  } catch {
    /* fall through */
  }
  throw badCursor();
}

export const badCursor = () =>
  new ApiError(400, 'validation_failed', 'The cursor is not one this server issued', [{ path: 'cursor', message: 'is not a valid cursor' }]);
