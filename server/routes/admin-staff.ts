import { Hono } from 'hono';
import { routes } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import type { Queryable } from '../db/database.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { authorize } from '../http/staff-auth.js';
import { parseWith, queryObject, readJson } from '../http/validate.js';
import { accountById, accountView, createAccount, setGrants, toGrant, type AccountRow } from '../staff/accounts.js';
import { endAllSessions } from '../staff/sessions.js';
import { issueToken, listTokens, revokeToken } from '../staff/tokens.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Refuses a change that would leave no enabled admin: nobody could manage accounts any more. */
async function keepAnAdmin(tx: Queryable): Promise<void> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT CAST(count(*) AS int) AS n FROM staff_accounts a
      WHERE a.disabled_at IS NULL AND EXISTS (SELECT 1 FROM staff_roles r WHERE r.account_id = a.id AND r.role = 'admin' AND r.region_prefix IS NULL AND r.cemetery_id IS NULL)`,
  );
  if (Number(rows[0]?.n ?? 0) === 0) throw new ApiError(409, 'conflict', 'This would leave no enabled admin account');
}

/** Account management (admin role): accounts, roles and scopes, disabling, sessions and API tokens. */
export function adminStaffRoutes({ db, now }: AppDeps) {
  const app = new Hono();
  const admin = authorize('admin');

  const existing = async (tx: Queryable, id: string): Promise<AccountRow> => {
    const row = await accountById(tx, id);
    if (!row) throw notFound('Staff account');
    return row;
  };

  app.get('/staff', admin, async (c) => {
    const { cursor, limit = 50 } = parseWith(routes.adminListStaff.query, queryObject(c), 'query');
    const params: unknown[] = [limit + 1];
    let where = '';
    if (cursor) {
      const [after] = decodeCursor(cursor, ['string'] as const);
      where = `WHERE login > $${params.push(after)}`;
    }
    const { rows } = await db.query<AccountRow>(`SELECT * FROM staff_accounts ${where} ORDER BY login LIMIT $1`, params);
    const items = await Promise.all(rows.slice(0, limit).map((r) => accountView(db, r)));
    const last = rows[limit - 1];
    return c.json({ items, nextCursor: rows.length > limit && last ? encodeCursor([last.login]) : null });
  });

  app.post('/staff', admin, async (c) => {
    const input = parseWith(routes.adminCreateStaff.body, await readJson(c), 'body');
    const actor = actorOf(c);
    const grants = input.roles.map(toGrant);
    const account = await db.transaction(async (tx) => {
      const row = await createAccount(tx, { login: input.login, displayName: input.displayName, password: input.password, grants });
      await audit(tx, actor, 'staff.create', row.id, { login: row.login, roles: grants });
      return accountView(tx, row);
    });
    return c.json(account, 201);
  });

  app.put('/staff/:id/roles', admin, async (c) => {
    const { id } = parseWith(routes.adminSetStaffRoles.params, c.req.param(), 'path');
    const { roles } = parseWith(routes.adminSetStaffRoles.body, await readJson(c), 'body');
    const actor = actorOf(c);
    const grants = roles.map(toGrant);
    return c.json(
      await db.transaction(async (tx) => {
        const row = await existing(tx, id);
        await setGrants(tx, id, grants);
        await keepAnAdmin(tx);
        await audit(tx, actor, 'staff.roles', id, { login: row.login, roles: grants });
        return accountView(tx, row);
      }),
    );
  });

  const setDisabled = (disable: boolean) => async (c: import('hono').Context) => {
    const { id } = parseWith(routes.adminDisableStaff.params, c.req.param(), 'path');
    parseWith(routes.adminDisableStaff.body, await readJson(c), 'body');
    const actor = actorOf(c);
    return c.json(
      await db.transaction(async (tx) => {
        await existing(tx, id);
        const { rows } = await tx.query<AccountRow>(
          `UPDATE staff_accounts SET disabled_at = ${disable ? 'COALESCE(disabled_at, $2)' : 'NULL'} WHERE id = $1 RETURNING *`,
          disable ? [id, now().toISOString()] : [id],
        );
        let ended = 0;
        if (disable) {
          await keepAnAdmin(tx);
          ended = await endAllSessions(tx, id, now());
        }
        await audit(tx, actor, disable ? 'staff.disable' : 'staff.enable', id, { login: rows[0]!.login, ...(disable ? { sessionsEnded: ended } : {}) });
        return accountView(tx, rows[0]!);
      }),
    );
  };
  app.post('/staff/:id/disable', admin, setDisabled(true));
  app.post('/staff/:id/enable', admin, setDisabled(false));

  app.post('/staff/:id/sign-out', admin, async (c) => {
    const { id } = parseWith(routes.adminSignOutStaff.params, c.req.param(), 'path');
    parseWith(routes.adminSignOutStaff.body, await readJson(c), 'body');
    const actor = actorOf(c);
    const ended = await db.transaction(async (tx) => {
      await existing(tx, id);
      const n = await endAllSessions(tx, id, now());
      await audit(tx, actor, 'staff.sign-out-everywhere', id, { sessionsEnded: n });
      return n;
    });
    return c.json({ ok: true as const, sessionsEnded: ended });
  });

  app.get('/staff/:id/tokens', admin, async (c) => {
    const { id } = parseWith(routes.adminListStaffTokens.params, c.req.param(), 'path');
    await existing(db, id);
    return c.json({ items: await listTokens(db, id) });
  });

  // Not runWrite: a stored idempotent answer would keep the token itself in the database.
  app.post('/staff/:id/tokens', admin, async (c) => {
    const { id } = parseWith(routes.adminCreateStaffToken.params, c.req.param(), 'path');
    const { label } = parseWith(routes.adminCreateStaffToken.body, await readJson(c), 'body');
    const actor = actorOf(c);
    const created = await db.transaction(async (tx) => {
      await existing(tx, id);
      const t = await issueToken(tx, id, label, now());
      await audit(tx, actor, 'staff.token-issue', id, { tokenId: t.id, label });
      return t;
    });
    return c.json(created, 201);
  });

  app.delete('/staff/:id/tokens/:tokenId', admin, async (c) => {
    const { id, tokenId } = parseWith(routes.adminRevokeStaffToken.params, c.req.param(), 'path');
    const actor = actorOf(c);
    await db.transaction(async (tx) => {
      if (!(await revokeToken(tx, id, tokenId, now()))) throw notFound('API token');
      await audit(tx, actor, 'staff.token-revoke', id, { tokenId });
    });
    return c.json({ items: await listTokens(db, id) });
  });

  return app;
}
