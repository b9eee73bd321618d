/**
 * Cursors crafted to get past a lenient check and trip PostgreSQL (issue 17, item 4): shared by
 * test/node/security.cursors.test.ts and the whole-API fuzz.
 */
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export const CRAFTED_CURSOR_VALUES: readonly unknown[] = [
  ['2024-02-30 00:00:00+00', 'x'], // impossible day that Date.parse rolls over
  ['2023-02-29T10:00:00Z', 'x'],
  ['+275760-09-13T00:00:00.000Z', 'x'], // six-digit year
  ['-000001-01-01T00:00:00Z', 'x'],
  ['2024-01-01T00:00:00+99:99', 'x'], // odd offsets
  ['2024-01-01T00:00:00+05:30:15', 'x'],
  ['2024-01-01 24:00:00+00', 'x'],
  ['Tue, 01 Jan 2024 00:00:00 GMT', 'x'],
  ['2024', 'x'],
  ['2024-01-01T00:00:00Z\u0000', 'x'], // NUL
  ['2024-01-01T00:00:00Z', 'a\u0000b'],
  ['2024-01-01T00:00:00Z', "x' OR '1'='1"],
  [1.5], [-1], [1e308], [2 ** 64], ['1'], [null], // audit log ids
  [1e39, 'x'], [-1e39, 'x'], ['0.5', 'x'], // match scores beyond real
  [0.5, 'key', 'id'], [2 ** 60, 'key', 'id'], [0, 'a\u0000', 'id'], [-1, 'key', 'id'], [0, 'key', '\ud800'], // search
  [1e20, 'https://x.gov.cn'], [1, '\u0000'], // embed report
  {}, 'string', [], [[]],
];

export const CRAFTED_CURSORS: readonly string[] = [...CRAFTED_CURSOR_VALUES.map(b64), '%00', 'not-base64-json', '____', 'AAAA'];
