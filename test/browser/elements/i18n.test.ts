/// <reference types="mocha" />
import { expect } from '@esm-bundle/chai';
import { HISTORY_PERIODS } from '../../../src/contract/martyr.js';
import { TRIBUTE_KINDS } from '../../../src/contract/tribute.js';
import { CATALOGS, formatNumber, formatPartialDate, periodName, plural, t, tributeLabel } from '../../../src/i18n/format.js';
import { LOCALES, normalizeLocale } from '../../../src/i18n/locale.js';

describe('i18n', () => {
  it('formats dates as precisely as they are known', () => {
    const cases: [string, string, string, string][] = [
      ['1949', '1949年', '1949年', '1949'],
      ['1949-10', '1949年10月', '1949年10月', 'October 1949'],
      ['1949-10-01', '1949年10月1日', '1949年10月1日', '1 October 1949'],
      ['1937-07-07', '1937年7月7日', '1937年7月7日', '7 July 1937'],
    ];
    for (const [value, hans, hant, en] of cases) {
      expect(formatPartialDate(value, 'zh-Hans')).to.equal(hans);
      expect(formatPartialDate(value, 'zh-Hant')).to.equal(hant);
      expect(formatPartialDate(value, 'en')).to.equal(en);
    }
    expect(formatPartialDate(null, 'zh-Hans')).to.equal('不详');
    expect(formatPartialDate(undefined, 'zh-Hant')).to.equal('不詳');
    expect(formatPartialDate('民国三十八年', 'en')).to.equal('民国三十八年');
  });

  it('formats numbers and plurals through Intl', () => {
    expect(formatNumber(1960000, 'zh-Hans')).to.equal('1,960,000');
    expect(formatNumber(1960000, 'en')).to.equal('1,960,000');
    expect(plural('en', 'tribute.count', 1)).to.equal('1 tribute');
    expect(plural('en', 'tribute.count', 40211)).to.equal('40,211 tributes');
    expect(plural('zh-Hans', 'tribute.count', 40211)).to.equal('40,211 人次');
  });

  it('names every history period and tribute kind in every locale, and falls back to the id', () => {
    for (const locale of LOCALES) {
      for (const p of HISTORY_PERIODS) expect(periodName(p, locale), `${p} in ${locale}`).not.to.equal(p);
      for (const k of TRIBUTE_KINDS) {
        expect(tributeLabel(k, locale)).to.be.a('string').and.not.equal('');
        expect(tributeLabel(k, locale, true)).not.to.equal(tributeLabel(k, locale));
      }
    }
    expect(periodName('some-new-period', 'zh-Hans')).to.equal('some-new-period');
    expect(TRIBUTE_KINDS.map((k) => tributeLabel(k, 'zh-Hans'))).to.deep.equal(['献花', '鞠躬', '点烛', '擦拭墓碑']);
    expect(TRIBUTE_KINDS.map((k) => tributeLabel(k, 'zh-Hans', true))).to.deep.equal(['已献花', '已鞠躬', '已点烛', '已擦拭墓碑']);
    expect(tributeLabel('flower', 'zh-Hant')).to.equal('獻花');
  });

  it('has the same keys in every catalog, and Traditional wording in zh-Hant', () => {
    const keys = Object.keys(CATALOGS['zh-Hans']).sort();
    expect(Object.keys(CATALOGS['zh-Hant']).sort()).to.deep.equal(keys);
    expect(Object.keys(CATALOGS.en).sort()).to.deep.equal(keys);
    expect(t('zh-Hant', 'state.loading')).to.contain('載入');
    expect(t('zh-Hant', 'state.unreachable')).to.contain('連線');
    expect(t('zh-Hant', 'state.notFound')).to.contain('資料');
  });

  it('maps language tags', () => {
    expect(normalizeLocale('zh-tw')).to.equal('zh-Hant');
    expect(normalizeLocale('zh_HK')).to.equal('zh-Hant');
    expect(normalizeLocale('EN-gb')).to.equal('en');
    expect(normalizeLocale('')).to.equal('zh-Hans');
    expect(normalizeLocale(undefined)).to.equal('zh-Hans');
  });
});
