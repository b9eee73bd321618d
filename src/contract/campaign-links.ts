/**
 * Where a campaign banner may send a reader: the national platform, and the hosts a deployment
 * configured (MEMORIAL_CAMPAIGN_HOSTS). One pure function, used by the server before it stores
 * a campaign and by the banner before it renders a link, so lookalikes are refused twice:
 * `https://www.chinamartyrs.gov.cn@evil.example/` (userinfo), `…gov.cn.evil.example` (not on
 * the list), a Cyrillic `о` (mixed scripts), `https:evil.example` (no `//`), `http:`.
 */

/** 中华英烈网, the national platform. */
export const NATIONAL_PLATFORM_HOST = 'www.chinamartyrs.gov.cn';

/** Why a link was refused; the messages live apart so the banner's bundle carries only the codes. */
export type CampaignLinkProblem = 'too_long' | 'unsafe_chars' | 'not_https' | 'userinfo' | 'mixed_scripts' | 'not_url' | 'port' | 'host';
export type CampaignLinkCheck = { ok: true; url: string } | { ok: false; reason: CampaignLinkProblem };

/** What each problem means, for the server's 400. */
export const CAMPAIGN_LINK_PROBLEMS: Record<CampaignLinkProblem, string> = {
  too_long: 'must be a URL of at most 2000 characters',
  unsafe_chars: 'must not contain spaces, control characters or backslashes',
  not_https: 'must start with https://',
  userinfo: 'must not carry a user name or password',
  mixed_scripts: 'has a host with mixed scripts or lookalike characters',
  not_url: 'is not a URL',
  port: 'must use the default https port',
  host: 'must link to the national platform (www.chinamartyrs.gov.cn) or a host in MEMORIAL_CAMPAIGN_HOSTS',
};

// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0020\u007F-\u009F\\]|\p{Cf}/u;
const ASCII_LABEL = /^[a-z0-9-]+$/i;
/** A non-ASCII label is allowed only when every letter is Han (e.g. 中国, 英烈): no script mixing, no lookalikes. */
const HAN_LABEL = /^[\p{Script=Han}0-9-]+$/u;

/** `host` as the URL parser keeps it: lowercase, punycode, no trailing dot; '' when it is not a host. */
export function normalizeHost(host: string): string {
  try {
    return new URL(`https://${host.trim()}/`).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
}

/** Checks a campaign or partner link; on success `url` is the normalized form to store and render. */
export function checkCampaignLink(raw: string, extraHosts: readonly string[] = []): CampaignLinkCheck {
  if (typeof raw !== 'string' || raw.length > 2000) return { ok: false, reason: 'too_long' };
  if (UNSAFE_CHARS.test(raw)) return { ok: false, reason: 'unsafe_chars' };
  if (!/^https:\/\//i.test(raw)) return { ok: false, reason: 'not_https' };
  const authority = raw.slice(8).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('@')) return { ok: false, reason: 'userinfo' };
  const rawHost = authority.replace(/:\d*$/, '').replace(/\.$/, '');
  for (const label of rawHost.split('.')) {
    if (!ASCII_LABEL.test(label) && !HAN_LABEL.test(label)) return { ok: false, reason: 'mixed_scripts' };
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, reason: 'not_url' };
  }
  if (u.protocol !== 'https:' || u.username || u.password) return { ok: false, reason: 'userinfo' };
  if (u.port !== '') return { ok: false, reason: 'port' };
  const host = u.hostname.replace(/\.$/, '');
  const allowed = new Set([NATIONAL_PLATFORM_HOST, ...extraHosts.map(normalizeHost).filter(Boolean)]);
  if (!allowed.has(host)) return { ok: false, reason: 'host' };
  return { ok: true, url: `https://${host}${u.pathname}${u.search}${u.hash}` };
}

/** True when the banner may render `url` as its link. */
export const campaignLinkAllowed = (url: string, extraHosts: readonly string[] = []) => checkCampaignLink(url, extraHosts).ok;
