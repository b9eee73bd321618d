import type { Database } from './db/database.js';
import type { RateLimit } from './http/rate-limit.js';
import type { WordList } from './moderation/sensitive-words.js';
import type { PhotoLimits } from './photos/limits.js';
import type { PhotoStore } from './photos/store.js';

export interface AppDeps {
  db: Database;
  adminToken: string;
  /** 32-byte key for personal data encrypted at rest (ID numbers). */
  dataKey: Buffer;
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
}
