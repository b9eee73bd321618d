import type { Database } from './db/database.js';

export interface AppDeps {
  db: Database;
  adminToken: string;
  /** 32-byte key for personal data encrypted at rest (ID numbers). */
  dataKey: Buffer;
  /** The clock; tests move it to check campaign windows and daily limits. */
  now: () => Date;
  /** Largest request body, in bytes. */
  bodyLimit: number;
}
