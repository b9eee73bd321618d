/// <reference types="mocha" />
/**
 * <memorial-martyr-card>: every example (all locales, elder mode, axe), then behaviour against
 * stub clients and the reference server (proxied under /api/, seeded with fictional samples).
 */
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/elements/provider/define.js';
import '../../../src/elements/martyr-card/define.js';
import '../../../src/elements/tribute-button/define.js';
import type { Martyr } from '../../../src/contract/index.js';
import { MemorialMartyrCard } from '../../../src/elements/martyr-card/martyr-card.js';
import { martyrCardExamples, RARE_NAME_MARTYR, SPARSE_MARTYR } from '../../../src/elements/martyr-card/martyr-card.examples.js';
import { MemorialErrorEvent, MemorialLoadEvent } from '../../../src/elements/shared/events.js';
import { failingClient, hangingClient, json, sampleClient, stubClient, SAMPLE_MARTYR } from '../../../src/elements/shared/example-support.js';
import { UNREACHABLE_API_BASE } from '../../../src/elements/shared/examples.js';
import { createMemorialClient } from '../../../src/sdk/index.js';
import { axeViolations, describeViolations } from '../fixtures/axe.js';
import { runExamples } from '../fixtures/run-examples.js';
import { until } from '../fixtures/until.js';
import { mount, withClient } from '../fixtures/mount.js';

runExamples(martyrCardExamples);

// --- helpers ---------------------------------------------------------------------------------

const cardIn = (root: ParentNode) => root.querySelector('memorial-martyr-card') as MemorialMartyrCard;
/** A card showing `martyr` as given (no request). */
async function given(martyr: Martyr, attrs = ''): Promise<MemorialMartyrCard> {
  const el = cardIn(mount(`<memorial-martyr-card${attrs}></memorial-martyr-card>`));
  el.martyr = martyr;
  await el.updateComplete;
  return el;
}

const settled = (el: MemorialMartyrCard) => until('the card to settle', () => el.loadState !== 'loading' && el.loadState !== 'idle').then(() => el.updateComplete);

const q = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector) ?? null;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const shadowText = (el: Element) => text(el.shadowRoot as unknown as Element);
/** `data-field` → its value text. */
function fields(el: MemorialMartyrCard): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of el.shadowRoot?.querySelectorAll('[part~="field"]') ?? []) out[(row as HTMLElement).dataset['field'] ?? '?'] = text(row.querySelector('dd'));
  return out;
}
const labels = (el: MemorialMartyrCard) => [...(el.shadowRoot?.querySelectorAll('dt') ?? [])].map((dt) => text(dt));

/** Every text node and attribute value in a shadow tree. */
function everything(root: ShadowRoot): string[] {
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    if (node instanceof Element) for (const a of node.attributes) out.push(a.value);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

// --- behaviour -------------------------------------------------------------------------------

describe('<memorial-martyr-card>', () => {
  it('renders the full record: semantic heading and <dl>, every known field, dates at their precision', async () => {
    const loads: MemorialLoadEvent[] = [];
    const root = withClient(sampleClient(), `<memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-martyr-card>`);
    root.addEventListener('memorial-load', (e) => loads.push(e));
    const el = cardIn(root);
    await settled(el);
    expect(el.loadState).to.equal('loaded');
    expect(el.shadowRoot?.mode).to.equal('open');
    const heading = q(el, 'h3[part~="name"]');
    expect(text(heading)).to.equal(SAMPLE_MARTYR.name);
    expect(q(el, 'article')?.getAttribute('aria-labelledby')).to.equal(heading?.id);
    expect(q(el, 'dl[part~="fields"]')).to.not.equal(null);
    expect(fields(el)).to.deep.equal({
      sex: '男',
      ethnicity: '汉族',
      'native-place': '示例省示例县',
      birth: '1921年',
      enlistment: '1938年5月',
      unit: '示例纵队某团 连长',
      death: '1949年10月1日',
      'death-place': '示例县城郊',
      period: '解放战争时期',
      cemetery: '示例烈士陵园',
      grave: '一区 3排 12号',
    });
    expect(text(q(el, '[part~="sample"]'))).to.equal('示例数据（人物虚构）');
    expect(text(q(el, '[part~="biography"] p'))).to.equal(SAMPLE_MARTYR.biography);
    expect(text(q(el, '[part~="biography"] h4'))).to.equal('生平事迹');
    await until('memorial-load', () => loads.length === 1);
    expect((loads[0]?.detail.data as Martyr).id).to.equal(SAMPLE_MARTYR.id);
    expect(el.record?.id).to.equal(SAMPLE_MARTYR.id);
    expect(el.shadowRoot?.querySelectorAll('[style]').length, 'no style attributes (strict CSP)').to.equal(0);
  });

  it('localizes labels and values, and marks record text as Chinese in English', async () => {
    const hant = await given(SAMPLE_MARTYR, ' locale="zh-Hant"');
    expect(labels(hant)).to.include.members(['性別', '籍貫', '犧牲時間', '歷史時期', '墓位']);
    expect(fields(hant)['period']).to.equal('解放戰爭時期');
    expect(fields(hant)['grave']).to.equal('一區 3排 12號');
    expect(text(q(hant, '[part~="sample"]'))).to.equal('範例資料（人物虛構）');
    expect(text(q(hant, '[part~="seeking-link"]'))).to.equal('尋找親屬');

    const en = await given(SAMPLE_MARTYR, ' locale="en"');
    expect(labels(en)).to.include.members(['Sex', 'Native place', 'Died', 'Period', 'Grave']);
    expect(fields(en)['death']).to.equal('1 October 1949');
    expect(fields(en)['birth']).to.equal('1921');
    expect(fields(en)['sex']).to.equal('Male');
    expect(fields(en)['grave']).to.equal('Section 一, Row 3, No. 12');
    expect(q(en, '[part~="name"]')?.getAttribute('lang')).to.equal('zh');
    expect(q(en, '[data-field="native-place"] dd')?.getAttribute('lang')).to.equal('zh');
    expect(q(en, '[data-field="death"] dd')?.hasAttribute('lang'), 'a localized value is not marked').to.equal(false);
    expect(q(hant, '[part~="name"]')?.hasAttribute('lang')).to.equal(false);
  });

  it('shows a stored grave position as written when it already carries its unit', async () => {
    const el = await given({ ...SAMPLE_MARTYR, burial: { cemetery: '翠溪县烈士陵园', section: '三区', row: '12排', number: null } });
    expect(fields(el)['grave']).to.equal('三区 12排');
    expect(fields(el)['cemetery']).to.equal('翠溪县烈士陵园');
  });

  it('shows a name outside the BMP exactly as stored, given or from the reference server', async () => {
    const el = await given(RARE_NAME_MARTYR);
    const shown = text(q(el, '[part~="name"]'));
    expect(shown).to.equal('陈𫖯𠀋');
    expect([...shown].length, 'three characters, two of them astral').to.equal(3);
    expect(shown.codePointAt(1)).to.equal(0x2b5af);

    // the seeded sample-0004 has one too
    const record = await createMemorialClient({ baseUrl: location.origin }).martyrs.get('sample-0004');
    expect([...record.name].some((c) => (c.codePointAt(0) ?? 0) > 0xffff), 'sample-0004 has an astral character').to.equal(true);
    const live = cardIn(mount(`<memorial-martyr-card api-base="${location.origin}" martyr-id="sample-0004"></memorial-martyr-card>`));
    await settled(live);
    expect(text(q(live, '[part~="name"]'))).to.equal(record.name);
    // never normalized: a CJK compatibility ideograph (which NFC would turn into U+8C48) stays as stored
    const compat = await given({ ...RARE_NAME_MARTYR, name: '李\uF900' });
    expect(text(q(compat, '[part~="name"]')).codePointAt(1)).to.equal(0xf900);
  });

  it('leaves missing fields out cleanly: no "null", "undefined" or empty rows anywhere', async () => {
    for (const locale of ['zh-Hans', 'zh-Hant', 'en']) {
      for (const variant of ['full', 'compact']) {
        const el = await given(SPARSE_MARTYR, ` locale="${locale}" variant="${variant}"`);
        const all = everything(el.shadowRoot as ShadowRoot);
        const bad = all.filter((s) => /\b(null|undefined|NaN)\b|\[object /.test(s));
        expect(bad, `${locale} ${variant}`).to.deep.equal([]);
        for (const dd of el.shadowRoot?.querySelectorAll('dd') ?? []) expect(text(dd), 'no empty values').to.not.equal('');
        expect(q(el, '[part~="biography"]')).to.equal(null);
        expect(q(el, '[part~="seeking-relatives"]')).to.equal(null);
        expect(q(el, 'img')).to.equal(null);
        expect(q(el, '[part~="photo-placeholder"]'), 'the dignified placeholder').to.not.equal(null);
        expect(text(q(el, '[part~="name"]'))).to.equal('王利远');
      }
    }
    const full = await given(SPARSE_MARTYR);
    expect(fields(full)).to.deep.equal({ death: '1944年' });
    const compact = await given(SPARSE_MARTYR, ' variant="compact"');
    expect(fields(compact)).to.deep.equal({ lifespan: '不详 – 1944年' });
    const nameOnly = await given({ ...SPARSE_MARTYR, deathDate: null, sample: false });
    expect(q(nameOnly, 'dl'), 'no empty <dl>').to.equal(null);
    expect(q(nameOnly, '[part~="sample"]')).to.equal(null);
  });

  it('renders given data with no request', async () => {
    const client = sampleClient();
    const root = withClient(client, `<memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-martyr-card>`);
    const el = cardIn(root);
    el.martyr = { ...SAMPLE_MARTYR, name: '另一位' };
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(text(q(el, '[part~="name"]'))).to.equal('另一位');
    expect(client.requests.length).to.equal(0);
  });

  it('the compact variant: fewer fields, no life story', async () => {
    const el = await given(SAMPLE_MARTYR, ' variant="compact"');
    expect(fields(el)).to.deep.equal({
      lifespan: '1921年 – 1949年10月1日',
      period: '解放战争时期',
      'native-place': '示例省示例县',
      unit: '示例纵队某团 连长',
      cemetery: '示例烈士陵园',
    });
    expect(q(el, '[part~="biography"]')).to.equal(null);
    expect(q(el, '#seeking-hint'), 'no hint in compact').to.equal(null);
    const full = await given(SAMPLE_MARTYR);
    const compactHeight = el.getBoundingClientRect().height;
    expect(full.getBoundingClientRect().height).to.be.greaterThan(compactHeight);
  });

  it('heading-level sets the heading (clamped to 1–6), the life story one below', async () => {
    const two = await given(SAMPLE_MARTYR, ' heading-level="2"');
    expect(q(two, 'h2[part~="name"]')).to.not.equal(null);
    expect(q(two, '[part~="biography"] h3')).to.not.equal(null);
    const six = await given(SAMPLE_MARTYR, ' heading-level="9"');
    expect(q(six, 'h6[part~="name"]')).to.not.equal(null);
    expect(q(six, '[part~="biography"] h6')).to.not.equal(null);
    const bad = await given(SAMPLE_MARTYR, ' heading-level="x"');
    expect(q(bad, 'h3[part~="name"]')).to.not.equal(null);
    const one = await given(SAMPLE_MARTYR, ' heading-level="0"');
    expect(q(one, 'h1[part~="name"]')).to.not.equal(null);
  });

  it('links “寻找亲属” to the relative search: #memorial-relative-search by default, {id} filled in', async () => {
    const el = await given(SAMPLE_MARTYR);
    const link = q(el, 'a[part~="seeking-link"]') as HTMLAnchorElement;
    expect(text(link)).to.equal('寻找亲属');
    expect(link.getAttribute('href')).to.equal('#memorial-relative-search');
    const hint = el.shadowRoot?.getElementById(link.getAttribute('aria-describedby') ?? '');
    expect(text(hint)).to.contain('亲属尚未找到');
    expect(link.getBoundingClientRect().height, 'a 44px target').to.be.at.least(44);
    const custom = await given({ ...SAMPLE_MARTYR, id: 'a b' }, ' relative-search-href="/xunqin?martyr={id}"');
    expect((q(custom, 'a[part~="seeking-link"]') as HTMLAnchorElement).getAttribute('href')).to.equal('/xunqin?martyr=a%20b');
    const elder = await given(SAMPLE_MARTYR, ' elder-mode');
    expect((q(elder, 'a[part~="seeking-link"]') as HTMLElement).getBoundingClientRect().height).to.be.at.least(60);
    const none = await given({ ...SAMPLE_MARTYR, seekingRelatives: false });
    expect(q(none, '[part~="seeking-relatives"]')).to.equal(null);
  });

  it('shows a grave photo lazily with alt text, and the placeholder when it fails or is missing', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 8;
    canvas.height = 10;
    const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob)));
    const url = URL.createObjectURL(blob);
    try {
      const el = await given({ ...SAMPLE_MARTYR, photoUrl: url });
      const img = q(el, 'img[part~="photo"]') as HTMLImageElement;
      expect(img.getAttribute('loading')).to.equal('lazy');
      expect(img.getAttribute('alt')).to.equal(`${SAMPLE_MARTYR.name}烈士墓碑照片`);
      expect(img.getAttribute('src')).to.equal(url);
      expect(q(el, '[part~="photo-placeholder"]')).to.equal(null);
    } finally {
      URL.revokeObjectURL(url);
    }
    // a URL whose content is not an image: it fails without a network request
    const notAnImage = URL.createObjectURL(new Blob(['not an image'], { type: 'image/png' }));
    const broken = await given({ ...SAMPLE_MARTYR, photoUrl: notAnImage });
    const img = q(broken, 'img') as HTMLImageElement;
    img.loading = 'eager';
    await until('the placeholder after a failed photo', () => q(broken, '[part~="photo-placeholder"]') !== null);
    expect(q(broken, 'img')).to.equal(null);
    const placeholder = q(broken, '[part~="photo-placeholder"]') as HTMLElement;
    expect(placeholder.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    expect(placeholder.querySelector('img'), 'no external image').to.equal(null);
    URL.revokeObjectURL(notAnImage);
  });

  it('loading: a skeleton that reserves the card’s height, announced politely', async () => {
    const root = withClient(hangingClient(), `<memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-martyr-card><memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}" variant="compact"></memorial-martyr-card>`);
    const [full, compact] = [...root.querySelectorAll('memorial-martyr-card')] as MemorialMartyrCard[];
    await full!.updateComplete;
    await compact!.updateComplete;
    expect(full!.loadState).to.equal('loading');
    expect(q(full!, '[part~="skeleton"]')).to.not.equal(null);
    expect(q(full!, '[role="status"]')?.textContent).to.contain('正在加载');
    const em = parseFloat(getComputedStyle(full!).fontSize);
    expect(full!.getBoundingClientRect().height).to.be.at.least(16 * em - 1);
    expect(compact!.getBoundingClientRect().height).to.be.at.least(6 * em - 1);
    expect(full!.getBoundingClientRect().height).to.be.greaterThan(compact!.getBoundingClientRect().height);
    // and the loaded card is no smaller than its skeleton
    const loadedCard = await given(SAMPLE_MARTYR);
    expect(loadedCard.getBoundingClientRect().height).to.be.at.least(full!.getBoundingClientRect().height);
  });

  it('not found: its own message, no retry, the fallback shown, memorial-error kind not-found', async () => {
    const errors: MemorialErrorEvent[] = [];
    const root = withClient(sampleClient(), `<memorial-martyr-card martyr-id="sample-9999"><span>林某某</span></memorial-martyr-card>`);
    root.addEventListener('memorial-error', (e) => errors.push(e));
    const el = cardIn(root);
    await settled(el);
    await until('memorial-error', () => errors.length === 1);
    expect(el.loadState).to.equal('error');
    expect(text(q(el, '[part~="status-message"]'))).to.equal('未找到这位烈士的资料。');
    expect(q(el, '[part~="retry-button"]')).to.equal(null);
    expect(errors[0]?.detail.kind).to.equal('not-found');
    expect((root.querySelector('span') as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('error: a retry button that loads again', async () => {
    let fail = true;
    const client = stubClient((url) => (fail ? json({ code: 'internal_error', message: 'x' }, 500) : url.pathname.endsWith(SAMPLE_MARTYR.id) ? json(SAMPLE_MARTYR) : json({ code: 'not_found', message: 'x' }, 404)));
    const el = cardIn(withClient(client, `<memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-martyr-card>`));
    await settled(el);
    expect(el.loadState).to.equal('error');
    expect(text(q(el, '[part~="status-message"]'))).to.equal('加载失败');
    fail = false;
    (q(el, '[part~="retry-button"]') as HTMLButtonElement).click();
    await until('the retry to load', () => el.loadState === 'loaded');
    await el.updateComplete;
    expect(text(q(el, '[part~="name"]'))).to.equal(SAMPLE_MARTYR.name);
    expect(client.requests.length).to.equal(2);
    const failing = cardIn(withClient(failingClient(503, 'unavailable'), `<memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}"></memorial-martyr-card>`));
    await settled(failing);
    expect(q(failing, '[part~="retry-button"]')).to.not.equal(null);
  });

  it('API down: the light-DOM fallback stays visible', async () => {
    const root = mount(`<memorial-martyr-card api-base="${UNREACHABLE_API_BASE}" martyr-id="${SAMPLE_MARTYR.id}"><a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a></memorial-martyr-card>`);
    const el = cardIn(root);
    await settled(el);
    expect(el.loadState).to.equal('error');
    expect((root.querySelector('a') as HTMLElement).getBoundingClientRect().height).to.be.greaterThan(0);
    expect(shadowText(el)).to.contain('暂时无法连接服务');
  });

  it('the actions slot shows slotted buttons in a labelled group, and takes no room when empty', async () => {
    const root = withClient(
      sampleClient(),
      `<memorial-martyr-card martyr-id="${SAMPLE_MARTYR.id}">
        <memorial-tribute-button slot="actions" martyr-id="${SAMPLE_MARTYR.id}" kind="flower"></memorial-tribute-button>
        <memorial-tribute-button slot="actions" martyr-id="${SAMPLE_MARTYR.id}" kind="sweep"></memorial-tribute-button>
      </memorial-martyr-card>`,
    );
    const el = cardIn(root);
    await settled(el);
    await until('the actions to show', () => el.shadowRoot?.querySelector('.actions:not(.empty)') !== null);
    const group = q(el, '[part~="actions"]') as HTMLElement;
    expect(group.getAttribute('role')).to.equal('group');
    expect(group.getAttribute('aria-label')).to.equal('网上祭扫');
    const slot = group.querySelector('slot[name="actions"]') as HTMLSlotElement;
    expect(slot.assignedElements().map((e) => e.getAttribute('kind'))).to.deep.equal(['flower', 'sweep']);
    for (const b of root.querySelectorAll('memorial-tribute-button')) expect(b.getBoundingClientRect().height).to.be.greaterThan(0);
    const bare = await given(SAMPLE_MARTYR);
    expect((q(bare, '[part~="actions"]') as HTMLElement).getBoundingClientRect().height).to.equal(0);
  });

  it('loads a card by id from the reference server (sample-0001)', async () => {
    const record = await createMemorialClient({ baseUrl: location.origin }).martyrs.get('sample-0001');
    const el = cardIn(mount(`<memorial-martyr-card api-base="${location.origin}" martyr-id="sample-0001"></memorial-martyr-card>`));
    await settled(el);
    expect(el.loadState).to.equal('loaded');
    expect(text(q(el, '[part~="name"]'))).to.equal(record.name);
    expect(record.sample).to.equal(true);
    expect(text(q(el, '[part~="sample"]'))).to.equal('示例数据（人物虚构）');
    expect(fields(el)['period']).to.equal('大革命时期');
    expect(fields(el)['death']).to.equal('1924年');
    expect(q(el, 'a[part~="seeking-link"]'), 'sample-0001 is seeking relatives').to.not.equal(null);
    const bad = everything(el.shadowRoot as ShadowRoot).filter((s) => /\b(null|undefined)\b/.test(s));
    expect(bad).to.deep.equal([]);
  });
});

describe('demo/media-story.html', () => {
  let doc: Document;
  let css: string;
  before(async () => {
    doc = new DOMParser().parseFromString(await (await fetch('/demo/media-story.html')).text(), 'text/html');
    css = await (await fetch('/demo/assets/media-story.css')).text();
  });

  it('works under a strict CSP: external module scripts only, no inline script or style, the FOUC snippet in its stylesheet', () => {
    // (the test server injects its own web-socket script into every page it serves)
    const scripts = [...doc.querySelectorAll('script')].filter((s) => !s.getAttribute('src')?.startsWith('/__web-dev-server'));
    expect(scripts.map((s) => s.getAttribute('src'))).to.deep.equal(['/dist/cdn/memorial-elements.min.js', '/demo/media-story.js']);
    for (const s of scripts) {
      expect(s.type).to.equal('module');
      expect(s.textContent?.trim()).to.equal('');
    }
    expect(doc.querySelectorAll('style, [style]').length).to.equal(0);
    expect([...doc.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length, 'no inline handlers').to.equal(0);
    expect(css).to.contain(':where(memorial-martyr-card, memorial-tribute-button, memorial-message-wall, memorial-campaign-banner, memorial-relative-search):not(:defined)');
    expect(doc.querySelector('.demo-notice')?.textContent, 'labelled as sample').to.contain('示例数据');
  });

  it('embeds the full card with all four tribute buttons in its actions slot and the message wall, for a sample martyr', async () => {
    const card = doc.querySelector('article memorial-martyr-card') as Element;
    const id = card.getAttribute('martyr-id') ?? '';
    expect(card.getAttribute('variant')).to.equal('full');
    const buttons = [...card.querySelectorAll(':scope > memorial-tribute-button[slot="actions"]')];
    expect(buttons.map((b) => b.getAttribute('kind'))).to.deep.equal(['flower', 'bow', 'candle', 'sweep']);
    expect(buttons.every((b) => b.getAttribute('martyr-id') === id)).to.equal(true);
    expect(doc.querySelector('article memorial-message-wall')?.getAttribute('martyr-id')).to.equal(id);
    expect(doc.getElementById('memorial-relative-search'), 'the default relative-search-href target').to.not.equal(null);
    const record = await createMemorialClient({ baseUrl: location.origin }).martyrs.get(id);
    expect(record.sample).to.equal(true);
    expect(record.seekingRelatives).to.equal(true);
  });

  it('its story body renders with no axe violations, and a tribute can be offered with the keyboard alone', async function () {
    this.timeout(20_000);
    // the page finds the API through its <meta name="memorial-api-base">: the same here
    const pageMeta = doc.querySelector('meta[name="memorial-api-base"]');
    expect(pageMeta?.getAttribute('content')).to.equal('/');
    const meta = document.createElement('meta');
    meta.name = 'memorial-api-base';
    meta.content = '/';
    document.head.append(meta);
    try {
      await offerFromTheStory(doc);
    } finally {
      meta.remove();
    }
  });
});

/** The demo's story body mounted with the source elements: axe, then 献花 from the keyboard. */
async function offerFromTheStory(doc: Document): Promise<void> {
  const body = doc.querySelector('.story-body') as HTMLElement;
  const root = mount(body.innerHTML);
  const card = cardIn(root);
  await settled(card);
  expect(card.loadState).to.equal('loaded');
  const flower = root.querySelector('memorial-tribute-button[kind="flower"]') as HTMLElement & { loadState: string; updateComplete: Promise<boolean> };
  await until('the tribute buttons', () => flower.loadState === 'loaded');
  await flower.updateComplete;
  const violations = await axeViolations(root);
  expect(violations, describeViolations(violations)).to.have.length(0);
  const seeking = q(card, 'a[part~="seeking-link"]') as HTMLElement;
  seeking.focus();
  await sendKeys({ press: 'Tab' });
  const inner = flower.shadowRoot?.querySelector('button') as HTMLButtonElement;
  expect(flower.shadowRoot?.activeElement, 'Tab from “寻找亲属” reaches 献花').to.equal(inner);
  const wasPressed = inner.getAttribute('aria-pressed');
  await sendKeys({ press: 'Enter' });
  await until('the result', () => text(flower.shadowRoot?.querySelector('[part~="message"]')) !== '');
  expect(inner.getAttribute('aria-pressed')).to.equal('true');
  expect(text(flower.shadowRoot?.querySelector('[part~="message"]'))).to.equal(wasPressed === 'true' ? '今天已献花，明天欢迎再来。' : '已献花，感谢您的缅怀。');
}
