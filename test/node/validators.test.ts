// The browser validators generated from the zod contract (scripts/gen-validators.ts, issue 15)
// must be current and must accept, refuse and return exactly what the schemas do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { CalendarCampaign, Campaign, CampaignIdParam } from '../../src/contract/campaign.js';
import { ErrorBody } from '../../src/contract/error.js';
import { validateCalendarCampaign, validateCampaign, validateCampaignIdParam, validateErrorBody } from '../../src/contract/generated/validators.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const VALID = {
  id: 'qingming-2020',
  kind: 'qingming',
  title: '致敬·2020清明祭英烈',
  theme: '致敬',
  startDate: '2020-02-10',
  endDate: '2020-04-10',
  url: 'https://www.chinamartyrs.gov.cn/',
  partnerLinks: [{ title: '重庆', url: 'http://example.gov.cn/a' }],
};

/** Same verdict, and on success the same data (unknown keys dropped alike). */
function agree(schema: { safeParse: (v: unknown) => { success: boolean; data?: unknown } }, check: (v: unknown) => { data?: unknown; issues?: unknown[] }, input: unknown): void {
  const z = schema.safeParse(input);
  const g = check(input);
  assert.equal(g.issues === undefined, z.success, `verdicts differ for ${JSON.stringify(input)}: zod ${z.success}, generated ${JSON.stringify(g.issues)}`);
  if (z.success) assert.deepEqual(g.data, z.data);
}

describe('generated validators', () => {
  it('are what the contract gives today (npm run build:validators)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/gen-validators.ts', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
  });

  it('agree with Campaign on hand-picked cases', () => {
    const cases: unknown[] = [
      VALID,
      { ...VALID, theme: null, partnerLinks: [], extra: true },
      { ...VALID, title: '𠀋'.repeat(100) },
      { ...VALID, title: '𠀋'.repeat(101) },
      { ...VALID, title: '\u200b\u200d\ufeff' },
      { ...VALID, title: '\ufeff致敬' },
      { ...VALID, title: 'a\ud800b' },
      { ...VALID, id: 'Qingming-2020' },
      { ...VALID, kind: 'festival' },
      { ...VALID, url: 'javascript:alert(1)' },
      { ...VALID, url: `https://e.gov.cn/${'a'.repeat(2000)}` },
      { ...VALID, endDate: '2020-02-30' },
      { ...VALID, startDate: '2100-02-29' },
      { ...VALID, startDate: '2000-02-29', endDate: '2000-03-01' },
      { ...VALID, startDate: '2020-04-11' },
      { ...VALID, partnerLinks: Array.from({ length: 21 }, () => ({ title: 'x', url: 'https://e.gov.cn/' })) },
      { ...VALID, partnerLinks: [{ title: 'x', url: 'ftp://e.gov.cn/', more: 1 }] },
      { ...VALID, partnerLinks: ['https://e.gov.cn/'] },
      { ...VALID, theme: undefined },
      null,
      [VALID],
      'x',
    ];
    for (const input of cases) agree(Campaign, validateCampaign, input);
  });

  it('agree with Campaign on generated campaigns (fast-check)', () => {
    const tricky = fc.constantFrom('', ' ', '致敬', '𠀋', '\u200b', '\ufeff', '\u0007', '\ud800', 'a'.repeat(41), '𠀋'.repeat(101), 'https://e.gov.cn/', 'javascript:x', '2020-02-29', '2021-02-29', '2020-13-01', 'qingming-2026', 'Q', null, 3, undefined);
    const field = fc.oneof(tricky, fc.string({ maxLength: 5 }));
    const campaign = fc.record({
      id: fc.oneof(field, fc.constant(VALID.id)),
      kind: fc.oneof(field, fc.constantFrom('qingming', 'other', 'festival')),
      title: fc.oneof(field, fc.constant(VALID.title)),
      theme: fc.oneof(field, fc.constant(VALID.theme)),
      startDate: fc.oneof(field, fc.constantFrom('2020-02-10', '2020-04-11')),
      endDate: fc.oneof(field, fc.constant(VALID.endDate)),
      url: fc.oneof(field, fc.constant(VALID.url)),
      partnerLinks: fc.oneof(fc.constant([]), fc.array(fc.record({ title: field, url: field }), { maxLength: 2 }), field),
    }, { requiredKeys: [] });
    fc.assert(fc.property(campaign, (c) => agree(Campaign, validateCampaign, c)), { numRuns: 2000 });
  });

  it('agree with CalendarCampaign (the banner checks its label and tone)', () => {
    const label = { 'zh-Hans': '悼念死难同胞', 'zh-Hant': '悼念死難同胞', en: 'Mourning the victims' };
    const cases: unknown[] = [
      VALID,
      { ...VALID, label, tone: 'mourning' },
      { ...VALID, label, tone: 'joy' },
      { ...VALID, label: { ...label, en: '' } },
      { ...VALID, label: { 'zh-Hans': '缅怀英烈' } },
      { ...VALID, label: { ...label, 'zh-Hans': '缅'.repeat(41) } },
      { ...VALID, tone: null },
      { ...VALID, label, tone: 'honour', startDate: '2020-04-11' },
    ];
    for (const input of cases) agree(CalendarCampaign, validateCalendarCampaign, input);
  });

  it('agree with CampaignIdParam and ErrorBody', () => {
    for (const id of ['current', 'qingming-2020', 'a_b', '..', '', 'x'.repeat(65), 'Current', 5]) agree(CampaignIdParam, validateCampaignIdParam, { id });
    const bodies: unknown[] = [
      { code: 'not_found', message: 'No such campaign' },
      { code: 'validation_failed', message: 'x', issues: [{ path: 'a', message: 'b', extra: 1 }], requestId: 'r1' },
      { code: 'x', message: 'y', issues: 'no' },
      { code: 'x', message: 'y', requestId: 5 },
      { code: 3, message: 'y' },
      { message: 'y' },
      '<html>bad gateway</html>',
      undefined,
    ];
    for (const body of bodies) agree(ErrorBody, validateErrorBody, body);
  });
});
