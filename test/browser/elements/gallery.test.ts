/// <reference types="mocha" />
/** The demo gallery renders every example of every list, and the whole page passes axe. */
import { expect } from '@esm-bundle/chai';
import { EXAMPLE_LISTS, renderGallery } from '../../../demo/gallery.js';
import '../fixtures/test-card.js';
import { testCardExamples } from '../fixtures/test-card.examples.js';
import { axeViolations, describeViolations } from '../fixtures/axe.js';

describe('demo gallery', () => {
  for (const elderMode of [false, true]) {
    it(`renders every example${elderMode ? ' in elder mode' : ''} with no axe violations`, async function () {
      this.timeout(30_000);
      const lists = [...EXAMPLE_LISTS, testCardExamples];
      const root = document.createElement('main');
      document.body.append(root);
      try {
        await renderGallery(root, lists, { locale: 'zh-Hant', elderMode });
        const total = lists.reduce((n, l) => n + l.examples.length, 0);
        expect(root.querySelectorAll('article.example').length).to.equal(total);
        // let loads and failures settle (api-down retries take about a second)
        const deadline = performance.now() + 10_000;
        const busy = () => [...root.querySelectorAll('*')].some((e) => (e as { loadState?: string }).loadState === 'loading' && !e.closest('[id$="--loading"]'));
        while (busy() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        const violations = await axeViolations(root);
        expect(violations, describeViolations(violations)).to.have.length(0);
      } finally {
        root.remove();
      }
    });
  }
});
