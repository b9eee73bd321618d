/**
 * The work behind each command line tool, as plain functions of the database. The running
 * server runs them when a tool asks over loopback (routes/operator.ts); with no server
 * running, the tool runs them itself on the database it opened (run-against-server.ts).
 * Either way the same code does the work, and the embedded database keeps one owner.
 */
import { basename } from 'node:path';
import * as z from 'zod/mini';
import { StaffLogin, StaffRole, RegionPrefix, Id, text } from '../../src/contract/index.js';
import { audit } from '../audit.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { applyRoll, readRollFile } from '../import/roll.js';
import { accountByLogin, accountView, createAccount, grantsOf, type AccountRow } from '../staff/accounts.js';
import { issueToken } from '../staff/tokens.js';
import { photoLimitsFromEnv } from '../photos/limits.js';
import { databasePhotoStore } from '../photos/store.js';
import { runGraveImport, type Output } from './import-graves.js';
import { runPhotoImport } from './photos-core.js';

export interface CommandContext {
  db: Database;
  now: () => Date;
  /** How the target is named in messages ("embedded database …" or "PostgreSQL"). */
  target: string;
  /** The tool runs the command itself: cores print as they go (progress), nothing is collected. */
  live?: boolean;
}

/** What a command printed and how it ended; the tool prints it and exits with `exitCode`. */
export interface CommandResult {
  exitCode: number;
  out: string[];
  err: string[];
}

const ok = (out: string[], exitCode = 0): CommandResult => ({ exitCode, out, err: [] });
const failed = (err: string[], exitCode = 1): CommandResult => ({ exitCode, out: [], err });

const StaffAddArgs = z.object({
  login: StaffLogin,
  displayName: z.optional(text(1, 60)),
  password: z.string(),
  roles: z.array(StaffRole).check(z.minLength(1)),
  region: z.optional(RegionPrefix),
  cemetery: z.optional(Id),
});
const StaffTokenArgs = z.object({ login: StaffLogin, label: text(1, 80) });
const ImportArgs = z.object({ file: z.string(), partial: z.boolean(), dryRun: z.boolean(), source: z.optional(z.string()) });
const OptText = z.optional(z.string());
const GraveImportArgs = z.object({
  file: z.string(), label: z.string(), cemeteryId: Id, partial: z.boolean(), dryRun: z.boolean(), namespace: OptText,
  cemetery: z.optional(z.object({ name: OptText, level: OptText, region: OptText, phone: OptText, address: OptText })),
});
const PhotosArgs = z.object({ source: z.string(), cemeteryId: Id, dryRun: z.boolean() });

/** Collects what a core writes, for the tool to print (locally or from the server's answer). */
function collector(live = false): Output & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  if (live) return { out, err, log: (l) => console.log(l), error: (l) => console.error(l) };
  return { out, err, log: (l) => out.push(l), error: (l) => err.push(l) };
}

/** Arguments checked with the contract's schemas; a problem reads like the tool's own message. */
function argsOf<S extends z.ZodMiniType>(schema: S, raw: unknown): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data as z.output<S>;
  throw new Error(r.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '));
}

/** The actor the audit log names for work done from the server's own console. */
const OPERATOR = 'operator';

export const commands: Record<string, (ctx: CommandContext, args: unknown) => Promise<CommandResult>> = {
  async 'staff.add'({ db }, raw) {
    const a = argsOf(StaffAddArgs, raw);
    const grants = a.roles.map((role) => ({ role, region: a.region ?? null, cemetery: a.cemetery ?? null }));
    try {
      const view = await db.transaction(async (tx) => {
        const row = await createAccount(tx, { login: a.login, displayName: a.displayName ?? a.login, password: a.password, grants });
        await audit(tx, OPERATOR, 'staff.create', row.id, { login: row.login, roles: grants, via: 'command line' });
        return accountView(tx, row);
      });
      const scope = a.region ? ` in region ${a.region}` : a.cemetery ? ` for cemetery ${a.cemetery}` : '';
      const lines = [`Created staff account ${view.login} (${view.id}) with role${grants.length > 1 ? 's' : ''} ${a.roles.join(', ')}${scope}.`];
      if (a.roles.includes('admin')) lines.push('Admins must enrol an authenticator app (TOTP) at their first sign-in before doing anything else.');
      return ok(lines);
    } catch (err) {
      if (err instanceof ApiError) return failed([`Not created: ${err.message}`]);
      throw err;
    }
  },

  async 'staff.token'({ db, now }, raw) {
    const a = argsOf(StaffTokenArgs, raw);
    const account = await accountByLogin(db, a.login);
    if (!account) return failed([`No staff account "${a.login}"`]);
    if (account.disabled_at !== null) return failed([`The account "${a.login}" is disabled`]);
    const created = await db.transaction(async (tx) => {
      const t = await issueToken(tx, account.id, a.label, now());
      await audit(tx, OPERATOR, 'staff.token-issue', account.id, { tokenId: t.id, label: a.label, via: 'command line' });
      return t;
    });
    const roles = (await grantsOf(db, account.id)).map((g) => g.role).join(', ');
    // The token alone on stdout, so `TOKEN=$(npm run -s staff -- token …)` works; the rest to stderr.
    return { exitCode: 0, out: [created.token], err: [`API token ${created.id} "${a.label}" for ${account.login} (${roles}); shown once, stored only as a hash.`] };
  },

  async 'staff.list'({ db }) {
    const { rows } = await db.query<AccountRow>('SELECT * FROM staff_accounts ORDER BY login');
    const out: string[] = [];
    for (const row of rows) {
      const v = await accountView(db, row);
      const roles = v.roles.map((g) => g.role + (g.region ? `@${g.region}` : g.cemetery ? `@cemetery:${g.cemetery}` : '')).join(' ');
      out.push(`${v.login}\t${v.displayName}\t${roles}${v.totpEnabled ? '\tTOTP' : ''}${v.disabled ? '\tdisabled' : ''}`);
    }
    return ok(out.length ? out : ['No staff accounts yet.']);
  },

  async import({ db, target }, raw) {
    const a = argsOf(ImportArgs, raw);
    const name = basename(a.file);
    try {
      const parsed = await readRollFile(a.file, db, { namespace: a.source });
      const report = await applyRoll(db, parsed, { partial: a.partial, dryRun: a.dryRun });
      const err = report.bad.map((b) => `${name}:${b.line}: ${b.reason}`);
      if (a.dryRun) {
        return { exitCode: report.bad.length === 0 ? 0 : 1, out: [`Dry run: ${report.total} rows read, ${report.bad.length} bad; nothing written.`], err };
      }
      if (report.applied) {
        await audit(db, OPERATOR, 'roll.import', null, { file: name, inserted: report.inserted, updated: report.updated, left: report.bad.length });
        const line =
          `Imported ${name} into ${target}: ${report.total} rows read, ${report.inserted} new, ${report.updated} updated, ` +
          `${report.unchanged} unchanged${report.bad.length ? `, ${report.bad.length} left out` : ''}; ${report.newMatches} new family-search matches.`;
        return { exitCode: report.bad.length === 0 ? 0 : 2, out: [line], err };
      }
      err.push(`Nothing imported: ${report.bad.length} bad row${report.bad.length === 1 ? '' : 's'} of ${report.total}. Fix them and run again (or use --partial).`);
      return { exitCode: 1, out: [], err };
    } catch (e) {
      return failed([`Import failed; nothing was written: ${e instanceof Error ? e.message : String(e)}`]);
    }
  },

  async 'import.graves'({ db, live }, raw) {
    const a = argsOf(GraveImportArgs, raw);
    const o = collector(live);
    try {
      const { exitCode, report } = await runGraveImport(db, a, o);
      if (report?.applied && !a.dryRun) await audit(db, OPERATOR, 'graves.import', a.cemeteryId, { file: a.label, linked: report.linked });
      return { exitCode, out: o.out, err: o.err };
    } catch (e) {
      return { exitCode: 1, out: o.out, err: [...o.err, `Import failed; nothing was written: ${e instanceof Error ? e.message : String(e)}`] };
    }
  },

  async photos({ db, live }, raw) {
    const a = argsOf(PhotosArgs, raw);
    const o = collector(live);
    try {
      const { exitCode } = await runPhotoImport(db, { ...a, limits: photoLimitsFromEnv(), store: databasePhotoStore }, o);
      return { exitCode, out: o.out, err: o.err };
    } catch (e) {
      return { exitCode: 1, out: o.out, err: [...o.err, `Photo import failed: ${e instanceof Error ? e.message : String(e)}`] };
    }
  },
};
