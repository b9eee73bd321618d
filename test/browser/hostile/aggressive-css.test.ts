/// <reference types="mocha" />
/**
 * Hostile host 2: a careless CMS stylesheet (pages/aggressive.css: `* { … !important }`,
 * forced typography on body, element resets, `[hidden] { display: block }`…). The same host page
 * with and without it must render every element identically: every element inside every shadow
 * root keeps its computed styles and its box, texts are not transformed, targets keep their
 * minimum size, nothing hidden shows, and axe finds nothing.
 *
 * What the page's CSS may legitimately change is the host element's own outer box (margin,
 * border, padding, width: the page lays the element out) and the light-DOM fallback (the page's
 * own link). Nothing else passes down: typography on the host element is ignored, since the
 * elements size text through their tokens (--memorial-sys-*), not the page's font settings.
 */
import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Result } from 'axe-core';
import { createMemorialAdminClient, createMemorialClient } from '../../../src/sdk/index.js';
import { WCAG_TAGS, describeViolations } from '../fixtures/axe.js';
import { ENGINE, openHostPage, part, rendered, settled, shadowElements, until, type HostPage, type MemorialHost } from './host-frame.js';

/** This engine's own martyr: no other test writes to it, so both pages show the same data. */
const MARTYR_ID = `sample-027${ENGINE}`;
const ELEMENTS = ['p-banner', 'p-card', 'p-card-compact', 'p-tribute', 'p-wall', 'p-search', 'o-banner', 'o-card', 'o-tribute', 'o-wall', 'o-search'];

/** Computed properties that make up "looks right". */
const PROPS = [
  'display', 'visibility', 'position', 'float', 'box-sizing', 'opacity',
  'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant-caps', 'line-height',
  'letter-spacing', 'word-spacing', 'text-transform', 'text-indent', 'text-align', 'text-shadow',
  'white-space', 'word-break', 'overflow-wrap', 'color', 'background-color', 'list-style-type',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'min-height', 'min-width',
];
/** Controls that must keep the 44px target (checkboxes sit in a row that is itself 44px high). */
const TARGETS = 'button, .button, a[part~="link"], a[part~="seeking-link"], select, textarea, input:not([type="checkbox"])';

let clean: HostPage;
let hostile: HostPage;

const describeNode = (el: Element) => `<${el.localName}${el.getAttribute('part') ? ` part="${el.getAttribute('part')}"` : el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}>`;

before(async function () {
  this.timeout(40_000);
  const token = await executeServerCommand<string | undefined, undefined>('memorial-admin-token');
  if (!token) throw new Error('the api-server plugin gives no admin token');
  // two approved messages, so the walls show a list
  const client = createMemorialClient({ baseUrl: location.origin, retry: 0 });
  const admin = createMemorialAdminClient({ baseUrl: location.origin, token, actor: 'aggressive-css test', retry: 0 });
  const record = await client.martyrs.get(MARTYR_ID);
  const listed = await client.messages.list(MARTYR_ID).firstPage();
  for (const text of ['清明时节，缅怀先烈。', 'We remember you — 我们记得。'].slice(listed.items.length)) {
    await admin.messages.approve((await client.messages.post(MARTYR_ID, { text, signature: 'Reader' })).id);
  }
  const params = { martyr: MARTYR_ID, q: record.name };
  [clean, hostile] = await Promise.all([openHostPage('elements.html', params), openHostPage('elements.html', { ...params, css: 'aggressive' })]);
  for (const page of [clean, hostile]) {
    for (const id of ELEMENTS) await settled(page.doc.getElementById(id) as MemorialHost, 15_000);
  }
  // the aggressive stylesheet is really there
  expect(hostile.win.getComputedStyle(hostile.doc.body).textTransform).to.equal('uppercase');
});

after(() => {
  clean?.remove();
  hostile?.remove();
});

describe('hostile host: aggressive global CSS', function () {
  this.timeout(20_000);
  const pair = (id: string) => [clean.doc.getElementById(id) as MemorialHost, hostile.doc.getElementById(id) as MemorialHost] as const;

  it('every element reaches the same state in both pages', () => {
    for (const id of ELEMENTS) {
      const [a, b] = pair(id);
      expect(b.loadState, id).to.equal(a.loadState);
      expect(['loaded', 'empty'], id).to.include(a.loadState);
    }
  });

  it('every node in every shadow root keeps its computed style', () => {
    const mismatches = new Set<string>();
    for (const id of ELEMENTS) {
      const [a, b] = pair(id);
      const [left, right] = [shadowElements(a), shadowElements(b)];
      expect(right.map((el) => el.localName), `${id} renders the same tree`).to.deep.equal(left.map((el) => el.localName));
      left.forEach((el, i) => {
        const [sa, sb] = [clean.win.getComputedStyle(el), hostile.win.getComputedStyle(right[i]!)];
        for (const prop of PROPS) {
          const [va, vb] = [sa.getPropertyValue(prop), sb.getPropertyValue(prop)];
          if (va !== vb) mismatches.add(`${id} ${describeNode(el)} ${prop}: ${va} → ${vb}`);
        }
      });
    }
    expect([...mismatches].slice(0, 40), `${mismatches.size} differences`).to.deep.equal([]);
  });

  it('every rendered box keeps its size and place within its element (±1px)', () => {
    const moved: string[] = [];
    for (const id of ELEMENTS) {
      const [a, b] = pair(id);
      const [ha, hb] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
      const [left, right] = [shadowElements(a), shadowElements(b)];
      left.forEach((el, i) => {
        // not laid out (a closed <option>, an empty slot): no box to compare, in either page
        if (el.getClientRects().length === 0 && right[i]!.getClientRects().length === 0) return;
        const [ra, rb] = [el.getBoundingClientRect(), right[i]!.getBoundingClientRect()];
        const boxA = [ra.left - ha.left, ra.top - ha.top, ra.width, ra.height];
        const boxB = [rb.left - hb.left, rb.top - hb.top, rb.width, rb.height];
        if (boxA.some((v, k) => Math.abs(v - boxB[k]!) > 1)) moved.push(`${id} ${describeNode(el)}: ${boxA.map(Math.round).join(',')} → ${boxB.map(Math.round).join(',')}`);
      });
    }
    expect(moved.slice(0, 40), `${moved.length} boxes moved`).to.deep.equal([]);
  });

  it('texts read the same: nothing uppercased, spaced out or cut', () => {
    for (const id of ELEMENTS) {
      const [a, b] = pair(id);
      expect((part(b, 'base') as HTMLElement).innerText, id).to.equal((part(a, 'base') as HTMLElement).innerText);
    }
  });

  it('every control keeps its 44px target', () => {
    let checked = 0;
    for (const id of ELEMENTS) {
      const [, b] = pair(id);
      for (const control of b.shadowRoot!.querySelectorAll<HTMLElement>(TARGETS)) {
        if (!rendered(control)) continue;
        const box = control.getBoundingClientRect();
        expect(box.height, `${id} ${describeNode(control)} height`).to.be.at.least(44 - 0.5);
        if (control.matches('button, .button')) expect(box.width, `${id} ${describeNode(control)} width`).to.be.at.least(44 - 0.5);
        checked++;
      }
    }
    expect(checked, 'controls measured').to.be.greaterThan(10);
  });

  it('nothing hidden becomes visible: the fallbacks of loaded elements stay out of sight', () => {
    for (const id of ELEMENTS) {
      const [a, b] = pair(id);
      const [la, lb] = [a.querySelector(':scope > a')!, b.querySelector(':scope > a')!];
      expect(rendered(la), `${id} fallback (clean page)`).to.equal(false);
      expect(rendered(lb), `${id} fallback (aggressive CSS)`).to.equal(false);
    }
  });

  it('axe finds no WCAG 2.1 A/AA violation on the hostile page', async () => {
    expect(hostile.log.violations, 'no CSP violation before axe is added').to.deep.equal([]);
    const script = hostile.doc.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', reject, { once: true });
    });
    hostile.doc.head.append(script);
    await loaded;
    const axe = await until('axe in the host page', () => (hostile.win as unknown as { axe?: typeof import('axe-core') }).axe);
    const results = await axe.run(hostile.doc.querySelector('main')!, { runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
    const violations: Result[] = results.violations;
    expect(violations, describeViolations(violations)).to.deep.equal([]);
  });

  it('the host pages saw no error and no CSP violation', () => {
    for (const page of [clean, hostile]) {
      expect(page.log.errors).to.deep.equal([]);
      expect(page.log.rejections).to.deep.equal([]);
      expect(page.log.memorialErrors).to.deep.equal([]);
    }
    expect(clean.log.violations).to.deep.equal([]);
  });
});
