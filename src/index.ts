/**
 * `memorial-elements`: everything.
 *
 * For now this is the SDK (which re-exports the contract types it uses). The element classes
 * (src/elements/*) are added here by the lead once they land, e.g.
 *   export * from './elements/index.js';
 * Importing this entry must not define custom elements: that is the job of
 * `memorial-elements/elements/<name>.define.js` and of the CDN file.
 */
export * from './sdk/index.js';
