import * as z from 'zod/mini';
import { rule } from './refine.js';

/**
 * Free text as people write it. Length is counted in code points, so a name with a
 * character outside the BMP (e.g. 𠀋) counts as one character, as a reader would count it.
 */
export const text = (min: number, max: number) =>
  z.string().check(
    rule('noForbiddenChars', [], 'contains control characters or broken surrogate pairs'),
    rule('noLeadingBom', [], 'starts with a byte-order mark (U+FEFF)'),
    rule('visibleAtLeast', [min], min === 1 ? 'must not be empty' : `must be at least ${min} characters`),
    rule('codePointsAtMost', [max], `must be at most ${max} characters`),
  );

/** Counts user-visible characters the same way the schemas do. */
export const charCount = (s: string): number => [...s].length;

export const Id = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters, digits, "_" or "-"'));

/**
 * A date known to year, month or day precision: `1949`, `1949-10` or `1949-10-01`.
 * Old registers often record only the year, so precision is part of the value.
 */
export const PartialDate = z.string().check(
  z.regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
  z.refine((s) => {
    if (s.length < 10) return true;
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
  }, { message: 'is not a real calendar day' }),
);
export type PartialDate = z.infer<typeof PartialDate>;

/** A calendar day (YYYY-MM-DD) in Asia/Shanghai. */
export const CalendarDay = z.iso.date();

/** An http(s) URL: anything else (javascript:, data:) is refused so it can never end up in an href. */
export const SafeUrl = z.string().check(z.maxLength(2000), rule('httpUrl', [], 'must be an absolute http(s) URL'));

export const Cursor = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, 'is not a cursor from a previous page'));

/** Query-string boolean: `true`/`false`, `1`/`0`. */
export const QueryBoolean = z.stringbool();

export const page = <T extends z.core.$ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Opaque; pass it back as `cursor` to get the next page. `null` on the last page. */
    nextCursor: z.nullable(Cursor),
  });

/** Page size, from a query string or a number. */
export const Limit = z.coerce.number().check(z.int(), z.gte(1), z.lte(100));
