/**
 * The banner's check of a campaign from the API when it fetches the campaign itself (no
 * provider). It applies exactly the rules of the contract's `Campaign` schema
 * (src/contract/campaign.ts, with `text`, `SafeUrl` and `CalendarDay` from common.ts) and, like
 * the schema, returns only the known fields; test/browser/elements/campaign-banner.test.ts
 * checks that both accept and refuse the same inputs and return the same data.
 *
 * Why not the schema itself: zod/mini for this schema is 6–8 KB gzip, and the banner's whole
 * budget is 16 KB next to lit (see docs/performance.md). Inside a `<memorial-provider>` the
 * banner goes through the SDK, which validates with the schema.
 *
 * Keep in step with the contract: a change to `Campaign` must change this file too (the parity
 * test fails otherwise).
 */
import type { Campaign } from '../../contract/campaign.js';
import type { FieldIssue } from '../../contract/error.js';

/** src/contract/campaign.ts `CampaignKind`. */
const KINDS = ['qingming', 'martyrs-day', 'army-day', 'victory-day', 'memorial-day', 'other'];

/** src/contract/common.ts FORBIDDEN_CHARS: controls other than tab/newline, lone surrogates. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** src/contract/common.ts INVISIBLE: a text of only these is empty to a reader. */
const INVISIBLE = /[\s\p{Cf}\u115F\u1160\u2800\u3164\uFFA0]/gu;

type Check = (v: unknown) => string | undefined;

/** `text(min, max)`: no control characters or broken pairs, visible length and length in code points. */
const text =
  (min: number, max: number): Check =>
  (v) =>
    typeof v !== 'string'
      ? 'must be a string'
      : FORBIDDEN_CHARS.test(v)
        ? 'contains control characters or broken surrogate pairs'
        : [...v.replace(INVISIBLE, '')].length < min
          ? 'must not be empty'
          : [...v].length > max
            ? `must be at most ${max} characters`
            : undefined;

/** `SafeUrl`: an absolute http(s) URL of at most 2000 characters. */
const safeUrl: Check = (v) => {
  if (typeof v !== 'string' || v.length > 2000) return 'must be an absolute http(s) URL';
  try {
    return /^https?:$/.test(new URL(v).protocol) ? undefined : 'must be an absolute http(s) URL';
  } catch {
    return 'must be an absolute http(s) URL';
  }
};

/** `CalendarDay` (z.iso.date()): a real YYYY-MM-DD day. */
const day: Check = (v) => {
  const m = typeof v === 'string' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(v) : null;
  if (m) {
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    if (d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!) return undefined;
  }
  return 'must be a date YYYY-MM-DD';
};

const SHAPE: Record<keyof Campaign, Check> = {
  id: (v) => (typeof v === 'string' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(v) ? undefined : 'must be a lowercase slug such as "qingming-2026"'),
  kind: (v) => (KINDS.includes(v as string) ? undefined : 'must be a campaign kind'),
  title: text(1, 100),
  theme: (v) => (v === null ? undefined : text(1, 40)(v)),
  startDate: day,
  endDate: day,
  url: safeUrl,
  partnerLinks: (v) => (Array.isArray(v) ? (v.length > 20 ? 'must have at most 20 items' : undefined) : 'must be an array'),
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The campaign with only the contract's fields, or the issues found (as `MemorialValidationError` takes them). */
export function checkCampaign(value: unknown): { data: Campaign; issues?: undefined } | { data?: undefined; issues: FieldIssue[] } {
  if (!isObject(value)) return { issues: [{ path: '', message: 'must be an object' }] };
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(SHAPE)) {
    const message = check(value[key]);
    if (message) issues.push({ path: key, message });
    out[key] = value[key];
  }
  const links = Array.isArray(value['partnerLinks']) ? value['partnerLinks'] : [];
  out['partnerLinks'] = links.map((link: unknown, i) => {
    if (!isObject(link)) {
      issues.push({ path: `partnerLinks.${i}`, message: 'must be an object' });
      return link;
    }
    for (const [key, check] of [['title', text(1, 100)], ['url', safeUrl]] as const) {
      const message = check(link[key]);
      if (message) issues.push({ path: `partnerLinks.${i}.${key}`, message });
    }
    return { title: link['title'], url: link['url'] };
  });
  if (!issues.length && (out['endDate'] as string) < (out['startDate'] as string)) {
    issues.push({ path: 'endDate', message: 'endDate must not be before startDate' });
  }
  return issues.length ? { issues } : { data: out as Campaign };
}
