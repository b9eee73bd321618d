import * as z from 'zod/mini';
import { SafeUrl } from './common.js';
import { rule } from './refine.js';

/** A host page the bureau registered, and what the server found on it when it last looked. */
export const EmbedHost = z.object({
  /** e.g. https://www.a-county.gov.cn */
  origin: z.string(),
  /** The page that should carry the link, fetched by the check. */
  pageUrl: z.string(),
  registeredAt: z.iso.datetime({ offset: true }),
  /** When the server last fetched the page; null until the first check. */
  checkedAt: z.nullable(z.iso.datetime({ offset: true })),
  httpStatus: z.nullable(z.number().check(z.int())),
  /** An `<a href>` to the national platform (中华英烈网) is on the page. */
  linkFound: z.nullable(z.boolean()),
  /** A `<memorial-campaign-banner>` is on the page. */
  bannerFound: z.nullable(z.boolean()),
  /** Why the check could not read the page: `timeout`, `unreachable`, `private_address`, `not_https`, `redirect_off_host`, `too_many_redirects`, `http_status`. */
  checkError: z.nullable(z.string()),
});
export type EmbedHost = z.infer<typeof EmbedHost>;
export const EmbedHostList = z.object({ items: z.array(EmbedHost) });

export const EmbedHostInput = z.object({ pageUrl: SafeUrl });
export type EmbedHostInput = z.input<typeof EmbedHostInput>;

export const EmbedHostCheckRequest = z.object({ origin: z.string().check(z.maxLength(300), rule('noForbiddenChars', [], 'contains control characters or broken surrogate pairs')) });
