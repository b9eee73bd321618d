import { Hono } from 'hono';
import { commands } from '../cli/commands.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../http/api-error.js';
import { state } from '../http/staff-auth.js';
import { readJson } from '../http/validate.js';
import { sameSecret } from '../staff/secrets.js';
import { STAFF_ROLES } from '../../src/contract/index.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

/**
 * Command line tools' work, run by the server that owns the database (see
 * cli/run-against-server.ts). Only from loopback, only with the operator secret the server
 * wrote to its 0600 server.json; audited as `operator`.
 */
export function operatorRoutes({ db, now }: AppDeps, secret: string) {
  const app = new Hono();
  app.post('/operator/:command', async (c) => {
    c.header('Cache-Control', 'no-store');
    const s = state();
    const header = c.req.header('authorization') ?? '';
    if (!LOOPBACK.test(s.address) || !header.startsWith('Operator ') || !sameSecret(header.slice(9), secret)) {
      throw new ApiError(403, 'forbidden', 'Operator commands come only from this machine, with the secret in server.json');
    }
    const run = commands[c.req.param('command')];
    if (!run) throw new ApiError(404, 'not_found', `No operator command ${c.req.param('command')}`);
    s.principal = { accountId: null, login: 'operator', displayName: 'operator', grants: STAFF_ROLES.map((role) => ({ role, region: null, cemetery: null })), via: 'operator', totpEnabled: false };
    s.authorized = true;
    try {
      return c.json(await run({ db, now, target: `the running server's ${db.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}` }, await readJson(c)));
    } catch (err) {
      if (err instanceof ApiError) throw err;
      return c.json({ exitCode: 1, out: [], err: [err instanceof Error ? err.message : String(err)] });
    }
  });
  return app;
}
