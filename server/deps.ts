import type { Database } from './db/database.js';
import type { RateLimit } from './http/rate-limit.js';
import type { FairLimits } from './limits/fair-limits.js';
import type { WordList } from './moderation/sensitive-words.js';

export interface AppDeps {
  db: Database;
  adminToken: string;
  /** 32-byte key for personal data encrypted at rest (ID numbers). */
  dataKey: Buffer;
  /** The clock; tests move it to check campaign windows and daily limits. */
  now: () => Date;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /** Sensitive words that hold a message with the reason recorded. */
  words: WordList;
  /** Writes per client address; null turns limiting off (load tests from one address). */
  rateLimit: RateLimit | null;
  /** Days a closed relative case is kept; omitted reads MEMORIAL_RETENTION_DAYS (default 365). */
  retentionDays?: number;
  /** Visitor and address budgets for tributes (MEMORIAL_FAIR_LIMITS); null is off; omitted follows `rateLimit` (defaults when it is on). */
  fairLimits?: FairLimits | null;
  /** Proxies in front of the server that append to X-Forwarded-For (MEMORIAL_TRUST_PROXY); 0 or omitted trusts none. */
  trustProxy?: number;
}
