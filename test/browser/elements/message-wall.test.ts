/// <reference types="mocha" />
/**
 * <memorial-message-wall> (感念寄语): every example in every locale and elder mode with axe,
 * then its behaviour — with stub clients for states the reference server cannot be made to
 * show on demand, and against the real server (proxied under /api/) for posting and reporting.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/message-wall/define.js';
import type { Message } from '../../../src/contract/message.js';
import type { MemorialMessageWall } from '../../../src/elements/message-wall/message-wall.js';
import {
  messageWallExamples,
  SAMPLE_MESSAGES,
  wallClient,
  XSS_FLAG,
  XSS_PAYLOADS,
  XSS_SIGNATURE,
  type WallClient,
} from '../../../src/elements/message-wall/message-wall.examples.js';
import type { MemorialProvider } from '../../../src/elements/provider/provider.js';
import { MemorialMessageSubmitEvent, type MemorialErrorEvent } from '../../../src/elements/shared/events.js';
import { json, SAMPLE_MARTYR, failingClient } from '../../../src/elements/shared/example-support.js';
import { UNREACHABLE_API_BASE } from '../../../src/elements/shared/examples.js';
import { createMemorialAdminClient, createMemorialClient, type MemorialClient } from '../../../src/sdk/index.js';
import { renderGallery } from '../../../demo/gallery.js';
import { axeViolations, describeViolations } from '../fixtures/axe.js';
import { exampleContext, renderExample, runExamples, settle } from '../fixtures/run-examples.js';
import { until } from '../fixtures/until.js';
import { mount } from '../fixtures/mount.js';

runExamples(messageWallExamples);

// --- helpers ----------------------------------------------------------------------------------

const wallIn = (root: ParentNode) => root.querySelector('memorial-message-wall') as MemorialMessageWall;
const part = <E extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`) as E | null;
const parts = <E extends Element = HTMLElement>(el: Element, name: string) => [...(el.shadowRoot?.querySelectorAll(`[part~="${name}"]`) ?? [])] as E[];
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const announced = (el: Element) => text(el.shadowRoot?.querySelector('[data-announcer]')).replace(/\u00a0/g, '').trim();
const textarea = (el: Element) => part<HTMLTextAreaElement>(el, 'textarea') as HTMLTextAreaElement;
const signatureInput = (el: Element) => part<HTMLInputElement>(el, 'signature-input') as HTMLInputElement;
const submitButton = (el: Element) => part<HTMLButtonElement>(el, 'submit-button') as HTMLButtonElement;
const focused = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
const items = (el: Element) => parts(el, 'message');
const posts = (client: WallClient) => client.log.filter((r) => r.method === 'POST');

async function settled(el: MemorialMessageWall): Promise<void> {
  await until(`<${el.localName}> to settle`, () => el.loadState !== 'loading' && el.loadState !== 'idle');
  await el.updateComplete;
}

/** A wall for the sample martyr inside a provider that hands it `client`. */
async function wallWith(client: MemorialClient, attrs = '', wrapper: (inner: string) => string = (s) => s): Promise<MemorialMessageWall> {
  const root = mount(wrapper(`<memorial-provider><memorial-message-wall martyr-id="${SAMPLE_MARTYR.id}" ${attrs}></memorial-message-wall></memorial-provider>`), (r) => {
    (r.querySelector('memorial-provider') as MemorialProvider).client = client;
  });
  const el = wallIn(root);
  await settled(el);
  return el;
}

/** Sets a field as typing would (an `input` event), then waits for the render. */
async function typeInto(el: MemorialMessageWall, field: 'text' | 'signature', value: string): Promise<void> {
  const input = field === 'text' ? textarea(el) : signatureInput(el);
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await el.updateComplete;
}

async function submit(el: MemorialMessageWall): Promise<void> {
  submitButton(el).click();
  await el.updateComplete;
}

/** Long enough for a request, had one been started, to reach the stub's fetch. */
const aMoment = () => new Promise((r) => setTimeout(r, 200));

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** `count` approved messages, newest first, for paging. */
function generated(count: number): Message[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${String(count - i).padStart(3, '0')}`,
    martyrId: SAMPLE_MARTYR.id,
    text: `第 ${count - i} 条寄语`,
    signature: null,
    createdAt: new Date(Date.UTC(2025, 3, 4, 0, 0, 0) - i * 60_000).toISOString().replace('Z', '+00:00'),
  }));
}

const realClient = () => createMemorialClient({ baseUrl: location.origin, retry: 0 });
const uniqueText = (label: string) => `${label} ${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** The admin token of the test server, when the test runner exposes it (see docs/elements/message-wall.md § Tests). */
async function adminToken(): Promise<string | undefined> {
  try {
    const token = await executeServerCommand<string | undefined, undefined>('memorial-admin-token');
    return typeof token === 'string' && token ? token : undefined;
  } catch {
    return undefined;
  }
}

// --- behaviour -------------------------------------------------------------------------------
describe('<memorial-message-wall>', () => {
  it('shows approved messages newest first, as text, with signature and a localized date', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    expect(el.loadState).to.equal('loaded');
    expect(el.shadowRoot?.mode).to.equal('open');
    const shown = items(el);
    expect(shown.length, 'one page of ten').to.equal(10);
    expect(shown.map((li) => text(li.querySelector('[part~="message-text"]')))).to.deep.equal(SAMPLE_MESSAGES.slice(0, 10).map((m) => m.text.replace(/\s+/g, ' ').trim()));
    expect(text(shown[0]?.querySelector('[part~="message-signature"]'))).to.equal('一名中学教师');
    expect(text(shown[0]?.querySelector('[part~="message-date"]'))).to.equal('2025年4月4日');
    expect(shown[0]?.querySelector('time')?.getAttribute('datetime')).to.equal(SAMPLE_MESSAGES[0]?.createdAt);
    expect(text(shown[3]?.querySelector('[part~="message-signature"]')), 'no signature').to.equal('匿名');
    // rare characters outside the BMP, exactly as stored; line breaks kept
    expect(shown[2]?.querySelector('[part~="message-text"]')?.textContent).to.equal(SAMPLE_MESSAGES[2]?.text);
    expect(getComputedStyle(shown[2]?.querySelector('[part~="message-text"]') as Element).whiteSpace).to.equal('pre-wrap');
    expect(client.log[0]?.url.pathname).to.equal(`/api/v1/martyrs/${SAMPLE_MARTYR.id}/messages`);
    expect(client.log[0]?.url.searchParams.get('limit')).to.equal('10');
    expect(el.messages.length).to.equal(10);
  });

  it('localizes dates and wording (zh-Hant, en), dates in Asia/Shanghai', async () => {
    const messages: Message[] = [{ id: 'late', martyrId: SAMPLE_MARTYR.id, text: 'x', signature: null, createdAt: '2025-04-03T23:30:00+00:00' }];
    const en = await wallWith(wallClient({ messages }), 'locale="en"');
    expect(text(part(en, 'message-date')), '23:30 UTC is the next morning in Beijing').to.equal('4 April 2025');
    expect(text(part(en, 'message-signature'))).to.equal('Anonymous');
    expect(text(part(en, 'heading'))).to.equal('Messages of remembrance');
    expect(text(part(en, 'report-button'))).to.equal('Report');
    const hant = await wallWith(wallClient({ messages }), 'locale="zh-Hant"');
    expect(text(part(hant, 'message-date'))).to.equal('2025年4月4日');
    expect(text(part(hant, 'heading'))).to.equal('感念寄語');
    expect(text(submitButton(hant))).to.equal('送出寄語');
  });

  it('shows markup and script in messages as text and never runs them', async () => {
    const flags = globalThis as unknown as Record<string, unknown>;
    // The spy works: the same payload parsed as HTML does run.
    delete flags[XSS_FLAG];
    const control = mount(XSS_PAYLOADS[0]);
    await until('the control payload to run', () => flags[XSS_FLAG] === true);
    control.remove();
    delete flags[XSS_FLAG];

    const messages: Message[] = XSS_PAYLOADS.map((payload, i) => ({ id: `x${i}`, martyrId: SAMPLE_MARTYR.id, text: payload, signature: payload, createdAt: '2025-04-04T08:00:00+08:00' }));
    const el = await wallWith(wallClient({ messages }));
    await new Promise((r) => setTimeout(r, 300));
    expect(flags[XSS_FLAG], 'no payload ran').to.equal(undefined);
    const list = part(el, 'list') as HTMLElement;
    expect(list.querySelectorAll('img, script, svg').length, 'no element was created from a message').to.equal(0);
    expect(parts(el, 'message-text').map((p) => p.textContent)).to.deep.equal([...XSS_PAYLOADS]);
    expect(parts(el, 'message-signature').map((p) => p.textContent)).to.deep.equal([...XSS_PAYLOADS]);
  });

  it('loads more with a cursor, moves focus to the first new message and announces how many', async () => {
    const all = generated(25);
    const client = wallClient({ messages: all });
    const el = await wallWith(client, 'page-size="10"');
    expect(items(el).length).to.equal(10);
    const more = part<HTMLButtonElement>(el, 'load-more-button') as HTMLButtonElement;
    expect(text(more)).to.equal('加载更多寄语');
    more.focus();
    more.click();
    await until('the second page', () => items(el).length === 20);
    await el.updateComplete;
    expect(client.log[1]?.url.searchParams.get('cursor')).to.equal('o10');
    expect(focused(el)?.id, 'focus on the first newly loaded message').to.equal(`msg-${all[10]?.id}`);
    expect(announced(el)).to.equal('又加载了 10 条寄语。');
    (part<HTMLButtonElement>(el, 'load-more-button') as HTMLButtonElement).click();
    await until('the last page', () => items(el).length === 25);
    await el.updateComplete;
    expect(client.log[2]?.url.searchParams.get('cursor')).to.equal('o20');
    expect(focused(el)?.id).to.equal(`msg-${all[20]?.id}`);
    expect(announced(el)).to.equal('又加载了 5 条寄语。 已显示全部寄语。');
    expect(part(el, 'load-more-button'), 'no more pages: no button').to.equal(null);
    expect(items(el).map((li) => li.dataset['id'])).to.deep.equal(all.map((m) => m.id));
    expect(el.messages.length).to.equal(25);
  });

  it('a failed "load more" is shown and announced, and the button tries again', async () => {
    let failures = 1;
    const errors: MemorialErrorEvent[] = [];
    const client = wallClient({
      messages: generated(15),
      list: (cursor, page) => (cursor && failures-- > 0 ? json({ code: 'internal_error', message: 'boom' }, 500) : page()),
    });
    const el = await wallWith(client);
    el.addEventListener('memorial-error', (e) => errors.push(e));
    const more = () => part<HTMLButtonElement>(el, 'load-more-button') as HTMLButtonElement;
    more().click();
    await until('the load-more error', () => part(el, 'load-more')?.querySelector('[part~="field-error"]') != null);
    expect(text(part(el, 'load-more')?.querySelector('[part~="field-error"]'))).to.equal('更多寄语未能加载，请重试。');
    expect(announced(el)).to.equal('更多寄语未能加载，请重试。');
    expect(more().getAttribute('aria-describedby')).to.equal('load-more-error');
    expect(errors[0]?.detail.phase).to.equal('action');
    expect(el.loadState, 'the wall itself is still fine').to.equal('loaded');
    more().click();
    await until('the retried page', () => items(el).length === 15);
  });

  it('ignores a second press while a page is loading', async () => {
    const gate = deferred<void>();
    const client = wallClient({ messages: generated(15), list: async (cursor, page) => (cursor ? (await gate.promise, page()) : page()) });
    const el = await wallWith(client);
    const more = part<HTMLButtonElement>(el, 'load-more-button') as HTMLButtonElement;
    more.click();
    await el.updateComplete;
    expect(more.getAttribute('aria-disabled')).to.equal('true');
    expect(text(more)).to.equal('正在加载…');
    more.click();
    gate.resolve();
    await until('the second page', () => items(el).length === 15);
    expect(client.log.filter((r) => r.url.searchParams.has('cursor')).length).to.equal(1);
  });

  it('has an empty state that invites the first message, and a read-only one with no-form', async () => {
    const el = await wallWith(wallClient({ messages: [] }));
    expect(el.loadState).to.equal('empty');
    expect(text(part(el, 'status-message'))).to.equal('还没有寄语，写下第一条。');
    expect(part(el, 'form')).to.not.equal(null);
    const ro = await wallWith(wallClient({ messages: [] }), 'no-form');
    expect(text(part(ro, 'status-message'))).to.equal('还没有寄语。');
    expect(part(ro, 'form')).to.equal(null);
    const roLoaded = await wallWith(wallClient(), 'no-form');
    expect(items(roLoaded).length).to.equal(10);
    expect(part(roLoaded, 'form')).to.equal(null);
    expect(roLoaded.shadowRoot?.querySelector('textarea, input')).to.equal(null);
  });

  it('sends page-size as the limit, clamped to 1–100', async () => {
    for (const [attr, limit] of [['3', '3'], ['500', '100'], ['0', '10'], ['abc', '10']] as const) {
      const client = wallClient();
      await wallWith(client, `page-size="${attr}"`);
      expect(client.log[0]?.url.searchParams.get('limit'), `page-size="${attr}"`).to.equal(limit);
    }
  });

  it('shows an error with retry, and the light-DOM fallback when the API is down', async () => {
    const el = await wallWith(failingClient(500));
    expect(el.loadState).to.equal('error');
    expect(text(part(el, 'status-message'))).to.equal('加载失败');
    expect(part(el, 'form'), 'no form while the wall cannot load').to.equal(null);
    expect(part(el, 'retry-button')).to.not.equal(null);

    const root = mount(`<memorial-message-wall api-base="${UNREACHABLE_API_BASE}" martyr-id="${SAMPLE_MARTYR.id}"><a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></memorial-message-wall>`);
    const down = wallIn(root);
    await settled(down);
    expect(down.loadState).to.equal('error');
    expect(text(part(down, 'status-message'))).to.equal('暂时无法连接服务，请稍后再试。');
    expect((root.querySelector('a') as HTMLElement).getBoundingClientRect().height, 'the fallback link is visible').to.be.greaterThan(0);
  });

  it('retry after an error loads again', async () => {
    let fail = true;
    const client = wallClient({ list: (_c, page) => (fail ? json({ code: 'internal_error', message: 'x' }, 500) : page()) });
    const el = await wallWith(client);
    expect(el.loadState).to.equal('error');
    fail = false;
    (part<HTMLButtonElement>(el, 'retry-button') as HTMLButtonElement).click();
    await until('the retried load', () => el.loadState === 'loaded');
    expect(items(el).length).to.equal(10);
  });

  it('shows nothing but the fallback without a martyr-id', async () => {
    const root = mount(`<memorial-message-wall api-base="${location.origin}"><p>fallback</p></memorial-message-wall>`);
    const el = wallIn(root);
    await el.updateComplete;
    expect(el.loadState).to.equal('idle');
    expect(part(el, 'fallback')).to.not.equal(null);
    expect(part(el, 'form')).to.equal(null);
  });
});

describe('<memorial-message-wall> form', () => {
  it('counts characters in code points: an astral character counts as one', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    await typeInto(el, 'text', '𠀋𠀋𠀋a');
    expect(text(part(el, 'counter'))).to.equal('已输入 4 / 500 字');
    // 500 characters outside the BMP are 1000 UTF-16 code units, and still within the limit
    const astral = '𠀋'.repeat(500);
    await typeInto(el, 'text', astral);
    expect(text(part(el, 'counter'))).to.equal('已输入 500 / 500 字');
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('false');
    expect(textarea(el).hasAttribute('maxlength'), 'maxlength counts UTF-16 units, so it is not used').to.equal(false);
    await submit(el);
    await until('the receipt', () => part(el, 'form-status') !== null);
    expect(posts(client).length).to.equal(1);
    expect((posts(client)[0]?.body as { text: string }).text).to.equal(astral);
    // one more astral character is over
    await typeInto(el, 'text', '𠀋'.repeat(501));
    expect(text(part(el, 'counter'))).to.equal('已输入 501 / 500 字');
    expect(part(el, 'counter')?.classList.contains('over')).to.equal(true);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it('refuses a 501-character message before any request, ties the error to the field, focuses it and announces it', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    const before = client.log.length;
    await typeInto(el, 'text', 'a'.repeat(501));
    await submit(el);
    await aMoment();
    expect(client.log.length, 'no request was made').to.equal(before);
    const field = textarea(el);
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).to.include('text-error');
    expect(text(el.shadowRoot?.getElementById('text-error'))).to.equal('寄语最多 500 字，现已超出 1 字。');
    expect(focused(el), 'focus on the invalid field').to.equal(field);
    expect(announced(el)).to.equal('有 1 处需要修改。 寄语最多 500 字，现已超出 1 字。');
    expect(el.checkValidity()).to.equal(false);
    await typeInto(el, 'text', 'a'.repeat(500));
    expect(field.getAttribute('aria-invalid'), 'corrected: the error goes at once').to.equal('false');
    expect(el.shadowRoot?.getElementById('text-error')).to.equal(null);
    expect(el.checkValidity()).to.equal(true);
  });

  it('an empty message is refused on submit (not while typing) and the message clears once corrected', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    expect(textarea(el).getAttribute('aria-invalid'), 'no error before the first submit').to.equal('false');
    await typeInto(el, 'text', '   \n ');
    await submit(el);
    expect(text(el.shadowRoot?.getElementById('text-error'))).to.equal('请写下寄语内容。');
    await aMoment();
    expect(posts(client).length).to.equal(0);
    await typeInto(el, 'text', '致敬');
    expect(el.shadowRoot?.getElementById('text-error')).to.equal(null);
    expect(textarea(el).getAttribute('aria-invalid')).to.equal('false');
  });

  it('refuses a signature over 40 characters; focus goes to the first invalid field', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    await typeInto(el, 'text', '致敬英烈');
    await typeInto(el, 'signature', '署'.repeat(41));
    expect(signatureInput(el).getAttribute('aria-invalid'), '"too long" shows while typing').to.equal('true');
    await submit(el);
    expect(focused(el)).to.equal(signatureInput(el));
    expect(text(el.shadowRoot?.getElementById('signature-error'))).to.equal('署名最多 40 字，现已超出 1 字。');
    expect(signatureInput(el).getAttribute('aria-describedby')?.split(' ')).to.include.members(['signature-hint', 'signature-error']);
    await typeInto(el, 'text', '');
    await submit(el);
    expect(focused(el), 'the text field comes first').to.equal(textarea(el));
    expect(announced(el)).to.equal('有 2 处需要修改。 请写下寄语内容。');
    await aMoment();
    expect(posts(client).length).to.equal(0);
    // reportValidity() does what a submit does, without sending
    signatureInput(el).focus();
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    expect(focused(el)).to.equal(textarea(el));
  });

  it('announces the count politely at thresholds, not on every keystroke', async () => {
    const el = await wallWith(wallClient());
    const region = el.shadowRoot?.querySelector('[data-announcer]') as HTMLElement;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    const steps: [number, string][] = [
      [10, ''],
      [399, ''],
      [400, '还可输入 100 字。'],
      [401, '还可输入 100 字。'],
      [449, '还可输入 100 字。'],
      [450, '还可输入 50 字。'],
      [490, '还可输入 10 字。'],
      [495, '还可输入 10 字。'],
      [500, '已达到 500 字上限。'],
      [502, '已超出上限 2 字。'],
      [503, '已超出上限 2 字。'],
      [499, '字数已在上限以内，还可输入 1 字。'],
      [300, '字数已在上限以内，还可输入 1 字。'],
    ];
    for (const [n, want] of steps) {
      await typeInto(el, 'text', '念'.repeat(n));
      expect(announced(el), `${n} characters`).to.equal(want);
    }
  });

  it('sends: disabled while sending, then "held for review", the form cleared, the event fired, nothing added to the list', async () => {
    const gate = deferred<void>();
    const client = wallClient({
      post: async () => {
        await gate.promise;
        return json({ id: 'receipt-1', status: 'pending' }, 202);
      },
    });
    const el = await wallWith(client);
    const submits: MemorialMessageSubmitEvent[] = [];
    document.addEventListener('memorial-message-submit', (e) => submits.push(e), { once: true });
    const countBefore = items(el).length;
    await typeInto(el, 'text', '清明祭英烈');
    await typeInto(el, 'signature', '一位读者');
    await submit(el);
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
    expect(text(submitButton(el))).to.equal('正在提交…');
    expect(textarea(el).readOnly).to.equal(true);
    expect(signatureInput(el).readOnly).to.equal(true);
    expect(part(el, 'form')?.getAttribute('aria-busy')).to.equal('true');
    await submit(el);
    gate.resolve();
    await until('the receipt', () => part(el, 'form-status') !== null);
    expect(posts(client).length, 'a second press while sending sends nothing').to.equal(1);
    expect(posts(client)[0]?.body).to.deep.equal({ text: '清明祭英烈', signature: '一位读者' });
    expect(text(part(el, 'form-status'))).to.equal('感谢您的寄语。寄语已提交，经审核通过后将公开显示。');
    expect(announced(el)).to.equal('感谢您的寄语。寄语已提交，经审核通过后将公开显示。');
    expect(textarea(el).value).to.equal('');
    expect(signatureInput(el).value).to.equal('');
    expect(el.text).to.equal('');
    expect(submitButton(el).getAttribute('aria-disabled')).to.equal('false');
    expect(items(el).length, 'held messages are not listed').to.equal(countBefore);
    expect(text(part(el, 'list'))).to.not.contain('清明祭英烈');
    expect(submits.length).to.equal(1);
    expect(submits[0]).to.be.instanceOf(MemorialMessageSubmitEvent);
    expect(submits[0]?.bubbles && submits[0]?.composed).to.equal(true);
    expect(submits[0]?.detail).to.deep.equal({ martyrId: SAMPLE_MARTYR.id, receipt: { id: 'receipt-1', status: 'pending' } });
    // typing again clears the notice
    await typeInto(el, 'text', '再');
    expect(part(el, 'form-status')).to.equal(null);
  });

  it('leaves out an empty signature', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    await typeInto(el, 'text', '英雄不朽');
    await typeInto(el, 'signature', '   ');
    await submit(el);
    await until('the post', () => posts(client).length === 1);
    expect(posts(client)[0]?.body).to.deep.equal({ text: '英雄不朽' });
  });

  it('maps a 400 with field issues back to the fields', async () => {
    const client = wallClient({
      post: () =>
        json(
          { code: 'validation_failed', message: 'The request body is invalid: signature', issues: [{ path: 'signature', message: 'contains control characters or broken surrogate pairs' }] },
          400,
        ),
    });
    const el = await wallWith(client);
    const errors: MemorialErrorEvent[] = [];
    el.addEventListener('memorial-error', (e) => errors.push(e));
    await typeInto(el, 'text', '致敬');
    await typeInto(el, 'signature', '读者');
    await submit(el);
    await until('the field error', () => signatureInput(el).getAttribute('aria-invalid') === 'true');
    await el.updateComplete;
    expect(text(el.shadowRoot?.getElementById('signature-error'))).to.equal('含有无法保存的字符，请删除后再试。');
    expect(focused(el)).to.equal(signatureInput(el));
    expect(announced(el)).to.equal('有 1 处需要修改。 含有无法保存的字符，请删除后再试。');
    expect(textarea(el).value, 'the text is kept').to.equal('致敬');
    expect(errors[0]?.detail).to.include({ kind: 'http', status: 400, code: 'validation_failed', phase: 'action' });
  });

  it('a 429 says when to try again (Retry-After) and keeps the text', async () => {
    for (const [seconds, want] of [
      ['120', '提交过于频繁，请 2 分钟后再试。寄语内容已为您保留。'],
      ['45', '提交过于频繁，请 45 秒后再试。寄语内容已为您保留。'],
      [null, '提交过于频繁，请稍后再试。寄语内容已为您保留。'],
    ] as const) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (seconds) headers['retry-after'] = seconds;
      const client = wallClient({ post: () => new Response(JSON.stringify({ code: 'rate_limited', message: 'slow down' }), { status: 429, headers }) });
      const el = await wallWith(client);
      const errors: MemorialErrorEvent[] = [];
      el.addEventListener('memorial-error', (e) => errors.push(e));
      await typeInto(el, 'text', '致敬');
      await submit(el);
      await until('the refusal', () => part(el, 'form-status') !== null);
      expect(text(part(el, 'form-status')), `Retry-After ${seconds}`).to.equal(want);
      expect(part(el, 'form-status')?.classList.contains('error')).to.equal(true);
      expect(announced(el)).to.equal(want);
      expect(textarea(el).value).to.equal('致敬');
      expect(errors[0]?.detail.kind).to.equal('rate-limited');
    }
    const en = await wallWith(wallClient({ post: () => new Response('{"code":"rate_limited","message":"x"}', { status: 429, headers: { 'retry-after': '1', 'content-type': 'application/json' } }) }), 'locale="en"');
    await typeInto(en, 'text', 'x');
    await submit(en);
    await until('the refusal', () => part(en, 'form-status') !== null);
    expect(text(part(en, 'form-status'))).to.equal('Too many messages were sent. Please try again in 1 second. Your message has been kept.');
  });

  it('network down: says so, keeps the text, and sending the same draft again reuses its idempotency key', async () => {
    let down = true;
    const client = wallClient({
      post: () => {
        if (down) throw new TypeError('Failed to fetch');
        return json({ id: 'r2', status: 'pending' }, 202);
      },
    });
    const el = await wallWith(client);
    await typeInto(el, 'text', '缅怀先烈');
    await submit(el);
    await until('the failure', () => part(el, 'form-status') !== null);
    expect(text(part(el, 'form-status'))).to.equal('网络连接失败，寄语未能发出。请检查网络后重试，内容已为您保留。');
    expect(announced(el)).to.equal('网络连接失败，寄语未能发出。请检查网络后重试，内容已为您保留。');
    expect(textarea(el).value).to.equal('缅怀先烈');
    await submit(el);
    await until('the second attempt', () => posts(client).length === 2);
    await el.updateComplete;
    expect(text(part(el, 'form-status')), 'the same failure twice is still announced').to.contain('网络连接失败');
    down = false;
    await submit(el);
    await until('the receipt', () => text(part(el, 'form-status')).startsWith('感谢'));
    const keys = posts(client).map((r) => r.idempotencyKey);
    expect(keys[0]).to.be.a('string');
    expect(new Set(keys).size, 'one draft, one key').to.equal(1);
    await typeInto(el, 'text', '另一条');
    await submit(el);
    await until('the next message', () => posts(client).length === 4);
    expect(posts(client)[3]?.idempotencyKey, 'a new draft gets a new key').to.not.equal(keys[0]);
  });

  it('any other failure says the message was not sent', async () => {
    const el = await wallWith(wallClient({ post: () => json({ code: 'internal_error', message: 'x' }, 500) }));
    await typeInto(el, 'text', '致敬');
    await submit(el);
    await until('the failure', () => part(el, 'form-status') !== null);
    expect(text(part(el, 'form-status'))).to.equal('寄语未能提交，请稍后再试。内容已为您保留。');
  });
});

describe('<memorial-message-wall> reporting', () => {
  it('asks to confirm, reports, then shows a calm notice in place of the message', async () => {
    const client = wallClient();
    const el = await wallWith(client);
    const first = () => items(el)[0] as HTMLElement;
    const report = first().querySelector('[part~="report-button"]') as HTMLButtonElement;
    expect(text(report)).to.equal('举报');
    expect(report.getAttribute('aria-describedby'), 'says which message').to.equal(`msg-${SAMPLE_MESSAGES[0]?.id}-meta`);
    report.click();
    await el.updateComplete;
    const confirm = first().querySelector('[part~="report-confirm"]') as HTMLElement;
    expect(confirm.getAttribute('role')).to.equal('group');
    expect(text(confirm)).to.contain('确定举报这条寄语吗？');
    expect(focused(el)?.id, 'focus on the question').to.equal(`msg-${SAMPLE_MESSAGES[0]?.id}-confirm`);
    await aMoment();
    expect(posts(client).length, 'nothing is sent before confirming').to.equal(0);
    // cancel (Escape) puts focus back on the report button
    focused(el)?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(first().querySelector('[part~="report-confirm"]')).to.equal(null);
    expect(focused(el)?.getAttribute('part')).to.equal('report-button');
    // and the cancel button does too
    (first().querySelector('[part~="report-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    (first().querySelector('[part~="report-cancel-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(focused(el)?.getAttribute('part')).to.equal('report-button');
    // confirm
    (first().querySelector('[part~="report-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    (first().querySelector('[part~="report-confirm-button"]') as HTMLButtonElement).click();
    await until('the reported notice', () => first().querySelector('[part~="reported-notice"]') !== null);
    await el.updateComplete;
    expect(posts(client).map((r) => r.url.pathname)).to.deep.equal([`/api/v1/messages/${SAMPLE_MESSAGES[0]?.id}/reports`]);
    expect(text(first())).to.equal('已举报，将重新审核。');
    expect(first().querySelector('[part~="message-text"]'), 'the message is hidden here at once').to.equal(null);
    expect(focused(el)?.getAttribute('part')).to.equal('reported-notice');
    expect(announced(el)).to.equal('已举报，将重新审核。');
    expect(items(el).length, 'the list does not jump').to.equal(10);
  });

  it('a failed report says so and can be confirmed again', async () => {
    let fail = true;
    const client = wallClient({ report: () => (fail ? json({ code: 'internal_error', message: 'x' }, 500) : json({ ok: true }, 202)) });
    const el = await wallWith(client);
    const first = () => items(el)[0] as HTMLElement;
    (first().querySelector('[part~="report-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    (first().querySelector('[part~="report-confirm-button"]') as HTMLButtonElement).click();
    await until('the report error', () => first().querySelector('[part~="field-error"]') !== null);
    expect(text(first().querySelector('[part~="field-error"]'))).to.equal('举报未能发送，请稍后再试。');
    expect(announced(el)).to.equal('举报未能发送，请稍后再试。');
    fail = false;
    (first().querySelector('[part~="report-confirm-button"]') as HTMLButtonElement).click();
    await until('the reported notice', () => first().querySelector('[part~="reported-notice"]') !== null);
    expect(posts(client).length).to.equal(2);
  });
});

describe('<memorial-message-wall> against the reference server', () => {
  it('posts a message: the writer is told it is held for review, and it is listed nowhere', async () => {
    const martyrId = 'sample-0011';
    const root = mount(`<memorial-message-wall api-base="${location.origin}" martyr-id="${martyrId}"></memorial-message-wall>`);
    const el = wallIn(root);
    await settled(el);
    expect(el.loadState).to.equal('empty');
    const submits: MemorialMessageSubmitEvent[] = [];
    root.addEventListener('memorial-message-submit', (e) => submits.push(e));
    const message = uniqueText(`清明寄语 ${XSS_PAYLOADS[0]}`);
    await typeInto(el, 'text', message);
    await typeInto(el, 'signature', '测试读者');
    await submit(el);
    await until('the server’s receipt', () => part(el, 'form-status') !== null);
    expect(text(part(el, 'form-status'))).to.equal('感谢您的寄语。寄语已提交，经审核通过后将公开显示。');
    expect(submits[0]?.detail.receipt.status).to.equal('pending');
    expect(submits[0]?.detail.martyrId).to.equal(martyrId);
    const page = await realClient().messages.list(martyrId).firstPage();
    expect(page.items.map((m) => m.text), 'a pending message is not public').to.not.include(message);
    let loads = 0;
    el.addEventListener('memorial-load', () => loads++);
    el.reload();
    await el.updateComplete;
    await settled(el);
    await until('reload() to load again', () => loads === 1);
    expect(el.loadState).to.equal('empty');
  });

  it('keyboard only: Tab to the message, type, Tab to send, Enter', async function () {
    this.timeout(20_000);
    const martyrId = 'sample-0012';
    const root = mount(`<button type="button" id="before">before</button><memorial-message-wall api-base="${location.origin}" martyr-id="${martyrId}"></memorial-message-wall>`);
    const el = wallIn(root);
    await settled(el);
    const submits: MemorialMessageSubmitEvent[] = [];
    root.addEventListener('memorial-message-submit', (e) => submits.push(e));
    (root.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(el);
    expect(focused(el), 'Tab reaches the message field first').to.equal(textarea(el));
    // WebKitWebDriver drops spaces and repeated letters from typed text: none in this one
    const message = 'Remembering-you';
    await sendKeys({ type: message });
    await el.updateComplete;
    expect(textarea(el).value).to.equal(message);
    expect(text(part(el, 'counter'))).to.equal(`已输入 ${message.length} / 500 字`);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(signatureInput(el));
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(submitButton(el));
    await sendKeys({ press: 'Enter' });
    await until('the server’s receipt', () => part(el, 'form-status') !== null);
    expect(text(part(el, 'form-status'))).to.equal('感谢您的寄语。寄语已提交，经审核通过后将公开显示。');
    expect(submits.length).to.equal(1);
    expect(textarea(el).value).to.equal('');
  });

  it('reports a message through the real server (the list served by a stub, since the server lists only approved ones)', async () => {
    const martyrId = 'sample-0013';
    const receipt = await realClient().messages.post(martyrId, { text: uniqueText('待举报的寄语') });
    const listed: Message = { id: receipt.id, martyrId, text: '一条寄语', signature: null, createdAt: new Date().toISOString() };
    // GET of the list from the stub, everything else (the report) to the reference server
    const client = createMemorialClient({
      baseUrl: location.origin,
      retry: 0,
      fetch: async (input, init) => {
        const request = input instanceof Request && init === undefined ? input : new Request(input, init);
        if (request.method === 'GET' && new URL(request.url).pathname.endsWith('/messages')) return json({ items: [listed], nextCursor: null });
        return fetch(request);
      },
    });
    const errors: MemorialErrorEvent[] = [];
    const el = await wallWith(client);
    el.addEventListener('memorial-error', (e) => errors.push(e));
    (part<HTMLButtonElement>(el, 'report-button') as HTMLButtonElement).click();
    await el.updateComplete;
    (part<HTMLButtonElement>(el, 'report-confirm-button') as HTMLButtonElement).click();
    await until('the report', () => part(el, 'reported-notice') !== null || errors.length > 0);
    expect(errors.map((e) => e.detail.code)).to.deep.equal([]);
    expect(text(part(el, 'reported-notice'))).to.equal('已举报，将重新审核。');
  });

  it('approved messages appear newest first, page, and a reported one stays listed until moderators decide (needs the admin token command)', async function () {
    this.timeout(30_000);
    const token = await adminToken();
    if (!token) {
      // The wtr api-server plugin does not expose the admin token yet; see the lead's wiring note.
      this.skip();
      return;
    }
    // one martyr per engine: the three engines share one server and run at once
    const martyrId = /Firefox\//.test(navigator.userAgent) ? 'sample-0015' : /Chrome\//.test(navigator.userAgent) ? 'sample-0014' : 'sample-0016';
    const admin = createMemorialAdminClient({ baseUrl: location.origin, token, actor: 'message-wall test', retry: 0 });
    const client = realClient();
    const texts = [...Array.from({ length: 6 }, (_, i) => uniqueText(`寄语 ${i}`)), XSS_PAYLOADS[0], XSS_PAYLOADS[1]];
    for (const t of texts) {
      const r = await client.messages.post(martyrId, { text: t, signature: XSS_SIGNATURE });
      await admin.messages.approve(r.id);
      await new Promise((res) => setTimeout(res, 5));
    }
    const flags = globalThis as unknown as Record<string, unknown>;
    delete flags[XSS_FLAG];
    const root = mount(`<memorial-message-wall api-base="${location.origin}" martyr-id="${martyrId}" page-size="5"></memorial-message-wall>`);
    const el = wallIn(root);
    await settled(el);
    expect(items(el).length).to.equal(5);
    (part<HTMLButtonElement>(el, 'load-more-button') as HTMLButtonElement).click();
    await until('the second page', () => items(el).length === texts.length);
    const shown = parts(el, 'message-text').map((p) => p.textContent);
    expect(shown, 'newest first').to.deep.equal([...texts].reverse());
    expect(parts(el, 'message-signature').map((p) => p.textContent)).to.deep.equal(texts.map(() => XSS_SIGNATURE));
    expect(part(el, 'list')?.querySelectorAll('img, script, svg').length).to.equal(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(flags[XSS_FLAG], 'no payload ran').to.equal(undefined);
    const first = () => items(el)[0] as HTMLElement;
    (first().querySelector('[part~="report-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    (first().querySelector('[part~="report-confirm-button"]') as HTMLButtonElement).click();
    await until('the report', () => first().querySelector('[part~="reported-notice"]') !== null);
    const after = await client.messages.list(martyrId, { limit: 100 }).firstPage();
    // One reporter is not a strong signal (issue 17): it queues the message for moderators and it stays up.
    expect(after.items.map((m) => m.text), 'reported once: queued, still listed').to.include(texts[texts.length - 1]);
    expect(after.items.length).to.equal(texts.length);
  });
});

describe('<memorial-message-wall> look and examples', () => {
  it('targets are at least 44px, and 60px with text of at least 18px in elder mode', async () => {
    for (const elder of [false, true]) {
      const el = await wallWith(wallClient({ messages: generated(12) }), elder ? 'elder-mode' : '');
      (items(el)[0]?.querySelector('[part~="report-button"]') as HTMLButtonElement).click();
      await el.updateComplete;
      const min = elder ? 60 : 44;
      const targets = [...(el.shadowRoot?.querySelectorAll('button, textarea, input') ?? [])] as HTMLElement[];
      expect(targets.length).to.be.greaterThan(4);
      for (const t of targets) {
        const box = t.getBoundingClientRect();
        expect(box.height, `${t.getAttribute('part')} height`).to.be.at.least(min);
        expect(box.width, `${t.getAttribute('part')} width`).to.be.at.least(min);
      }
      if (elder) {
        for (const node of el.shadowRoot?.querySelectorAll('*') ?? []) {
          const own = [...node.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (own && !node.closest('.visually-hidden')) expect(parseFloat(getComputedStyle(node).fontSize), `<${node.localName} part=${node.getAttribute('part')}>`).to.be.at.least(18);
        }
      }
    }
  });

  it('uses no style attributes and keeps its height while loading', async () => {
    const el = await wallWith(wallClient());
    expect(el.shadowRoot?.querySelectorAll('[style]').length).to.equal(0);
    expect(el.hasAttribute('style')).to.equal(false);
    const root = mount(`<memorial-message-wall api-base="${location.origin}"></memorial-message-wall>`);
    const idle = wallIn(root);
    await idle.updateComplete;
    expect(idle.getBoundingClientRect().height, 'min-block-size reserves room').to.be.at.least(200);
  });

  it('the "validation-errors" example shows both field errors; "submitted" ends held for review; "submit-rate-limited" says when', async () => {
    const byName = (name: string) => messageWallExamples.examples.find((e) => e.name === name)!;
    const ctx = exampleContext('zh-Hans', false);
    const v = await renderExample(byName('validation-errors'), ctx);
    try {
      await settle(v, byName('validation-errors'));
      const el = wallIn(v.root);
      expect(textarea(el).getAttribute('aria-invalid')).to.equal('true');
      expect(signatureInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(text(el.shadowRoot?.getElementById('text-error'))).to.equal('寄语最多 500 字，现已超出 2 字。');
      expect(text(el.shadowRoot?.getElementById('signature-error'))).to.equal('署名最多 40 字，现已超出 1 字。');
    } finally {
      v.remove();
    }
    const s = await renderExample(byName('submitted'), ctx);
    try {
      await settle(s, byName('submitted'));
      const el = wallIn(s.root);
      await until('the receipt', () => part(el, 'form-status') !== null);
      expect(text(part(el, 'form-status'))).to.equal('感谢您的寄语。寄语已提交，经审核通过后将公开显示。');
      expect(textarea(el).value).to.equal('');
    } finally {
      s.remove();
    }
    const r = await renderExample(byName('submit-rate-limited'), ctx);
    try {
      await settle(r, byName('submit-rate-limited'));
      const el = wallIn(r.root);
      await until('the refusal', () => part(el, 'form-status') !== null);
      expect(text(part(el, 'form-status'))).to.equal('提交过于频繁，请 2 分钟后再试。寄语内容已为您保留。');
    } finally {
      r.remove();
    }
  });

  for (const elderMode of [false, true]) {
    it(`every example together in the gallery${elderMode ? ' in elder mode' : ''}: no axe violations`, async function () {
      this.timeout(30_000);
      const root = document.createElement('main');
      document.body.append(root);
      try {
        await renderGallery(root, [messageWallExamples], { locale: 'zh-Hans', elderMode });
        expect(root.querySelectorAll('memorial-message-wall').length).to.equal(messageWallExamples.examples.length);
        const walls = [...root.querySelectorAll('memorial-message-wall')] as MemorialMessageWall[];
        await until('the gallery to settle', () => walls.every((w) => w.loadState !== 'loading' || w.closest('#memorial-message-wall--loading')), 15_000);
        await until('the submitted examples', () => walls.filter((w) => part(w, 'form-status')).length === 2);
        const violations = await axeViolations(root);
        expect(violations, describeViolations(violations)).to.have.length(0);
      } finally {
        root.remove();
      }
    });
  }
});
