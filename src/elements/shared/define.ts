import { VERSION } from './version.js';

interface Versioned {
  /** Set by `MemorialElement`/`GuardedElement`; absent on foreign classes. */
  readonly memorialVersion?: string;
}

/**
 * Registers `ctor` as `tag` unless the tag is taken. A page that loads memorial-elements twice
 * (e.g. the CDN file and an app bundle) must keep working: the first registration wins and
 * later ones `console.warn`, naming both versions, instead of throwing. Never throws.
 *
 * @returns true when this call registered the element.
 */
export function define(tag: string, ctor: CustomElementConstructor): boolean {
  try {
    if (typeof customElements === 'undefined') return false;
    const existing = customElements.get(tag) as (CustomElementConstructor & Versioned) | undefined;
    if (existing) {
      const theirs = existing.memorialVersion ?? 'unknown';
      const ours = (ctor as CustomElementConstructor & Versioned).memorialVersion ?? VERSION;
      console.warn(
        existing === ctor
          ? `[memorial-elements] <${tag}> is already defined by this copy (version ${ours}); define() was called twice.`
          : `[memorial-elements] <${tag}> is already defined by memorial-elements ${theirs}; this copy (version ${ours}) was not registered. Load memorial-elements only once per page.`,
      );
      return false;
    }
    customElements.define(tag, ctor);
    return true;
  } catch (error) {
    console.warn(`[memorial-elements] could not define <${tag}> (version ${VERSION}):`, error);
    return false;
  }
}
