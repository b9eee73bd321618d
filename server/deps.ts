import type { Database } from './db/database.js';
import type { RateLimit } from './http/rate-limit.js';
import type { WordList } from './moderation/sensitive-words.js';
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
}
