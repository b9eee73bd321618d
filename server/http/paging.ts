import { ApiError } from './api-error.js';

/**
 * Keyset cursors for every list. A cursor is base64url JSON of the last item's sort key, and
 * each part is checked against a strict grammar before it reaches SQL: a cursor that
 * JavaScript accepts but PostgreSQL would refuse (an impossible date, a six-digit year, an odd
 * offset, a NUL, a number out of range) is a 400, never a 500 with the query in the log.
 */
export type CursorPart =
  /** A timestamptz as PostgreSQL prints it (`created_at::text`) or as ISO with `Z`. */
  | 'timestamp'
  /** A row id (the contract's `Id`). */
  | 'id'
  /** A sort key such as a name: printable text of at most 500 code points. */
  | 'text'
  /** A non-negative integer no larger than a bigint the server hands out (2^53 − 1). */
  | 'int'
  /** A finite number that fits PostgreSQL's `real`. */
  | 'real';

type PartValue<P extends CursorPart> = P extends 'int' | 'real' ? number : string;
export type CursorValues<T extends readonly CursorPart[]> = { -readonly [K in keyof T]: PartValue<T[K]> };

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2}))?)$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
// C0/C1 controls and lone surrogates: PostgreSQL cannot take NUL, and none belongs in a key.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const REAL_MAX = 3.4e38;

function validTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec, oh = '0', om = '0'] = m.slice(1).map((x) => (x === undefined ? undefined : Number(x))) as number[];
  if (y! < 1 || mo! < 1 || mo! > 12 || d! < 1 || h! > 23 || mi! > 59 || sec! > 59) return false;
  if (Number(oh) > 15 || Number(om) > 59) return false;
  return d! <= new Date(Date.UTC(y!, mo!, 0)).getUTCDate();
}

const CHECKS: Record<CursorPart, (v: unknown) => boolean> = {
  timestamp: (v) => typeof v === 'string' && validTimestamp(v),
  id: (v) => typeof v === 'string' && ID.test(v),
  text: (v) => typeof v === 'string' && [...v].length <= 500 && !UNPRINTABLE.test(v),
  int: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
  real: (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= REAL_MAX,
};

export const badCursor = () =>
  new ApiError(400, 'validation_failed', 'The cursor is not one this server issued', [{ path: 'cursor', message: 'is not a valid cursor' }]);

export interface CursorCodec<T extends readonly CursorPart[]> {
  encode(values: CursorValues<T>): string;
  /** The checked values, or a 400 `validation_failed` on `cursor`. */
  decode(cursor: string): CursorValues<T>;
}

/** A cursor of the given parts, e.g. `keysetCursor(['timestamp', 'id'])` for (created_at, id). */
export function keysetCursor<const T extends readonly CursorPart[]>(parts: T): CursorCodec<T> {
  return {
    encode: (values) => Buffer.from(JSON.stringify(values)).toString('base64url'),
    decode(cursor) {
      let v: unknown;
      try {
        v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      } catch {
        throw badCursor();
      }
      if (!Array.isArray(v) || v.length !== parts.length || !parts.every((p, i) => CHECKS[p](v[i]))) throw badCursor();
      return v as CursorValues<T>;
    },
  };
}

/**
 * One page from `limit + 1` rows: the first `limit` items, and a cursor from the last of them
 * when there was one more row.
 */
export function pageOf<R, I, T extends readonly CursorPart[]>(
  rows: readonly R[],
  limit: number,
  codec: CursorCodec<T>,
  keyOf: (row: R) => CursorValues<T>,
  toItem: (row: R) => I,
): { items: I[]; nextCursor: string | null } {
  const last = rows[limit - 1];
  return { items: rows.slice(0, limit).map(toItem), nextCursor: rows.length > limit && last !== undefined ? codec.encode(keyOf(last)) : null };
}

/** The (created_at, id) cursor shared by the oldest- or newest-first lists. */
export const createdCursor = keysetCursor(['timestamp', 'id'] as const);
