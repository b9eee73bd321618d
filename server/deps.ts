import type { Database } from './db/database.js';
import type { RateLimit } from './http/rate-limit.js';
import type { WordList } from './moderation/sensitive-words.js';

export interface AppDeps {
  db: Database;
  adminToken: string;
  /** 32-byte key for personal data encrypted at rest (ID numbers). */
  dataKey: Buffer;
  /** Keys being rotated out (MEMORIAL_DATA_KEY_PREVIOUS): still read, never written with. */
  previousDataKeys?: readonly Buffer[];
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
  /** Distinct reporters that take an approved message off the wall before review; omitted reads MEMORIAL_REPORT_HIDE_AFTER (default 3). */
  reportHideAfter?: number;
  /** Hosts besides the national platform that campaign links may point to (MEMORIAL_CAMPAIGN_HOSTS). */
  campaignHosts?: readonly string[];
  /** New host sites one address may add to the embed report per day; omitted reads MEMORIAL_EMBED_NEW_HOSTS_PER_DAY (default 5). */
  embedNewHostsPerDay?: number;
  /** Link verification of registered host pages; `allowPrivate` (tests only) lets it fetch loopback and private addresses over http. */
  linkCheck?: { allowPrivate: boolean; timeoutMs?: number; maxBytes?: number };
}
