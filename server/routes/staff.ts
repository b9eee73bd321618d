import { Hono, type Context } from 'hono';
import { routes, type StaffMe } from '../../src/contract/index.js';
import { audit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import type { Principal } from '../http/request-context.js';
import {
  authorize, clearSessionCookie, loadPrincipal, setSessionCookie, state, tooManyAttempts, type StaffThrottles,
} from '../http/staff-auth.js';
import { parseWith, readJson } from '../http/validate.js';
import { decryptField, encryptField } from '../personal-data.js';
import { accountById, accountByLogin, accountView, checkNewPassword, createAccount, needsSecondFactor, type AccountRow } from '../staff/accounts.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../staff/passwords.js';
import { newRecoveryCodes, useRecoveryCode } from '../staff/recovery.js';
import { endAllSessions, endSession, openSession, type SessionPolicy } from '../staff/sessions.js';
import { useSetupToken } from '../staff/setup.js';
import { newTotp, totpStep } from '../staff/totp.js';

export const meOf = (p: Principal): StaffMe => ({
  id: p.accountId ?? 'break-glass',
  login: p.login,
  displayName: p.displayName,
  roles: p.grants,
  totpEnabled: p.totpEnabled,
  totpRequired: needsSecondFactor(p.grants),
  via: p.via,
  secondFactor: p.via === 'session' ? (p.session?.secondFactor ?? false) : true,
});

const signInFailed = () => new ApiError(401, 'unauthorized', 'The login, password or code is wrong');

/** The signed-in person's own session: these routes refuse API tokens (a token cannot enrol a second factor). */
function sessionPrincipal(): Principal & { accountId: string; session: NonNullable<Principal['session']> } {
  const p = state().principal;
  if (!p?.session || !p.accountId) throw new ApiError(400, 'bad_request', 'This needs a signed-in session, not an API token');
  return p as never;
}

/** Staff sign-in, sessions, TOTP and first-run setup under /staff. */
export function staffRoutes({ db, dataKey, now }: AppDeps, throttles: StaffThrottles, policy: SessionPolicy) {
  const app = new Hono();

  /** Checks the second factor; true when one was given and is right, false when none was given. */
  async function secondFactor(account: AccountRow, code: string | undefined, at: Date): Promise<boolean> {
    if (!account.totp_enabled) return false;
    if (!code) throw new ApiError(401, 'second_factor_required', 'Enter the 6-digit code from your authenticator app, or a recovery code');
    if (code.includes('-')) {
      if (await useRecoveryCode(db, account.id, code, at)) return true;
      throw signInFailed();
    }
    const step = totpStep(decryptField(dataKey, account.totp_secret_enc!), code, at);
    // A code already used (same or earlier step) is refused: a shoulder-surfed code is worth nothing.
    const { rows } = step === null ? { rows: [] } : await db.query(
      'UPDATE staff_accounts SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2) RETURNING id',
      [account.id, step],
    );
    if (!rows.length) throw signInFailed();
    return true;
  }

  app.post('/session', async (c) => {
    const input = parseWith(routes.staffSignIn.body, await readJson(c), 'body');
    const s = state();
    const login = input.login.trim().toLowerCase();
    const wait = Math.max(throttles.address.retryAfter(s.address), throttles.account.retryAfter(login));
    if (wait > 0) throw tooManyAttempts(wait);
    const at = now();
    const account = await accountByLogin(db, login);
    try {
      if (!account) {
        await burnPasswordCheck(input.password);
        throw signInFailed();
      }
      if (!(await verifyPassword(account.password_hash, input.password)) || account.disabled_at !== null) throw signInFailed();
      const withFactor = await secondFactor(account, input.totp, at);
      throttles.account.clear(login);
      const opened = await openSession(db, account.id, { now: at, address: s.address, secondFactor: withFactor, policy });
      const principal = (await loadPrincipal(db, account.id, 'session'))!;
      principal.session = { tokenHash: '', secondFactor: withFactor };
      s.principal = principal;
      s.authorized = true;
      await audit(db, principal.login, 'staff.sign-in', account.id, { secondFactor: withFactor });
      setSessionCookie(c, opened.token, policy.absoluteHours * 3600);
      c.header('Cache-Control', 'no-store');
      return c.json({ csrfToken: opened.csrfToken, expiresAt: opened.expiresAt.toISOString(), idleMinutes: policy.idleMinutes, me: meOf(principal) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401 && err.code === 'unauthorized') {
        throttles.account.fail(login);
        throttles.address.fail(s.address);
        if (account) await audit(db, login, 'staff.sign-in-failed', account.id);
      }
      throw err;
    }
  });

  app.delete('/session', authorize(), async (c) => {
    const p = sessionPrincipal();
    const ended = await endSession(db, p.session.tokenHash, now());
    await audit(db, p.login, 'staff.sign-out', p.accountId);
    clearSessionCookie(c);
    return c.json({ ok: true as const, sessionsEnded: ended });
  });

  app.delete('/sessions', authorize(), async (c) => {
    const p = state().principal!;
    if (!p.accountId) throw new ApiError(400, 'bad_request', 'The break-glass token has no sessions');
    const ended = await endAllSessions(db, p.accountId, now());
    await audit(db, p.login, 'staff.sign-out-everywhere', p.accountId, { sessionsEnded: ended });
    if (p.session) clearSessionCookie(c);
    return c.json({ ok: true as const, sessionsEnded: ended });
  });

  app.get('/me', authorize(), (c) => c.json(meOf(state().principal!)));

  app.put('/me/password', authorize(), async (c) => {
    const { current, next } = parseWith(routes.staffChangePassword.body, await readJson(c), 'body');
    const p = sessionPrincipal();
    const account = (await accountById(db, p.accountId))!;
    if (!(await verifyPassword(account.password_hash, current))) {
      throttles.account.fail(account.login);
      throw new ApiError(403, 'forbidden', 'The current password is wrong');
    }
    checkNewPassword(next, account.login);
    const hash = await hashPassword(next);
    await db.transaction(async (tx) => {
      await tx.query('UPDATE staff_accounts SET password_hash = $2, password_changed_at = $3 WHERE id = $1', [p.accountId, hash, now().toISOString()]);
      const ended = await endAllSessions(tx, p.accountId, now(), p.session.tokenHash);
      await audit(tx, p.login, 'staff.password-change', p.accountId, { otherSessionsEnded: ended });
    });
    return c.json({ ok: true as const });
  });

  app.post('/me/totp', authorize(), async (c) => {
    parseWith(routes.staffBeginTotp.body, await readJson(c), 'body');
    const p = sessionPrincipal();
    if (p.totpEnabled) throw new ApiError(409, 'conflict', 'An authenticator is already enrolled');
    const enrolment = newTotp(p.login);
    await db.query('UPDATE staff_accounts SET totp_secret_enc = $2 WHERE id = $1', [p.accountId, encryptField(dataKey, enrolment.secret)]);
    await audit(db, p.login, 'staff.totp-begin', p.accountId);
    return c.json(enrolment);
  });

  app.post('/me/totp/confirm', authorize(), async (c) => {
    const { code } = parseWith(routes.staffConfirmTotp.body, await readJson(c), 'body');
    const p = sessionPrincipal();
    const account = (await accountById(db, p.accountId))!;
    if (account.totp_enabled) throw new ApiError(409, 'conflict', 'An authenticator is already enrolled');
    if (!account.totp_secret_enc) throw new ApiError(409, 'conflict', 'Start the enrolment first (POST /staff/me/totp)');
    const step = totpStep(decryptField(dataKey, account.totp_secret_enc), code, now());
    if (step === null) throw new ApiError(400, 'validation_failed', 'The code does not match; check the device clock', [{ path: 'code', message: 'does not match' }]);
    const codes = await db.transaction(async (tx) => {
      await tx.query('UPDATE staff_accounts SET totp_enabled = true, totp_last_step = $2 WHERE id = $1', [p.accountId, step]);
      await tx.query('UPDATE staff_sessions SET second_factor = true WHERE token_hash = $1', [p.session.tokenHash]);
      await audit(tx, p.login, 'staff.totp-enable', p.accountId);
      return newRecoveryCodes(tx, p.accountId);
    });
    return c.json({ codes });
  });

  app.post('/me/recovery-codes', authorize(), async (c) => {
    parseWith(routes.staffNewRecoveryCodes.body, await readJson(c), 'body');
    const p = sessionPrincipal();
    if (!p.totpEnabled || !p.session.secondFactor) throw new ApiError(403, 'forbidden', 'Sign in with your authenticator code first');
    const codes = await db.transaction(async (tx) => {
      await audit(tx, p.login, 'staff.recovery-codes', p.accountId);
      return newRecoveryCodes(tx, p.accountId);
    });
    return c.json({ codes });
  });

  app.post('/setup', async (c: Context) => {
    const input = parseWith(routes.staffSetup.body, await readJson(c), 'body');
    const s = state();
    const wait = throttles.address.retryAfter(s.address);
    if (wait > 0) throw tooManyAttempts(wait);
    const account = await db.transaction(async (tx) => {
      if (!(await useSetupToken(tx, input.setupToken, now()))) return null;
      const row = await createAccount(tx, { login: input.login, displayName: input.displayName, password: input.password, grants: [{ role: 'admin', region: null, cemetery: null }] });
      await audit(tx, row.login, 'staff.setup', row.id, { roles: ['admin'] });
      return accountView(tx, row);
    });
    if (!account) {
      throttles.address.fail(s.address);
      throw new ApiError(403, 'forbidden', 'This setup link is unknown, used or expired, or an account already exists');
    }
    c.header('Cache-Control', 'no-store');
    return c.json(account, 201);
  });

  return app;
}
