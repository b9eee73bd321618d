/// <reference types="mocha" />
/**
 * <memorial-relative-search>: every example in every locale and elder mode with axe, then its
 * behaviour — stub clients for deterministic states, and the real server (proxied under /api/)
 * for the forgiving search and the keyboard-only flow to a reference number.
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/relative-search/define.js';
import type { MemorialProvider } from '../../../src/elements/provider/provider.js';
import type { MemorialRelativeSearch } from '../../../src/elements/relative-search/relative-search.js';
import { relativeSearchExamples, SAMPLE_ID_NUMBER, SAMPLE_RESULTS, searchClient, VALID_LEAD, type SearchClient } from '../../../src/elements/relative-search/relative-search.examples.js';
import type { MemorialLeadSubmitEvent, MemorialSearchEvent } from '../../../src/elements/shared/events.js';
import { json } from '../../../src/elements/shared/example-support.js';
import { runExamples } from '../fixtures/run-examples.js';
import { until } from '../fixtures/until.js';
import { mount } from '../fixtures/mount.js';

runExamples(relativeSearchExamples);

const $ = <E extends Element = HTMLElement>(el: Element, sel: string) => el.shadowRoot?.querySelector(sel) as E | null;
const $$ = (el: Element, sel: string) => [...(el.shadowRoot?.querySelectorAll(sel) ?? [])] as HTMLElement[];
const text = (n: Element | null | undefined) => n?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focused = (el: Element) => el.shadowRoot?.activeElement as HTMLElement | null;
const announced = (el: Element) => text($(el, '[data-announcer]')).replace(/\u00a0/g, '').trim();

async function withStub(client: SearchClient, attrs = ''): Promise<MemorialRelativeSearch> {
  const root = mount(`<memorial-provider locale="zh-Hans"><memorial-relative-search ${attrs}></memorial-relative-search></memorial-provider>`, (r) => {
    (r.querySelector('memorial-provider') as MemorialProvider).client = client;
  });
  const el = root.querySelector('memorial-relative-search') as MemorialRelativeSearch;
  await el.updateComplete;
  return el;
}

async function typeInto(el: MemorialRelativeSearch, sel: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, sel) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
}

describe('<memorial-relative-search> with a stub client', () => {
  it('shows each match reason in words and pages with load more', async () => {
    const client = searchClient();
    const el = await withStub(client, 'q="张志明" page-size="4"');
    await until('results', () => el.loadState === 'loaded');
    await el.updateComplete;
    const reasons = $$(el, '[part~="match-reason"]').map(text);
    expect(reasons).to.deep.equal(['匹配原因：姓名一致', '匹配原因：繁简写法不同', '匹配原因：同音字', '匹配原因：拼音相同']);
    ($(el, '[part~="load-more-button"]') as HTMLButtonElement).click();
    await until('second page', () => el.results.length === SAMPLE_RESULTS.length);
    await el.updateComplete;
    expect(focused(el)?.id).to.equal(`r-${SAMPLE_RESULTS[4]?.id}`);
    expect($(el, '[part~="load-more-button"]')).to.equal(null);
  });

  it('loads the 籍贯 selects level by level and searches by the deepest code', async () => {
    const client = searchClient();
    const el = await withStub(client);
    await until('provinces', () => $$(el, '#province option').length > 1);
    await typeInto(el, '#province', '130000');
    await until('cities', () => $$(el, '#city option').length > 1);
    await typeInto(el, '#city', '130100');
    await until('counties', () => $$(el, '#county option').length > 1);
    await typeInto(el, '#county', '130102');
    let event: MemorialSearchEvent | undefined;
    el.addEventListener('memorial-search', (e) => (event = e), { once: true });
    expect(el.search()).to.equal(true);
    await until('memorial-search', () => event !== undefined);
    expect(event?.detail.query['nativePlaceCode']).to.equal('130102');
    expect(client.log.some((r) => r.url.pathname.endsWith('/regions') && r.url.searchParams.get('parent') === '130100')).to.equal(true);
  });

  it('refuses bad death years inline and focuses the first', async () => {
    const el = await withStub(searchClient());
    await typeInto(el, '#deathYearFrom', '19x');
    expect(el.search()).to.equal(false);
    await el.updateComplete;
    expect($(el, '#deathYearFrom')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#deathYearFrom')?.getAttribute('aria-describedby')).to.contain('deathYearFrom-error');
    expect(focused(el)?.id).to.equal('deathYearFrom');
  });

  it('refuses a bad mobile and a bad ID number client-side with no request', async () => {
    const client = searchClient();
    const el = await withStub(client);
    el.openLeadForm(SAMPLE_RESULTS[0]!);
    await el.updateComplete;
    expect($(el, '#f-idNumber'), 'ID number hidden until its consent').to.equal(null);
    el.draft = { ...VALID_LEAD, mobile: '12345678901', idNumberConsent: true, idNumber: '110105194912310021' };
    await el.updateComplete;
    ($(el, '[part~="submit-button"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.updateComplete;
    expect(client.log.filter((r) => r.method === 'POST')).to.have.length(0);
    expect($(el, '#f-mobile')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-idNumber')?.getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#f-mobile-error'))).to.contain('11 位手机号码');
    expect(focused(el)?.id).to.equal('f-mobile');
    expect(announced(el)).to.contain('有 2 处需要修改');
  });

  it('maps a server 400 back to its field', async () => {
    const client = searchClient({ post: () => json({ code: 'validation_failed', message: 'bad', requestId: 'x', issues: [{ path: 'mobile', message: 'must be an 11-digit mainland mobile number' }] }, 400) });
    const el = await withStub(client);
    el.openLeadForm(SAMPLE_RESULTS[0]!);
    el.draft = { ...VALID_LEAD };
    await el.updateComplete;
    ($(el, '[part~="submit-button"]') as HTMLButtonElement).click();
    await until('mobile marked invalid', () => $(el, '#f-mobile')?.getAttribute('aria-invalid') === 'true');
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('f-mobile');
  });

  it('registers a family search from the empty state, with a valid ID number given after consent', async () => {
    const client = searchClient({ results: [] });
    const el = await withStub(client, 'q="无此人"');
    await until('empty', () => el.loadState === 'empty');
    await el.updateComplete;
    ($(el, '#register-button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.view).to.equal('family');
    expect(focused(el)?.id).to.equal('form-heading');
    expect(($(el, '#f-martyrName') as HTMLInputElement).value).to.equal('无此人');
    el.draft = { ...VALID_LEAD, idNumberConsent: true, idNumber: SAMPLE_ID_NUMBER.toLowerCase(), deathDate: '1948-11' };
    await el.updateComplete;
    let event: MemorialLeadSubmitEvent | undefined;
    el.addEventListener('memorial-lead-submit', (e) => (event = e), { once: true });
    ($(el, '[part~="submit-button"]') as HTMLButtonElement).click();
    await until('memorial-lead-submit', () => event !== undefined);
    await el.updateComplete;
    expect(event?.detail).to.deep.equal({ type: 'family-search', receipt: { reference: 'F20250404-A1B2C3' } });
    const post = client.log.find((r) => r.method === 'POST');
    expect(post?.url.pathname).to.equal('/api/v1/family-searches');
    expect((post?.body as { idNumber?: string }).idNumber).to.equal(SAMPLE_ID_NUMBER);
    expect(focused(el)?.id).to.equal('success');
    expect(announced(el)).to.contain('F20250404-A1B2C3');
  });
});

describe('<memorial-relative-search> against the reference server', () => {
  it('finds 张志明 and its homophone 章志名, each with its reason', async () => {
    const root = mount(`<memorial-relative-search api-base="${location.origin}" locale="zh-Hans" q="张志明" page-size="50"></memorial-relative-search>`);
    const el = root.querySelector('memorial-relative-search') as MemorialRelativeSearch;
    await until('results', () => el.loadState === 'loaded');
    await el.updateComplete;
    const byName = new Map(el.results.map((m) => [m.name, m.match?.reason]));
    expect(byName.get('张志明')).to.equal('exact');
    expect(byName.get('章志名')).to.equal('homophone');
    expect(el.results[0]?.match?.reason).to.equal('exact');
    expect($$(el, '[part~="match-reason"]').map(text)).to.include('匹配原因：同音字');
  });

  it('works by keyboard alone: search → result → lead → reference number', async () => {
    const root = mount(`<button type="button" id="before">before</button><memorial-relative-search api-base="${location.origin}" locale="zh-Hans"></memorial-relative-search>`);
    const el = root.querySelector('memorial-relative-search') as MemorialRelativeSearch;
    await el.updateComplete;
    (root.querySelector('#before') as HTMLButtonElement).focus();
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('name');
    await sendKeys({ type: '章志名' });
    await sendKeys({ press: 'Enter' });
    await until('results focused', () => el.loadState === 'loaded' && focused(el)?.id === 'results-heading');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('claim-button');
    await sendKeys({ press: 'Enter' });
    await until('lead form focused', () => focused(el)?.id === 'form-heading');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('f-claimantName');
    await sendKeys({ type: '章小名' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('f-relationship');
    await sendKeys({ press: 'ArrowDown' });
    await until('relationship chosen', () => el.draft.relationship !== '');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('f-mobile');
    await sendKeys({ type: '13912345678' }); // no repeated digits: WebKitWebDriver drops repeated letters
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('f-knowledge');
    await sendKeys({ type: '家中老人说起过这个名字。' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.id).to.equal('f-consent');
    await sendKeys({ press: ' ' }); // Space (the name 'Space' is unknown to Firefox's BiDi driver)
    await el.updateComplete;
    const consent = focused(el) as HTMLInputElement;
    // WebKitWebDriver drops typed spaces (see message-wall.test.ts), so Space never reaches the
    // checkbox there; the browser itself toggles checkboxes with Space. Only then: click it.
    if (!consent.checked && /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Firefox/.test(navigator.userAgent)) consent.click();
    await until('consent ticked', () => el.draft.consent);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.getAttribute('part')).to.equal('submit-button');
    await sendKeys({ press: 'Enter' });
    await until('success', () => el.view === 'success', 10_000);
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('success');
    expect(el.receipt?.reference).to.match(/^L\d{8}-[A-Z0-9]{6}$/);
    expect(text($(el, '[part~="reference"]'))).to.equal(el.receipt?.reference);
  });
});
