/**
 * `memorial-elements`: everything — the SDK, the contract, the element classes and the
 * foundation to build more. Importing this entry defines no custom elements: that is the job
 * of `memorial-elements/elements/<name>.define.js` and of the CDN file.
 */
export * from './sdk/index.js';
export * from './elements/shared/index.js';
export { MemorialProvider } from './elements/provider/provider.js';
export { MemorialMessageWall } from './elements/message-wall/message-wall.js';
export { MemorialMartyrCard, type MartyrCardVariant } from './elements/martyr-card/martyr-card.js';
export { MemorialTributeButton } from './elements/tribute-button/tribute-button.js';
export { MemorialCampaignBanner, type CampaignBannerVariant } from './elements/campaign-banner/campaign-banner.js';
export { MemorialRelativeSearch } from './elements/relative-search/relative-search.js';
export { t, plural, formatNumber, formatPartialDate, periodName, tributeLabel, normalizeLocale, type Catalog, type TextKey } from './i18n/index.js';
