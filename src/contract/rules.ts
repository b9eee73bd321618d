/**
 * The contract's rules that a regular expression or a length cannot say, as plain functions
 * (no zod). The zod schemas apply them through `rule()` (refine.ts); the browser validators
 * generated from those schemas (scripts/gen-validators.ts → generated/validators.ts) call the
 * same functions, so a rule is written once for the server, the SDK and the elements.
 */

/**
 * Characters that must never reach storage: C0/C1 controls other than tab and newline,
 * and lone surrogates (PostgreSQL cannot store them, and they render as garbage).
 * Deliberately without the `u` flag, so the regex sees surrogate halves one by one.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Characters that show nothing on their own: white space, format characters (zero-width
 * spaces and joiners, bidi controls, soft hyphen, BOM, tags) and the blank fillers. A text made
 * only of these is empty to a reader, so it does not meet a minimum length.
 */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

export const rules = {
  noForbiddenChars: (s: string): boolean => !FORBIDDEN_CHARS.test(s),
  // A leading U+FEFF is a byte-order mark, not text, and the embedded database's reader drops
  // it from every value it returns: refused, so that whatever is stored comes back exactly.
  noLeadingBom: (s: string): boolean => !s.startsWith('\uFEFF'),
  /** At least `min` visible characters, counted in code points. */
  visibleAtLeast: (s: string, min: number): boolean => [...s.replace(INVISIBLE, '')].length >= min,
  /** At most `max` characters in code points (𠀋 is one character, as a reader counts it). */
  codePointsAtMost: (s: string, max: number): boolean => [...s].length <= max,
  /** An absolute http(s) URL: anything else (javascript:, data:) could end up in an href. */
  httpUrl: (s: string): boolean => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  },
  /** `o[later]` is not before `o[earlier]` (ISO dates compare as strings). */
  notBefore: (o: Record<string, unknown>, later: string, earlier: string): boolean => (o[later] as string) >= (o[earlier] as string),
};

export type RuleName = keyof typeof rules;
