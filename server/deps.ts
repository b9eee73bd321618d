import type { Database } from './db/database.js';
import type { RateLimit } from './http/rate-limit.js';
import type { FairLimits } from './limits/fair-limits.js';
import type { WordList } from './moderation/sensitive-words.js';
import type { PhotoLimits } from './photos/limits.js';
import type { PhotoStore } from './photos/store.js';
import type { SessionPolicy } from './staff/sessions.js';

export interface AppDeps {
  db: Database;
  /** The break-glass bearer token (MEMORIAL_ADMIN_TOKEN with MEMORIAL_BREAK_GLASS=1); omitted: off. Staff use named accounts. */
  adminToken?: string | undefined;
  /** Staff session idle and absolute timeouts; omitted reads MEMORIAL_STAFF_IDLE_MINUTES / _SESSION_HOURS. */
  sessionPolicy?: SessionPolicy;
  /** Throttle failed sign-ins and failed authentication (default on); false only for tests that fuzz from one address. */
  authThrottle?: boolean;
  /** The local operator secret the command line tools present over loopback (see server/cli/run-against-server.ts). */
  operatorSecret?: string;
  /** 32-byte key for personal data encrypted at rest (ID numbers). */
  dataKey: Buffer;
  /** Keys being rotated out (MEMORIAL_DATA_KEY_PREVIOUS): still read, never written with. */
  previousDataKeys?: readonly Buffer[];
  /** The clock; tests move it to check campaign windows and daily limits. */
  now: () => Date;
  /** True while `now` is a fixed instant (MEMORIAL_CLOCK, or a test's); /health then reports it. */
  clockFixed?: () => boolean;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** Sensitive words that hold a message with the reason recorded. */
  words: WordList;
  /** Writes per client address; null turns limiting off (load tests from one address). */
  rateLimit: RateLimit | null;
  /** Days a closed relative case is kept; omitted reads MEMORIAL_RETENTION_DAYS (default 365). */
  retentionDays?: number;
  /** Where photo variants are kept; omitted keeps them in the database (server/photos/store.ts). */
  photoStore?: PhotoStore;
  /** Upload limits; omitted reads MEMORIAL_PHOTO_MAX_BYTES / MEMORIAL_PHOTO_MAX_PIXELS (server/photos/limits.ts). */
  photoLimits?: PhotoLimits;
  /** Distinct reporters that take an approved message off the wall before review; omitted reads MEMORIAL_REPORT_HIDE_AFTER (default 3). */
  reportHideAfter?: number;
  /** Hosts besides the national platform that campaign links may point to (MEMORIAL_CAMPAIGN_HOSTS). */
  campaignHosts?: readonly string[];
  /** New host sites one address may add to the embed report per day; omitted reads MEMORIAL_EMBED_NEW_HOSTS_PER_DAY (default 5). */
  embedNewHostsPerDay?: number;
  /** Link verification of registered host pages; `allowPrivate` (tests only) lets it fetch loopback and private addresses over http. */
  linkCheck?: { allowPrivate: boolean; timeoutMs?: number; maxBytes?: number };
  /** Visitor and address budgets for tributes (MEMORIAL_FAIR_LIMITS); null is off; omitted follows `rateLimit` (defaults when it is on). */
  fairLimits?: FairLimits | null;
  /** Proxies in front of the server that append to X-Forwarded-For (MEMORIAL_TRUST_PROXY); 0 or omitted trusts none. */
  trustProxy?: number;
}
