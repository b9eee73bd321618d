/// <reference types="mocha" />
/**
 * <memorial-tribute-button>: every example (all locales, elder mode, axe), then behaviour
 * against the reference server (proxied under /api/) and against stub clients for refusals.
 *
 * The three engines run at once against one server, and a visitor may offer each kind once a
 * day, so every test that offers uses martyrs of its own engine (see `martyr()`).
 */
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/martyr-card/define.js';
import '../../../src/elements/tribute-button/define.js';
import type { TributeKind, TributeSummary } from '../../../src/contract/index.js';
import type { MemorialProvider } from '../../../src/elements/provider/provider.js';
import { MemorialErrorEvent, MemorialTributeEvent } from '../../../src/elements/shared/events.js';
import { json, sampleClient, stubClient, SAMPLE_MARTYR, SAMPLE_TRIBUTES } from '../../../src/elements/shared/example-support.js';
import { UNREACHABLE_API_BASE } from '../../../src/elements/shared/examples.js';
import type { MemorialMartyrCard } from '../../../src/elements/martyr-card/martyr-card.js';
import { MemorialTributeButton } from '../../../src/elements/tribute-button/tribute-button.js';
import { tributeButtonExamples } from '../../../src/elements/tribute-button/tribute-button.examples.js';
import { tributeStore } from '../../../src/elements/tribute-button/tribute-store.js';
import { readOrCreateVisitorId, VISITOR_ID_KEY, visitorId } from '../../../src/elements/tribute-button/visitor-id.js';
import { createMemorialClient, type MemorialClient } from '../../../src/sdk/index.js';
import { runExamples } from '../fixtures/run-examples.js';
import { until } from '../fixtures/until.js';
import { mount, withClient } from '../fixtures/mount.js';

runExamples(tributeButtonExamples);

// --- helpers ---------------------------------------------------------------------------------

const ENGINE = /Firefox\//.test(navigator.userAgent) ? 1 : /Chrome\//.test(navigator.userAgent) ? 0 : 2;
let martyrCounter = 0;
/** A reference-server martyr no other test (nor another engine running at the same time) offers to. */
function martyr(): string {
  const n = 300 + ENGINE * 20 + martyrCounter++;
  if (martyrCounter > 19) throw new Error('out of test martyrs for this engine');
  return `sample-${String(n).padStart(4, '0')}`;
}

interface Logged {
  method: string;
  path: string;
}
/** A real client for the reference server that records each request it sends. */
function countingClient(): MemorialClient & { log: Logged[] } {
  const log: Logged[] = [];
  const client = createMemorialClient({
    baseUrl: location.origin,
    fetch: (input, init) => {
      const request = input instanceof Request && init === undefined ? input : new Request(input, init);
      log.push({ method: request.method, path: new URL(request.url).pathname });
      return fetch(request);
    },
  });
  return Object.assign(client, { log });
}
const summaryGets = (log: Logged[], id: string) => log.filter((r) => r.method === 'GET' && r.path === `/api/v1/martyrs/${id}/tributes`).length;
/** Tribute offers sent (a first offer also mints the browser's signed visitor id: POST /visitors). */
const posts = (log: Logged[]) => log.filter((r) => r.method === 'POST' && r.path.endsWith('/tributes')).length;

const tag = (id: string, kind: TributeKind, extra = '') => `<memorial-tribute-button martyr-id="${id}" kind="${kind}"${extra}></memorial-tribute-button>`;
const buttons = (root: ParentNode) => [...root.querySelectorAll('memorial-tribute-button')] as MemorialTributeButton[];

async function loaded(...els: MemorialTributeButton[]): Promise<void> {
  for (const el of els) {
    await until(`<${el.localName} kind=${el.kind}> to load`, () => el.loadState !== 'loading' && el.loadState !== 'idle');
    await el.updateComplete;
  }
}

const inner = (el: MemorialTributeButton) => el.shadowRoot?.querySelector('button[part~="button"]') as HTMLButtonElement;
const countText = (el: MemorialTributeButton) => el.shadowRoot?.querySelector('[part~="count"]')?.textContent?.trim() ?? '';
const todayText = (el: MemorialTributeButton) => el.shadowRoot?.querySelector('[part~="today"]')?.textContent?.trim() ?? '';
const message = (el: MemorialTributeButton) => el.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim() ?? '';
const label = (el: MemorialTributeButton) => el.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
const total = (el: MemorialTributeButton) => el.summary?.total[el.kind] ?? NaN;

/** A promise with its settle functions outside. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Sample counts for GETs; each POST waits for the test to answer it (`answer(response)`). */
function controlledClient(summary: TributeSummary = { ...SAMPLE_TRIBUTES, offeredToday: [] }) {
  const waiting: ((r: Response) => void)[] = [];
  const client = stubClient((url, request) => {
    if (request.method === 'GET' && url.pathname === `/api/v1/martyrs/${SAMPLE_MARTYR.id}/tributes`) return json(summary);
    if (request.method === 'POST') {
      const d = deferred<Response>();
      waiting.push(d.resolve);
      return d.promise;
    }
    return json({ code: 'not_found', message: 'not found' }, 404);
  });
  return {
    client,
    /** Number of POSTs waiting. */
    get pending() {
      return waiting.length;
    },
    /** Answers the oldest waiting POST (waiting for it to arrive: the SDK sends asynchronously). */
    async answer(response: Response) {
      await until('a POST to answer', () => waiting.length > 0, 2000);
      waiting.shift()?.(response);
    },
  };
}
const errorBody = (status: number, code: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ code, message: 'refused', requestId: 'test' }), { status, headers: { 'content-type': 'application/json', ...headers } });

// --- behaviour -------------------------------------------------------------------------------

describe('<memorial-tribute-button>', () => {
  it('shows the localized action, the all-time count and today’s, and is a real button', async () => {
    const [flower, sweep] = buttons(withClient(sampleClient(), tag(SAMPLE_MARTYR.id, 'flower') + tag(SAMPLE_MARTYR.id, 'sweep', ' locale="zh-Hant"')));
    await loaded(flower!, sweep!);
    expect(inner(flower!).localName).to.equal('button');
    expect(inner(flower!).type).to.equal('button');
    expect(label(flower!)).to.equal('献花');
    expect(countText(flower!)).to.equal('12,034 人次');
    expect(todayText(flower!)).to.equal('今日 12');
    expect(inner(flower!).getAttribute('aria-pressed')).to.equal('false');
    // the counts describe the button for screen readers
    const described = flower!.shadowRoot?.getElementById(inner(flower!).getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).to.contain('12,034');
    expect(label(sweep!)).to.equal('擦拭墓碑');
    expect(countText(sweep!)).to.equal('907 人次');
    expect(flower!.shadowRoot?.querySelectorAll('[style]').length, 'no style attributes (strict CSP)').to.equal(0);
  });

  it('reflects offeredToday on load: aria-pressed="true" and the calm “已献花” state', async () => {
    const client = sampleClient({ tributes: { ...SAMPLE_TRIBUTES, offeredToday: ['flower'] } });
    const [flower, bow] = buttons(withClient(client, tag(SAMPLE_MARTYR.id, 'flower') + tag(SAMPLE_MARTYR.id, 'bow')));
    await loaded(flower!, bow!);
    expect(inner(flower!).getAttribute('aria-pressed')).to.equal('true');
    expect(label(flower!)).to.equal('已献花');
    expect(flower!.offered).to.equal(true);
    expect(inner(bow!).getAttribute('aria-pressed')).to.equal('false');
    expect(label(bow!)).to.equal('鞠躬');
    // offered looks different from not offered
    expect(getComputedStyle(inner(flower!)).backgroundColor).not.to.equal(getComputedStyle(inner(bow!)).backgroundColor);
    // the summary was asked for with this browser's visitor id
    expect(client.requests[0]?.searchParams.get('visitorId')).to.equal(visitorId());
  });

  it('against the reference server: a press adds one at once, the server confirms it, and memorial-tribute carries the summary', async () => {
    const id = martyr();
    const client = countingClient();
    const events: MemorialTributeEvent[] = [];
    const root = withClient(client, tag(id, 'candle'));
    root.addEventListener('memorial-tribute', (e) => events.push(e));
    const [el] = buttons(root);
    await loaded(el!);
    const before = total(el!);
    expect(before).to.be.a('number');
    expect(inner(el!).getAttribute('aria-pressed')).to.equal('false');
    inner(el!).click();
    await el!.updateComplete;
    // optimistic: shown before the server has answered
    expect(total(el!)).to.equal(before + 1);
    expect(inner(el!).getAttribute('aria-pressed')).to.equal('true');
    expect(label(el!)).to.equal('已点烛');
    await until('memorial-tribute', () => events.length === 1);
    const event = events[0] as MemorialTributeEvent;
    expect(event).to.be.instanceOf(MemorialTributeEvent);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.martyrId).to.equal(id);
    expect(event.detail.kind).to.equal('candle');
    expect(event.detail.counted).to.equal(true);
    expect(event.detail.summary.total.candle).to.equal(before + 1);
    expect(event.detail.summary.offeredToday).to.include('candle');
    await el!.updateComplete;
    expect(total(el!)).to.equal(before + 1);
    expect(message(el!)).to.equal('已点烛，感谢您的缅怀。');
    // the server really counted it
    const fresh = await createMemorialClient({ baseUrl: location.origin }).tributes.summary(id);
    expect(fresh.total.candle).to.equal(before + 1);
    expect(posts(client.log)).to.equal(1);
  });

  it('a second press the same day does not count again (no request), and the server agrees', async () => {
    const id = martyr();
    const client = countingClient();
    const [el] = buttons(withClient(client, tag(id, 'flower')));
    await loaded(el!);
    const before = total(el!);
    inner(el!).click();
    await until('the first result', () => message(el!) !== '');
    inner(el!).click();
    await el!.updateComplete;
    expect(message(el!)).to.equal('今天已献花，明天欢迎再来。');
    expect(total(el!)).to.equal(before + 1);
    expect(posts(client.log), 'the second press sends nothing').to.equal(1);

    // the server keeps the limit too: the same visitor offering again is not counted
    const sdk = createMemorialClient({ baseUrl: location.origin });
    const again = await sdk.tributes.offer(id, { kind: 'flower', visitorId: visitorId() });
    expect(again.counted).to.equal(false);
    expect(again.summary.total.flower).to.equal(before + 1);

    // and a page that loads afresh (a new client, so a new store) shows it as offered
    const [reloaded] = buttons(withClient(countingClient(), tag(id, 'flower')));
    await loaded(reloaded!);
    expect(inner(reloaded!).getAttribute('aria-pressed')).to.equal('true');
    expect(total(reloaded!)).to.equal(before + 1);
  });

  it('when the server says it was already offered (another tab), shows the server’s count, not one more', async () => {
    const id = martyr();
    const events: MemorialTributeEvent[] = [];
    const root = withClient(countingClient(), tag(id, 'bow'));
    root.addEventListener('memorial-tribute', (e) => events.push(e));
    const [el] = buttons(root);
    await loaded(el!);
    const before = total(el!);
    // the same visitor offers elsewhere (another tab) after this page loaded
    await createMemorialClient({ baseUrl: location.origin }).tributes.offer(id, { kind: 'bow', visitorId: visitorId() });
    inner(el!).click();
    await until('memorial-tribute', () => events.length === 1);
    await el!.updateComplete;
    expect(events[0]?.detail.counted).to.equal(false);
    expect(total(el!), 'counted once, by the other tab').to.equal(before + 1);
    expect(inner(el!).getAttribute('aria-pressed')).to.equal('true');
    expect(message(el!)).to.equal('今天已鞠躬，明天欢迎再来。');
  });

  it('buttons and a card for one martyr stay in step with one summary request', async () => {
    const id = martyr();
    const client = countingClient();
    const root = withClient(
      client,
      `<memorial-martyr-card martyr-id="${id}" variant="compact">
        ${tag(id, 'flower', ' slot="actions"')}${tag(id, 'sweep', ' slot="actions"')}
      </memorial-martyr-card>
      ${tag(id, 'flower')}`,
    );
    const [inCard, sweep, outside] = buttons(root);
    const card = root.querySelector('memorial-martyr-card') as MemorialMartyrCard;
    await loaded(inCard!, sweep!, outside!);
    await until('the card', () => card.loadState === 'loaded');
    expect(summaryGets(client.log, id), 'one summary request for three buttons').to.equal(1);
    const before = total(inCard!);
    expect(total(outside!)).to.equal(before);

    inner(outside!).click();
    await outside!.updateComplete;
    await inCard!.updateComplete;
    expect(total(inCard!), 'the press shows at once on the other button').to.equal(before + 1);
    expect(inner(inCard!).getAttribute('aria-pressed')).to.equal('true');
    expect(inner(sweep!).getAttribute('aria-pressed'), 'other kinds are untouched').to.equal('false');
    await until('the result', () => message(outside!) !== '');
    await inCard!.updateComplete;
    expect(total(inCard!)).to.equal(before + 1);
    expect(message(inCard!), 'only the pressed button speaks').to.equal('');

    // a button added later takes the counts it already has: still one summary request
    const late = document.createElement('memorial-tribute-button');
    late.setAttribute('martyr-id', id);
    late.setAttribute('kind', 'flower');
    root.querySelector('memorial-provider')?.append(late);
    await loaded(late);
    expect(total(late)).to.equal(before + 1);
    expect(inner(late).getAttribute('aria-pressed')).to.equal('true');
    expect(summaryGets(client.log, id)).to.equal(1);
    expect(client.log.filter((r) => r.method === 'GET' && r.path === `/api/v1/martyrs/${id}`).length, 'the card’s own record').to.equal(1);
  });

  it('rolls back on refusal, on every button in step, with a clear announced message and memorial-error', async () => {
    const stub = controlledClient();
    const errors: MemorialErrorEvent[] = [];
    const root = withClient(stub.client, tag(SAMPLE_MARTYR.id, 'flower') + tag(SAMPLE_MARTYR.id, 'flower'));
    root.addEventListener('memorial-error', (e) => errors.push(e));
    const [a, b] = buttons(root);
    await loaded(a!, b!);
    inner(a!).click();
    await a!.updateComplete;
    await b!.updateComplete;
    expect(total(a!)).to.equal(12035);
    expect(total(b!)).to.equal(12035);
    expect(countText(b!)).to.equal('12,035 人次');
    expect(inner(a!).getAttribute('aria-pressed')).to.equal('true');
    // a second press while the first is in flight sends nothing more
    inner(b!).click();
    await until('the POST', () => stub.pending === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.pending, 'one POST').to.equal(1);

    await stub.answer(errorBody(500, 'internal_error'));
    await until('memorial-error', () => errors.length === 1);
    await a!.updateComplete;
    await b!.updateComplete;
    expect(total(a!)).to.equal(12034);
    expect(total(b!)).to.equal(12034);
    expect(countText(a!)).to.equal('12,034 人次');
    expect(inner(a!).getAttribute('aria-pressed')).to.equal('false');
    expect(label(a!)).to.equal('献花');
    const live = a!.shadowRoot?.querySelector('[part~="message"]') as HTMLElement;
    expect(live.getAttribute('role'), 'a polite live region').to.equal('status');
    expect(live.textContent?.trim()).to.equal('“献花”未能送达，请稍后再试。');
    expect(errors[0]?.detail.phase).to.equal('action');
    expect(errors[0]?.detail.kind).to.equal('http');
    expect(errors[0]?.detail.status).to.equal(500);

    // pressing again tries again, and this time it counts
    inner(a!).click();
    await a!.updateComplete;
    expect(message(a!), 'the old message is cleared').to.equal('');
    await stub.answer(json({ counted: true, kind: 'flower', summary: { ...SAMPLE_TRIBUTES, today: { ...SAMPLE_TRIBUTES.today, flower: 13 }, total: { ...SAMPLE_TRIBUTES.total, flower: 12035 }, offeredToday: ['flower'] } }, 201));
    await until('the result', () => message(a!) !== '');
    expect(message(a!)).to.equal('已献花，感谢您的缅怀。');
    expect(total(b!)).to.equal(12035);
  });

  it('keeps following the counts, and its message, when moved in the page', async () => {
    const stub = controlledClient();
    const root = withClient(stub.client, `<div id="a">${tag(SAMPLE_MARTYR.id, 'flower')}</div><div id="b">${tag(SAMPLE_MARTYR.id, 'flower')}</div>`);
    const [a, b] = buttons(root);
    await loaded(a!, b!);
    // b is moved before the press: it must still hear of it
    root.querySelector('#a')?.append(b!);
    await b!.updateComplete;
    inner(a!).click();
    await stub.answer(json({ counted: true, kind: 'flower', summary: { ...SAMPLE_TRIBUTES, total: { ...SAMPLE_TRIBUTES.total, flower: 12035 }, offeredToday: ['flower'] } }, 201));
    await until('the result', () => message(a!) !== '');
    await b!.updateComplete;
    expect(total(b!)).to.equal(12035);
    expect(inner(b!).getAttribute('aria-pressed')).to.equal('true');
    // a is moved after: its message stays
    root.querySelector('#b')?.append(a!);
    await a!.updateComplete;
    expect(message(a!)).to.equal('已献花，感谢您的缅怀。');
    expect(stub.client.requests.map((u) => u.pathname), 'one summary request and one offer').to.have.length(2);
  });

  it('says when to try again after 429 with Retry-After, and says the connection was lost on a network failure', async () => {
    const stub = controlledClient();
    const [el] = buttons(withClient(stub.client, tag(SAMPLE_MARTYR.id, 'candle', ' locale="en"')));
    await loaded(el!);
    inner(el!).click();
    await stub.answer(errorBody(429, 'rate_limited', { 'retry-after': '20' }));
    await until('the 429 message', () => message(el!) !== '');
    expect(message(el!)).to.equal('Many people are visiting, so “Light a candle” did not go through. Please try again in 20 seconds.');
    expect(total(el!)).to.equal(3310);

    // a long wait is said in minutes
    const long = controlledClient();
    const [slow] = buttons(withClient(long.client, tag(SAMPLE_MARTYR.id, 'flower')));
    await loaded(slow!);
    inner(slow!).click();
    await long.answer(errorBody(429, 'rate_limited', { 'retry-after': '3600' }));
    await until('the 429 message', () => message(slow!) !== '');
    expect(message(slow!)).to.equal('访问人数较多，“献花”未能送达，请 60 分钟后再试。');

    const offline = stubClient((url, request) => (request.method === 'GET' ? json({ ...SAMPLE_TRIBUTES, offeredToday: [] }) : Promise.reject(new TypeError('Failed to fetch'))));
    const [zh] = buttons(withClient(offline, tag(SAMPLE_MARTYR.id, 'sweep', ' locale="zh-Hant"')));
    await loaded(zh!);
    inner(zh!).click();
    await until('the network message', () => message(zh!) !== '');
    expect(message(zh!)).to.equal('網路連線中斷，「擦拭墓碑」未能送達，請稍後再試。');
    expect(inner(zh!).getAttribute('aria-pressed')).to.equal('false');
  });

  it('re-words a message shown when the locale changes', async () => {
    const stub = controlledClient();
    const root = withClient(stub.client, tag(SAMPLE_MARTYR.id, 'bow'));
    const [el] = buttons(root);
    await loaded(el!);
    inner(el!).click();
    await stub.answer(errorBody(500, 'internal_error'));
    await until('the message', () => message(el!) !== '');
    expect(message(el!)).to.equal('“鞠躬”未能送达，请稍后再试。');
    const provider = root.querySelector('memorial-provider') as MemorialProvider;
    provider.locale = 'en';
    await provider.updateComplete;
    await el!.updateComplete;
    expect(message(el!)).to.equal('“Bow” did not go through. Please try again later.');
    expect(label(el!)).to.equal('Bow');
  });

  it('works from the keyboard: Enter and Space on the focused button', async () => {
    const stub = controlledClient();
    const [flower, bow] = buttons(withClient(stub.client, tag(SAMPLE_MARTYR.id, 'flower') + tag(SAMPLE_MARTYR.id, 'bow')));
    await loaded(flower!, bow!);
    flower!.focus();
    expect(flower!.shadowRoot?.activeElement, 'focus() lands on the inner button').to.equal(inner(flower!));
    await sendKeys({ press: 'Enter' });
    await until('Enter to offer', () => stub.pending === 1);
    await flower!.updateComplete;
    expect(inner(flower!).getAttribute('aria-pressed')).to.equal('true');
    inner(bow!).focus();
    await sendKeys({ press: ' ' }); // Space (the name 'Space' is unknown to Firefox's BiDi driver)
    await until('Space to offer', () => stub.pending === 2);
    await bow!.updateComplete;
    expect(inner(bow!).getAttribute('aria-pressed')).to.equal('true');
    expect(bow!.shadowRoot?.activeElement, 'focus stays on the button').to.equal(inner(bow!));
  });

  it('Tab reaches the button in document order', async function () {
    const [el] = buttons(withClient(sampleClient(), `<button id="before">before</button>${tag(SAMPLE_MARTYR.id, 'flower')}`));
    await loaded(el!);
    (document.getElementById('before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(el!.shadowRoot?.activeElement).to.equal(inner(el!));
  });

  it('cannot be pressed while loading', async () => {
    const gate = deferred<Response>();
    const slow = stubClient((_url, request) => (request.method === 'GET' ? gate.promise : json({ code: 'internal_error', message: 'should not be sent' }, 500)));
    const [el] = buttons(withClient(slow, tag(SAMPLE_MARTYR.id, 'flower')));
    await el!.updateComplete;
    expect(el!.loadState).to.equal('loading');
    expect(inner(el!).getAttribute('aria-disabled')).to.equal('true');
    expect(inner(el!).hasAttribute('aria-pressed'), 'unknown until loaded').to.equal(false);
    inner(el!).click();
    await el!.offer();
    await el!.updateComplete;
    expect(slow.requests.map((u) => u.pathname)).to.deep.equal([`/api/v1/martyrs/${SAMPLE_MARTYR.id}/tributes`]);
    gate.resolve(json({ ...SAMPLE_TRIBUTES, offeredToday: [] }));
    await loaded(el!);
    expect(inner(el!).hasAttribute('aria-disabled')).to.equal(false);
    expect(inner(el!).getAttribute('aria-pressed')).to.equal('false');
    expect(message(el!)).to.equal('');
  });

  it('targets are ≥44px, ≥60px in elder mode', async () => {
    const [normal, elder] = buttons(withClient(sampleClient(), tag(SAMPLE_MARTYR.id, 'flower') + tag(SAMPLE_MARTYR.id, 'bow', ' elder-mode')));
    await loaded(normal!, elder!);
    const n = inner(normal!).getBoundingClientRect();
    const e = inner(elder!).getBoundingClientRect();
    expect(n.height).to.be.at.least(44);
    expect(n.width).to.be.at.least(44);
    expect(e.height).to.be.at.least(60);
    expect(e.width).to.be.at.least(60);
    expect(parseFloat(getComputedStyle(inner(elder!)).fontSize)).to.be.at.least(18);
    expect(parseFloat(getComputedStyle(elder!.shadowRoot?.querySelector('[part~="count"]') as Element).fontSize)).to.be.at.least(18);
  });

  it('acknowledges quietly, and not at all with prefers-reduced-motion', async function () {
    const answer = () => json({ counted: true, kind: 'flower', summary: { ...SAMPLE_TRIBUTES, offeredToday: ['flower'] } }, 201);
    const stub = controlledClient();
    const [el] = buttons(withClient(stub.client, tag(SAMPLE_MARTYR.id, 'flower')));
    await loaded(el!);
    inner(el!).click();
    await stub.answer(answer());
    await until('the result', () => message(el!) !== '');
    const icon = el!.shadowRoot?.querySelector('[part~="icon"]') as Element;
    expect(getComputedStyle(icon).animationName).to.equal('memorial-tribute-ack');
    try {
      await emulateMedia({ reducedMotion: 'reduce' });
    } catch {
      this.skip(); // the WebDriver launcher cannot emulate media features
    }
    try {
      const stub2 = controlledClient();
      const [calm] = buttons(withClient(stub2.client, tag(SAMPLE_MARTYR.id, 'flower')));
      await loaded(calm!);
      inner(calm!).click();
      await stub2.answer(answer());
      await until('the result', () => message(calm!) !== '');
      const calmIcon = calm!.shadowRoot?.querySelector('[part~="icon"]') as Element;
      expect(getComputedStyle(calmIcon).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('shows its fallback when the API is down, and for an unknown kind (with no request)', async () => {
    const errors: MemorialErrorEvent[] = [];
    const root = mount(`<memorial-tribute-button api-base="${UNREACHABLE_API_BASE}" martyr-id="x" kind="flower"><a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></memorial-tribute-button>`, (r) =>
      r.addEventListener('memorial-error', (e) => errors.push(e)),
    );
    const [el] = buttons(root);
    await loaded(el!);
    await until('memorial-error', () => errors.length > 0);
    expect(el!.loadState).to.equal('error');
    expect((root.querySelector('a') as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(0);

    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const client = sampleClient();
      const [odd] = buttons(withClient(client, `<memorial-tribute-button martyr-id="${SAMPLE_MARTYR.id}" kind="fireworks">献花</memorial-tribute-button>`));
      await odd!.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(odd!.loadState).to.equal('idle');
      expect(client.requests.length).to.equal(0);
      expect(inner(odd!)).to.equal(null);
      expect(String(warnings[0])).to.contain('fireworks');
    } finally {
      console.warn = warn;
    }
  });

  it('shares one store per client and martyr, and overlapping offers of one kind send one request', async () => {
    const stub = controlledClient();
    const store = tributeStore(stub.client, SAMPLE_MARTYR.id);
    expect(tributeStore(stub.client, SAMPLE_MARTYR.id)).to.equal(store);
    expect(tributeStore(sampleClient(), SAMPLE_MARTYR.id)).not.to.equal(store);
    await Promise.all([store.load(), store.load()]);
    await store.load();
    expect(stub.client.requests.length, 'one summary request').to.equal(1);
    const a = store.offer('candle');
    const b = store.offer('candle');
    expect(a).to.equal(b);
    await until('the POST', () => stub.pending === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(stub.pending, 'one POST').to.equal(1);
    expect(store.summary?.total.candle).to.equal(3311);
    await stub.answer(json({ counted: true, kind: 'candle', summary: { ...SAMPLE_TRIBUTES, total: { ...SAMPLE_TRIBUTES.total, candle: 3311 }, offeredToday: ['candle'] } }, 201));
    await a;
    expect(store.summary?.total.candle).to.equal(3311);
    expect(store.offered('candle')).to.equal(true);
    // an answer older than what is held (answers can cross) is not taken
    const c = store.offer('bow');
    await stub.answer(json({ counted: true, kind: 'bow', summary: { ...SAMPLE_TRIBUTES, offeredToday: ['bow'] } }, 201));
    await c;
    expect(store.summary?.total.candle, 'kept the newer count').to.equal(3311);
  });
});

describe('visitor id', () => {
  it('is random, valid for the API, and kept in localStorage under a documented key', () => {
    const id = visitorId();
    expect(id).to.match(/^[A-Za-z0-9_-]{8,64}$/);
    expect(localStorage.getItem(VISITOR_ID_KEY)).to.equal(id);
    expect(VISITOR_ID_KEY).to.equal('memorial-elements.visitor-id');
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const a = readOrCreateVisitorId(() => storage);
    expect(readOrCreateVisitorId(() => storage), 'read back').to.equal(a);
    store.set(VISITOR_ID_KEY, 'bad id!');
    const c = readOrCreateVisitorId(() => storage);
    expect(c, 'an invalid stored value is replaced').to.not.equal('bad id!');
    expect(c).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(readOrCreateVisitorId(() => storage)).to.equal(c);
  });

  it('falls back to memory when storage is blocked', () => {
    const blocked = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    const id = readOrCreateVisitorId(blocked);
    expect(id).to.match(/^[A-Za-z0-9_-]{22}$/);
    const throwing = { getItem: blocked, setItem: blocked };
    expect(readOrCreateVisitorId(() => throwing)).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(readOrCreateVisitorId(() => null)).to.not.equal(readOrCreateVisitorId(() => null));
  });
});
