import type { MartyrSummary } from '../../contract/martyr.js';
import type { Region } from '../../contract/regions.js';
import type { MemorialClient } from '../../sdk/index.js';
import type { MemorialProvider } from '../provider/provider.js';
import { failingClient, hangingClient, json, stubClient } from '../shared/example-support.js';
import type { ExampleList } from '../shared/examples.js';
import type { MemorialRelativeSearch, RelativeSearchDraft } from './relative-search.js';

const summary = (id: string, name: string, reason: NonNullable<MartyrSummary['match']>['reason'], score: number, extra: Partial<MartyrSummary> = {}): MartyrSummary => ({
  id,
  name,
  sex: 'male',
  nativePlace: { text: '示例省示例县', code: null },
  birthDate: '1921',
  deathDate: '1948-11',
  period: 'liberation-war',
  unit: '示例纵队某团',
  cemetery: '示例烈士陵园',
  seekingRelatives: false,
  sample: true,
  match: { reason, score },
  ...extra,
});

/** Fictional results (`sample: true`) with each match reason the server can give. */
export const SAMPLE_RESULTS: readonly MartyrSummary[] = [
  summary('sample-r01', '张志明', 'exact', 1, { seekingRelatives: true }),
  summary('sample-r02', '張志明', 'script-variant', 0.95, { period: 'anti-japanese-war', deathDate: '1942' }),
  summary('sample-r03', '章志名', 'homophone', 0.9, { seekingRelatives: true, nativePlace: { text: '示例府旧县', code: null } }),
  summary('sample-r04', '张智明', 'pinyin', 0.85, { unit: null, cemetery: null }),
  summary('sample-r05', '赵子美', 'initials', 0.6, { birthDate: null, deathDate: null }),
  summary('sample-r06', '张志', 'partial', 0.5, { period: 'korean-war', deathDate: '1951-04' }),
  summary('sample-r07', '张志强', 'partial', 0.45),
  summary('sample-r08', '𠀋志明', 'partial', 0.4),
];

/** A few GB/T 2260 divisions for the cascading selects. */
export const SAMPLE_REGIONS: Readonly<Record<string, readonly Region[]>> = {
  '': [
    { code: '110000', name: '北京市', hasChildren: true },
    { code: '130000', name: '河北省', hasChildren: true },
    { code: '370000', name: '山东省', hasChildren: true },
  ],
  '110000': [{ code: '110100', name: '市辖区', hasChildren: true }],
  '110100': [{ code: '110101', name: '东城区', hasChildren: false }, { code: '110102', name: '西城区', hasChildren: false }],
  '130000': [{ code: '130100', name: '石家庄市', hasChildren: true }, { code: '130600', name: '保定市', hasChildren: true }],
  '130100': [{ code: '130102', name: '长安区', hasChildren: false }],
  '130600': [{ code: '130602', name: '竞秀区', hasChildren: false }],
  '370000': [{ code: '370100', name: '济南市', hasChildren: true }],
  '370100': [{ code: '370102', name: '历下区', hasChildren: false }],
};

/** A valid 18-digit ID number (correct date and MOD 11-2 check character), for examples and tests only. */
export const SAMPLE_ID_NUMBER = '11010519491231002X';

export interface SearchRequest {
  method: string;
  url: URL;
  body: unknown;
}
export interface SearchClientOptions {
  results?: readonly MartyrSummary[];
  /** Answers POST /relative-leads and /family-searches (default 201 with a reference). */
  post?: (path: string, body: unknown) => Response | Promise<Response>;
}
export type SearchClient = MemorialClient & { readonly log: SearchRequest[] };

/** A client serving fictional results in cursor pages, a few regions, and accepting leads and family searches. */
export function searchClient(options: SearchClientOptions = {}): SearchClient {
  const results = options.results ?? SAMPLE_RESULTS;
  const log: SearchRequest[] = [];
  const client = stubClient(async (url, request) => {
    const body = request.method === 'POST' ? await request.clone().json().catch(() => undefined) : undefined;
    log.push({ method: request.method, url, body });
    const path = url.pathname.replace(/^\/api\/v1/, '');
    if (path === '/martyrs' && request.method === 'GET') {
      const limit = Number(url.searchParams.get('limit') ?? 10);
      const cursor = url.searchParams.get('cursor');
      const start = cursor ? Number(cursor.slice(1)) : 0;
      const next = start + limit < results.length ? `o${start + limit}` : null;
      return json({ items: results.slice(start, start + limit), nextCursor: next });
    }
    if (path === '/regions') return json({ items: SAMPLE_REGIONS[url.searchParams.get('parent') ?? ''] ?? [] });
    if ((path === '/relative-leads' || path === '/family-searches') && request.method === 'POST') {
      if (options.post) return options.post(path, body);
      return json({ reference: `${path === '/relative-leads' ? 'L' : 'F'}20250404-A1B2C3` }, 201);
    }
    return json({ code: 'not_found', message: 'not found' }, 404);
  });
  return Object.assign(client, { log });
}

const provider = (root: HTMLElement) => root.querySelector('memorial-provider') as MemorialProvider;
const search = (root: HTMLElement) => root.querySelector('memorial-relative-search') as MemorialRelativeSearch;
const FALLBACK = `<p>寻亲查询暂时无法使用。<a href="https://www.chinamartyrs.gov.cn/">前往中华英烈网</a></p>`;
const inProvider = (attrs = '') => `<memorial-provider><memorial-relative-search${attrs ? ` ${attrs}` : ''}>${FALLBACK}</memorial-relative-search></memorial-provider>`;

/** A filled-in lead that passes the contract's schema. */
export const VALID_LEAD = {
  claimantName: '张小明',
  relationship: 'grandchild',
  mobile: '13800138000',
  knowledge: '家中老人说，祖父1948年随部队南下后再无音讯。',
  consent: true,
} as const;

/**
 * Setup runs before the example is attached to the page, and an element updates only once it is
 * connected: wait for that (polling a few frames at most) before driving it.
 */
async function connected(el: MemorialRelativeSearch): Promise<void> {
  for (let i = 0; i < 100 && !el.isConnected; i++) await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

async function openLead(root: HTMLElement, draft: Partial<RelativeSearchDraft> = {}): Promise<MemorialRelativeSearch> {
  const el = search(root);
  await connected(el);
  el.openLeadForm(SAMPLE_RESULTS[0] as MartyrSummary);
  el.draft = draft;
  await el.updateComplete;
  return el;
}

/** Every state of `<memorial-relative-search>`: drives the browser tests (with axe), the gallery and the docs. */
export const relativeSearchExamples: ExampleList = {
  tag: 'memorial-relative-search',
  title: '<memorial-relative-search>',
  examples: [
    {
      name: 'idle',
      description: 'The search form: name, 籍贯 as cascading province/city/county selects loaded on demand, period, death years, unit, seeking relatives only.',
      state: 'idle',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = searchClient();
      },
    },
    {
      name: 'loading',
      description: 'A search in progress.',
      state: 'loading',
      html: inProvider('q="张志明"'),
      setup: (root) => {
        provider(root).client = hangingClient();
      },
    },
    {
      name: 'results',
      description: 'Results as compact records, each with its match reason in words (姓名一致, 繁简写法不同, 同音字, 拼音相同…) and “I may be family / I have a clue”; load more.',
      state: 'loaded',
      expectEvent: 'memorial-load',
      html: inProvider('q="张志明" page-size="6"'),
      setup: (root) => {
        provider(root).client = searchClient();
      },
    },
    {
      name: 'empty',
      description: 'Nothing found: a clear statement and an offer to register a family search.',
      state: 'empty',
      html: inProvider('q="无此人"'),
      setup: (root) => {
        provider(root).client = searchClient({ results: [] });
      },
    },
    {
      name: 'error',
      description: 'The server failed: the fallback, the reason and a retry button; the form stays usable.',
      state: 'error',
      expectEvent: 'memorial-error',
      html: inProvider('q="张志明"'),
      setup: (root) => {
        provider(root).client = failingClient(500);
      },
    },
    {
      name: 'api-down',
      description: 'The API cannot be reached: the light-DOM fallback (a link to the national platform) and a retry button.',
      state: 'api-down',
      expectEvent: 'memorial-error',
      html: (ctx) => `<memorial-relative-search api-base="${ctx.unreachableApiBase}" q="张志明">${FALLBACK}</memorial-relative-search>`,
    },
    {
      name: 'lead-form',
      description: 'The lead form about one result: name, relationship, mobile, an ID number only after its own consent, what they know, and the statement of purpose and retention.',
      state: 'idle',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = searchClient();
        void openLead(root, { idNumberConsent: true });
      },
    },
    {
      name: 'lead-validation-errors',
      description: 'A bad mobile, a bad ID number and no consent: refused in the browser by the contract schema, each field says why, focus goes to the first.',
      state: 'idle',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = searchClient();
        void openLead(root, { claimantName: '张小明', relationship: 'grandchild', mobile: '12345', idNumberConsent: true, idNumber: '110105194912310021', knowledge: '线索' }).then((el) => el.reportValidity());
      },
    },
    {
      name: 'lead-success',
      description: 'The lead was received: the reference number is shown, focused and announced.',
      state: 'idle',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = searchClient();
        void openLead(root, VALID_LEAD).then((el) => (el.shadowRoot?.querySelector('[part~="submit-button"]') as HTMLButtonElement | null)?.click());
      },
    },
    {
      name: 'family-search-form',
      description: 'The family search form, for a martyr the family could not find: name, 籍贯 as written, period, date of death, unit, what they know, contact and consent.',
      state: 'idle',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = searchClient();
        const el = search(root);
        el.criteria = { name: '张志明' };
        void connected(el).then(() => el.openFamilySearch());
      },
    },
  ],
};
