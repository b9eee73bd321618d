/**
 * The version of memorial-elements this copy of the element code belongs to. `define()` names
 * it when a tag is already taken, so a page that loads two copies (the CDN file next to a
 * bundled app) can tell which one won. Keep in step with package.json (a node test checks).
 */
export const VERSION = '0.1.0';
