import { createContext } from '@lit/context';
import type { Locale } from '../../i18n/locale.js';
import type { MemorialClient } from '../../sdk/client.js';

/** What `<memorial-provider>` shares with every element inside it. */
export interface MemorialContextValue {
  /** The shared client, or undefined when the provider has no api-base (and no meta fallback). */
  client: MemorialClient | undefined;
  /** The provider's `locale`, normalized; undefined when the provider has none (elements then use the nearest `lang`). */
  locale: Locale | undefined;
  elderMode: boolean;
}

/**
 * The context key is a registry symbol, so a provider and elements from two copies of the
 * library on one page (the CDN file and an app bundle) still find each other.
 * The type includes undefined so `@consume() @state() accessor x` type-checks (TS1240).
 */
export const memorialContext = createContext<MemorialContextValue | undefined>(Symbol.for('memorial-elements.context.v1'));
