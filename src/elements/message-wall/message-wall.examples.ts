import type { Message, MessageReceipt } from '../../contract/message.js';
import type { MemorialClient } from '../../sdk/index.js';
import type { MemorialProvider } from '../provider/provider.js';
import { failingClient, hangingClient, json, SAMPLE_MARTYR, stubClient } from '../shared/example-support.js';
import type { ExampleList } from '../shared/examples.js';
import type { MemorialMessageWall } from './message-wall.js';

/**
 * Set by the markup payloads below if they were ever parsed as HTML. They never are: messages
 * are rendered as text. The browser tests assert it stays unset.
 */
export const XSS_FLAG = '__memorialWallXss';

/** Messages a hostile writer might try, shown literally on the wall. */
export const XSS_PAYLOADS = [
  `<img src=x onerror="window.${XSS_FLAG}=true">`,
  `<script>window.${XSS_FLAG}=true</script>`,
  `"><svg onload="window.${XSS_FLAG}=true"></svg>`,
] as const;

/** A payload short enough for a signature (≤ 40 characters). */
export const XSS_SIGNATURE = `<svg onload=${XSS_FLAG}=1>`;

const at = (day: string, time = '09:30:00') => `${day}T${time}+08:00`;

/**
 * Twelve approved messages (newest first) for the fictional sample martyr: everyday wording,
 * markup that must show as text, a name outside the Basic Multilingual Plane (𠀋), line
 * breaks, a long unbroken string and an anonymous writer.
 */
export const SAMPLE_MESSAGES: readonly Message[] = [
  { id: 'msg-12', martyrId: SAMPLE_MARTYR.id, text: '清明时节，缅怀先烈。您的事迹我们永远铭记。', signature: '一名中学教师', createdAt: at('2025-04-04', '10:12:00') },
  { id: 'msg-11', martyrId: SAMPLE_MARTYR.id, text: XSS_PAYLOADS[0], signature: XSS_SIGNATURE, createdAt: at('2025-04-04', '08:05:00') },
  { id: 'msg-10', martyrId: SAMPLE_MARTYR.id, text: `林𠀋青烈士千古！\n山河无恙，英雄安息。`, signature: '𠀋𠀋', createdAt: at('2025-04-03') },
  { id: 'msg-09', martyrId: SAMPLE_MARTYR.id, text: XSS_PAYLOADS[1], signature: null, createdAt: at('2025-04-02') },
  { id: 'msg-08', martyrId: SAMPLE_MARTYR.id, text: '致敬英雄，传承精神。', signature: null, createdAt: at('2025-04-01') },
  { id: 'msg-07', martyrId: SAMPLE_MARTYR.id, text: 'We remember. 我们记得。', signature: 'A visitor from Hong Kong', createdAt: at('2025-03-30') },
  { id: 'msg-06', martyrId: SAMPLE_MARTYR.id, text: '此生无悔入华夏，来世还在种花家。'.repeat(3), signature: '网友', createdAt: at('2025-03-28') },
  { id: 'msg-05', martyrId: SAMPLE_MARTYR.id, text: 'https://www.chinamartyrs.gov.cn/' + 'x'.repeat(60), signature: null, createdAt: at('2025-03-20') },
  { id: 'msg-04', martyrId: SAMPLE_MARTYR.id, text: '铭记历史，珍爱和平。', signature: '退役军人 老张', createdAt: at('2025-03-01') },
  { id: 'msg-03', martyrId: SAMPLE_MARTYR.id, text: '您的名字写在英名录上，也写在我们心里。', signature: '孙女', createdAt: at('2024-09-30') },
  { id: 'msg-02', martyrId: SAMPLE_MARTYR.id, text: '烈士纪念日，献上一束菊花。', signature: null, createdAt: at('2024-09-30', '07:00:00') },
  { id: 'msg-01', martyrId: SAMPLE_MARTYR.id, text: '英雄不朽。', signature: '一位老兵', createdAt: at('2024-04-04') },
];

export interface WallRequest {
  method: string;
  url: URL;
  /** The parsed JSON body of a POST. */
  body: unknown;
  /** The `Idempotency-Key` header of a POST. */
  idempotencyKey: string | null;
}

export interface WallClientOptions {
  /** The approved messages the list returns (newest first). Default: SAMPLE_MESSAGES. */
  messages?: readonly Message[];
  /** Answers `POST /martyrs/{id}/messages`; default 202 with a pending receipt. */
  post?: (body: unknown, request: Request) => Response | Promise<Response>;
  /** Answers `POST /messages/{id}/reports`; default 202. */
  report?: (messageId: string, request: Request) => Response | Promise<Response>;
  /** Answers a page of the list (to fail or delay one); default the page from `messages`. */
  list?: (cursor: string | undefined, page: () => Response) => Response | Promise<Response>;
}

export type WallClient = MemorialClient & { readonly log: WallRequest[] };

/**
 * A client serving one martyr's approved messages in cursor pages, accepting messages (held:
 * `pending`) and reports, and recording every request, for examples and tests.
 */
export function wallClient(options: WallClientOptions = {}): WallClient {
  const messages = options.messages ?? SAMPLE_MESSAGES;
  const log: WallRequest[] = [];
  const client = stubClient(async (url, request) => {
    const body = request.method === 'POST' ? await request.clone().json().catch(() => undefined) : undefined;
    log.push({ method: request.method, url, body, idempotencyKey: request.headers.get('idempotency-key') });
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const list = /^\/martyrs\/([^/]+)\/messages$/.exec(path);
    if (list && request.method === 'GET') {
      const cursor = url.searchParams.get('cursor') ?? undefined;
      const page = () => {
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const start = cursor ? Number(cursor.slice(1)) : 0;
        const items = messages.slice(start, start + limit);
        const next = start + limit < messages.length ? `o${start + limit}` : null;
        return json({ items, nextCursor: next });
      };
      return options.list ? options.list(cursor, page) : page();
    }
    if (list && request.method === 'POST') {
      if (options.post) return options.post(body, request);
      const receipt: MessageReceipt = { id: `new-${log.length}`, status: 'pending' };
      return json(receipt, 202);
    }
    const report = /^\/messages\/([^/]+)\/reports$/.exec(path);
    if (report && request.method === 'POST') {
      return options.report ? options.report(decodeURIComponent(report[1] as string), request) : json({ ok: true }, 202);
    }
    return json({ code: 'not_found', message: 'not found' }, 404);
  });
  return Object.assign(client, { log });
}

const provider = (root: HTMLElement) => root.querySelector('memorial-provider') as MemorialProvider;
const wall = (root: HTMLElement) => root.querySelector('memorial-message-wall') as MemorialMessageWall;
const inProvider = (attrs = '', inner = '') =>
  `<memorial-provider><memorial-message-wall martyr-id="${SAMPLE_MARTYR.id}"${attrs ? ` ${attrs}` : ''}>${inner}</memorial-message-wall></memorial-provider>`;

/** Once the wall has loaded: write `text` (and `signature`) and press the submit button, as a reader would. */
function submitOnLoad(root: HTMLElement, text: string, signature = ''): void {
  const el = wall(root);
  el.addEventListener(
    'memorial-load',
    () => {
      el.text = text;
      el.signature = signature;
      void el.updateComplete.then(() => (el.shadowRoot?.querySelector('[part~="submit-button"]') as HTMLButtonElement | null)?.click());
    },
    { once: true },
  );
}

const FALLBACK = `<p>感念寄语暂时无法显示。<a href="https://www.chinamartyrs.gov.cn/">前往中华英烈网</a></p>`;

/** Every state of `<memorial-message-wall>`: drives the browser tests (with axe), the gallery and the docs. */
export const messageWallExamples: ExampleList = {
  tag: 'memorial-message-wall',
  title: '<memorial-message-wall>',
  examples: [
    {
      name: 'loading',
      description: 'Waiting for the API: a quiet placeholder keeps the wall’s height.',
      state: 'loading',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = hangingClient();
      },
    },
    {
      name: 'loaded',
      description: 'Approved messages, newest first, ten per page with “load more”. Markup in a message is shown as text; rare characters (𠀋) as written.',
      state: 'loaded',
      expectEvent: 'memorial-load',
      html: inProvider('', FALLBACK),
      setup: (root) => {
        provider(root).client = wallClient();
      },
    },
    {
      name: 'empty',
      description: 'No approved messages yet: an invitation to write the first.',
      state: 'empty',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = wallClient({ messages: [] });
      },
    },
    {
      name: 'read-only',
      description: 'no-form: the messages only, e.g. on a page where writing is not offered. page-size="4".',
      state: 'variant',
      variant: 'no-form',
      html: inProvider('no-form page-size="4"'),
      setup: (root) => {
        provider(root).client = wallClient();
      },
    },
    {
      name: 'validation-errors',
      description: 'A message over 500 characters and a signature over 40: each field says what is wrong, tied to it with aria-describedby and aria-invalid.',
      state: 'loaded',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = wallClient();
        const el = wall(root);
        el.text = '缅怀'.repeat(251);
        el.signature = '署'.repeat(41);
      },
    },
    {
      name: 'submitted',
      description: 'A message was sent: the writer is told it is held for review (it is not added to the list) and the form is cleared.',
      state: 'loaded',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = wallClient();
        submitOnLoad(root, '清明祭英烈，鲜花寄哀思。', '一位读者');
      },
    },
    {
      name: 'submit-rate-limited',
      description: 'The server refused the message for now (429 with Retry-After): the writer is told when to try again and keeps the text.',
      state: 'loaded',
      html: inProvider(),
      setup: (root) => {
        provider(root).client = wallClient({
          post: () => new Response(JSON.stringify({ code: 'rate_limited', message: 'Too many requests' }), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '120' } }),
        });
        submitOnLoad(root, '清明祭英烈，鲜花寄哀思。');
      },
    },
    {
      name: 'error',
      description: 'The API answers 500: the fallback, a localized error and a retry button.',
      state: 'error',
      expectEvent: 'memorial-error',
      html: inProvider('', FALLBACK),
      setup: (root) => {
        provider(root).client = failingClient(500);
      },
    },
    {
      name: 'api-down',
      description: 'Nothing answers at the API address: the light-DOM fallback is shown with the reason.',
      state: 'api-down',
      expectEvent: 'memorial-error',
      html: (ctx) => `<memorial-message-wall api-base="${ctx.unreachableApiBase}" martyr-id="${SAMPLE_MARTYR.id}">${FALLBACK}</memorial-message-wall>`,
    },
    {
      name: 'real-api',
      description: 'Against the reference server: a sample martyr’s approved messages (none until a moderator approves some).',
      state: 'variant',
      variant: 'reference server',
      expect: null,
      html: (ctx) => `<memorial-message-wall api-base="${ctx.apiBase}" martyr-id="sample-0002">${FALLBACK}</memorial-message-wall>`,
    },
  ],
};
