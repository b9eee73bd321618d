import type { StaffAccount, StaffGrant, StaffRole } from '../../src/contract/index.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { newId } from './secrets.js';

/** One role of a person, for everything (both null) or for a region prefix or one cemetery. */
export interface Grant {
  role: StaffRole;
  region: string | null;
  cemetery: string | null;
}

export interface AccountRow {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  totp_secret_enc: string | null;
  totp_enabled: boolean;
  totp_last_step: string | number | null;
  disabled_at: Date | string | null;
  created_at: Date | string;
}

/** Admins must sign in with a second factor (等级保护 level 3: two-factor for administrators). */
export const needsSecondFactor = (grants: readonly Grant[]) => grants.some((g) => g.role === 'admin');

export const toGrant = (g: StaffGrant): Grant => ({ role: g.role, region: g.region ?? null, cemetery: g.cemetery ?? null });

export async function grantsOf(db: Queryable, accountId: string): Promise<Grant[]> {
  const { rows } = await db.query<{ role: StaffRole; region_prefix: string | null; cemetery_id: string | null }>(
    'SELECT role, region_prefix, cemetery_id FROM staff_roles WHERE account_id = $1 ORDER BY id',
    [accountId],
  );
  return rows.map((r) => ({ role: r.role, region: r.region_prefix, cemetery: r.cemetery_id }));
}

export async function setGrants(db: Queryable, accountId: string, grants: readonly Grant[]): Promise<void> {
  await db.query('DELETE FROM staff_roles WHERE account_id = $1', [accountId]);
  for (const g of grants) {
    await db.query('INSERT INTO staff_roles (account_id, role, region_prefix, cemetery_id) VALUES ($1, $2, $3, $4)', [accountId, g.role, g.region, g.cemetery]);
  }
}

const iso = (v: Date | string) => new Date(v).toISOString();

export async function accountView(db: Queryable, row: AccountRow): Promise<StaffAccount> {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    roles: await grantsOf(db, row.id),
    totpEnabled: row.totp_enabled,
    disabled: row.disabled_at !== null,
    createdAt: iso(row.created_at),
  };
}

export async function accountByLogin(db: Queryable, login: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>('SELECT * FROM staff_accounts WHERE login = $1', [login.trim().toLowerCase()]);
  return rows[0];
}

export async function accountById(db: Queryable, id: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>('SELECT * FROM staff_accounts WHERE id = $1', [id]);
  return rows[0];
}

export function checkNewPassword(password: string, login: string): void {
  const problem = passwordProblem(password, login);
  if (problem) throw new ApiError(400, 'validation_failed', `The password ${problem}`, [{ path: 'password', message: problem }]);
}

/** Creates an account; the password is checked against the policy and stored only as an Argon2id hash. */
export async function createAccount(
  db: Queryable,
  input: { login: string; displayName: string; password: string; grants: readonly Grant[] },
): Promise<AccountRow> {
  checkNewPassword(input.password, input.login);
  const passwordHash = await hashPassword(input.password);
  const { rows } = await db.query<AccountRow>(
    `INSERT INTO staff_accounts (id, login, display_name, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (login) DO NOTHING RETURNING *`,
    [newId(), input.login, input.displayName, passwordHash],
  );
  if (!rows[0]) throw new ApiError(409, 'conflict', `A staff account with login "${input.login}" already exists`);
  await setGrants(db, rows[0].id, input.grants);
  return rows[0];
}

export async function staffCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT CAST(count(*) AS int) AS n FROM staff_accounts');
  return Number(rows[0]?.n ?? 0);
}
