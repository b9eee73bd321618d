import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { seedDatabase } from '../../server/seed-database.js';
import { fileURLToPath } from 'node:url';
import { DEFAULT_WORDS_FILE, loadWordList } from '../../server/moderation/sensitive-words.js';
import type { RateLimit } from '../../server/http/rate-limit.js';
import type { AppDeps } from '../../server/deps.js';
import type { StaffGrant } from '../../src/contract/index.js';
import { createAccount, toGrant } from '../../server/staff/accounts.js';
import { issueToken } from '../../server/staff/tokens.js';
import type { SessionPolicy } from '../../server/staff/sessions.js';
import { encryptField } from '../../server/personal-data.js';
import { newTotp, totpCode } from '../../server/staff/totp.js';

export interface StaffFixture {
  id: string;
  login: string;
  password: string;
  /** A personal API token acting as this person (`Authorization: Bearer …`). */
  token: string;
  /** The base32 TOTP secret, when created with `totp: true`. */
  totpSecret?: string;
  /** The current TOTP code at the server's clock. */
  code(): string;
}

export interface StaffSession {
  /** The `Cookie` header value. */
  cookie: string;
  csrfToken: string;
  /** Headers for a read (cookie only) or a write (cookie and X-CSRF-Token). */
  headers(write?: boolean): Record<string, string>;
}
import type { FairLimits } from '../../server/limits/fair-limits.js';

export interface TestServer {
  baseUrl: string;
  /** An API token of the staff account `admin`, which holds every role unscoped. */
  adminToken: string;
  /** Creates a staff account with these roles (and an API token); `totp: true` enrols an authenticator. */
  createStaff(opts: { login: string; roles: StaffGrant[]; displayName?: string; password?: string; totp?: boolean }): Promise<StaffFixture>;
  /** Signs in through POST /staff/session and hands back the cookie and CSRF token. */
  signIn(login: string, password: string, totp?: string): Promise<StaffSession>;
  db: Database;
  /** The key personal data is encrypted with, to check what is at rest. */
  dataKey: Buffer;
  /** Moves the server's clock (campaign windows, daily limits). */
  setNow(at: Date | undefined): void;
  close(): Promise<void>;
}

let schemaCounter = 0;

/**
 * The real server on an ephemeral port with a fresh database: embedded PGlite in memory, or,
 * when TEST_DATABASE_URL is set (CI), a fresh schema of that PostgreSQL database.
 */
export async function startTestServer(
  opts: { seed?: boolean; bodyLimit?: number; rateLimit?: RateLimit; clock?: Date; authThrottle?: boolean; sessionPolicy?: SessionPolicy; adminToken?: string; fairLimits?: FairLimits | null; trustProxy?: number } & Pick<AppDeps, 'campaignHosts' | 'reportHideAfter' | 'embedNewHostsPerDay' | 'linkCheck'> = {},
): Promise<TestServer> {
  const url = process.env.TEST_DATABASE_URL;
  const schema = url ? `t_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}` : undefined;
  const db = await openDatabase({ databaseUrl: url, schema });
  await migrate(db);
  // Reference data (periods, campaigns) always; the 360 sample martyrs unless `seed: false`.
  await seedDatabase(db, { sampleMartyrs: opts.seed !== false });
  // `clock`: the instant the server starts at (as MEMORIAL_CLOCK); setNow moves it.
  let fixedNow: Date | undefined = opts.clock;
  const now = () => fixedNow ?? new Date();
  const dataKey = randomBytes(32);
  const createStaff: TestServer['createStaff'] = async (o) => {
    const password = o.password ?? `pw-${randomBytes(12).toString('base64url')}`;
    const row = await createAccount(db, { login: o.login, displayName: o.displayName ?? o.login, password, grants: o.roles.map(toGrant) });
    let totpSecret: string | undefined;
    if (o.totp) {
      totpSecret = newTotp(o.login).secret;
      await db.query('UPDATE staff_accounts SET totp_secret_enc = $2, totp_enabled = true WHERE id = $1', [row.id, encryptField(dataKey, totpSecret)]);
    }
    const { token } = await issueToken(db, row.id, 'test harness', now());
    return { id: row.id, login: row.login, password, token, totpSecret, code: () => totpCode(totpSecret!, now()) };
  };
  // Every role, unscoped: the existing tests send this token as the old shared admin token.
  const admin = await createStaff({ login: 'admin', displayName: '管理员', roles: (['admin', 'moderator', 'caseworker', 'cemetery', 'campaigns', 'auditor'] as const).map((role) => ({ role })) });
  const app = createApp({
    db,
    adminToken: opts.adminToken,
    dataKey,
    now,
    clockFixed: () => fixedNow !== undefined,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    words: loadWordList(fileURLToPath(DEFAULT_WORDS_FILE)),
    // Off unless a test asks: load tests send everything from one loopback address.
    rateLimit: opts.rateLimit ?? null,
    // The example hosts the tests' campaigns link to, besides the national platform.
    campaignHosts: opts.campaignHosts ?? ['www.example.gov.cn'],
    ...(opts.reportHideAfter ? { reportHideAfter: opts.reportHideAfter } : {}),
    ...(opts.embedNewHostsPerDay ? { embedNewHostsPerDay: opts.embedNewHostsPerDay } : {}),
    ...(opts.linkCheck ? { linkCheck: opts.linkCheck } : {}),
    // Off unless a test asks, for the same reason; the staff tests turn it on.
    authThrottle: opts.authThrottle ?? false,
    sessionPolicy: opts.sessionPolicy ?? { idleMinutes: 30, absoluteHours: 12 },
    ...(opts.fairLimits !== undefined ? { fairLimits: opts.fairLimits } : {}),
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    adminToken: admin.token,
    createStaff,
    async signIn(login, password, totp) {
      const res = await fetch(`${baseUrl}/api/v1/staff/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password, ...(totp ? { totp } : {}) }),
      });
      const body = (await res.json()) as { csrfToken?: string; message?: string };
      if (res.status !== 200 || !body.csrfToken) throw new Error(`sign-in failed: ${res.status} ${body.message}`);
      const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      const csrfToken = body.csrfToken;
      return { cookie, csrfToken, headers: (write = false) => ({ cookie, ...(write ? { 'x-csrf-token': csrfToken } : {}) }) };
    },
    db,
    dataKey,
    setNow: (at) => {
      fixedNow = at;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (schema) await db.query(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
      await db.close();
    },
  };
}
