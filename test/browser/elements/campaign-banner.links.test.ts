/// <reference types="mocha" />
/**
 * <memorial-campaign-banner> and issue 17, item 7: a campaign whose link is off the allowlist
 * (src/contract/campaign-links.ts) is never rendered as a link; the banner shows its light-DOM
 * fallback instead. The allowlist is the national platform and the host of that fallback link.
 */
import { expect } from '@esm-bundle/chai';
import '../../../src/elements/campaign-banner/define.js';
import type { MemorialCampaignBanner } from '../../../src/elements/campaign-banner/campaign-banner.js';
import { json } from '../../../src/elements/shared/example-support.js';
import { until } from '../fixtures/until.js';

const CAMPAIGN = {
  id: 'qingming-2020', kind: 'qingming', title: '致敬·2020清明祭英烈', theme: '致敬',
  startDate: '2020-02-10', endDate: '2020-04-10', url: 'https://www.chinamartyrs.gov.cn/', partnerLinks: [],
};

describe('campaign banner: link allowlist', () => {
  const original = window.fetch;
  let url = CAMPAIGN.url;
  before(() => {
    window.fetch = async (input, init) => {
      const target = String(input instanceof Request ? input.url : input);
      if (target.includes('/campaigns/')) return json({ ...CAMPAIGN, id: target.split('/').pop(), url });
      return original(input, init);
    };
  });
  after(() => {
    window.fetch = original;
  });

  async function show(id: string, link: string, fallback = '<a href="https://www.chinamartyrs.gov.cn/">中华英烈网</a>') {
    url = link;
    const root = document.createElement('div');
    root.innerHTML = `<memorial-campaign-banner api-base="${location.origin}" campaign="${id}">${fallback}</memorial-campaign-banner>`;
    const el = root.firstElementChild as MemorialCampaignBanner;
    el.now = new Date('2020-03-01T10:00:00+08:00');
    document.body.append(root);
    await until('loaded', () => el.loadState === 'loaded' || el.loadState === 'error');
    await el.updateComplete;
    return { el, done: () => root.remove() };
  }

  for (const lookalike of ['https://www.chinamartyrs.gov.cn@evil.example/', 'https://www.chinamartyrs.gov.cn.evil.example/', 'http://www.chinamartyrs.gov.cn/']) {
    it(`shows the light-DOM link instead of ${lookalike}`, async () => {
      const { el, done } = await show(`look-${Math.random().toString(36).slice(2, 8)}`, lookalike);
      try {
        expect(el.shadowRoot?.querySelector('[part="fallback"] slot')).to.not.equal(null);
        expect(el.shadowRoot?.querySelector('a[part="link"]')).to.equal(null);
      } finally {
        done();
      }
    });
  }

  it('renders an allowed link: the national platform, or the host of its own fallback link', async () => {
    const national = await show('allowed-1', 'https://www.chinamartyrs.gov.cn/2020/');
    try {
      expect(national.el.shadowRoot?.querySelector('a[part="link"]')?.getAttribute('href')).to.equal('https://www.chinamartyrs.gov.cn/2020/');
    } finally {
      national.done();
    }
    const own = await show('allowed-2', 'https://www.example.gov.cn/zt/', '<a href="https://www.example.gov.cn/">本站专题</a>');
    try {
      expect(own.el.shadowRoot?.querySelector('a[part="link"]')?.getAttribute('href')).to.equal('https://www.example.gov.cn/zt/');
    } finally {
      own.done();
    }
  });
});
