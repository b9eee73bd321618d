/// <reference types="mocha" />
/**
 * The banner's examples all at once on one page, as the demo gallery shows them (the floats and
 * the states side by side), with axe over the whole page. Until the lead adds
 * `campaignBannerExamples` to `EXAMPLE_LISTS` in demo/gallery.ts, this is the check that the
 * list renders there.
 */
import { expect } from '@esm-bundle/chai';
import { renderGallery } from '../../../demo/gallery.js';
import '../../../src/elements/campaign-banner/define.js';
import { campaignBannerExamples } from '../../../src/elements/campaign-banner/campaign-banner.examples.js';
import { axeViolations, describeViolations } from '../fixtures/axe.js';

describe('<memorial-campaign-banner> examples in the gallery', () => {
  for (const [locale, elderMode] of [['zh-Hans', false], ['en', true]] as const) {
    it(`renders every example (${locale}${elderMode ? ', elder mode' : ''}) with no axe violations`, async function () {
      this.timeout(30_000);
      const root = document.createElement('main');
      document.body.append(root);
      try {
        await renderGallery(root, [campaignBannerExamples], { locale, elderMode });
        expect(root.querySelectorAll('article.example').length).to.equal(campaignBannerExamples.examples.length);
        const deadline = performance.now() + 10_000;
        const busy = () =>
          [...root.querySelectorAll('memorial-campaign-banner')].some(
            (e) => (e as unknown as { loadState: string }).loadState === 'loading' && !e.closest('#memorial-campaign-banner--loading'),
          );
        while (busy() && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
        expect(busy(), 'every example settled').to.equal(false);
        const violations = await axeViolations(root);
        expect(violations, describeViolations(violations)).to.have.length(0);
      } finally {
        root.remove();
      }
    });
  }
});
