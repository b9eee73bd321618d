// The command line tools while `npm start` runs on the embedded database (one owner), and
// without it: the same commands, through the running server or on the database directly.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { startServerProcess, type ServerProcess } from '../helpers/processes.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
let tmp = '';
let env: NodeJS.ProcessEnv = {};

/** Runs a tool as a person would (`npm run staff -- …`), with `stdin` typed in. */
function tool(script: 'staff' | 'import', args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['--import', 'tsx', `server/cli/${script}.ts`, ...args], { cwd: root, env }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin);
  });
}

before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'memorial-staff-cli-'));
  env = { ...process.env, MEMORIAL_DATA_DIR: join(tmp, 'data'), MEMORIAL_SEED: 'none' };
  delete env.DATABASE_URL;
});
after(() => rm(tmp, { recursive: true, force: true }));

describe('command line tools on the embedded database', () => {
  let server: ServerProcess;
  before(async () => {
    server = await startServerProcess({ MEMORIAL_DATA_DIR: join(tmp, 'data'), MEMORIAL_SEED: 'none', DATABASE_URL: undefined });
  });
  after(() => server?.kill());

  it('prints a one-time link to create the first admin, and no password', () => {
    assert.match(server.output(), /No staff account exists yet/);
    // The console link when the console is built; the same token for POST /staff/setup always.
    assert.match(server.output(), /api\/v1\/staff\/setup .*"setupToken":"setup_[\w-]{30,}"/);
    assert.doesNotMatch(server.output(), /password:/i);
  });

  it('writes server.json with mode 0600 while it runs', async () => {
    const info = join(tmp, 'data', 'server.json');
    assert.equal((await stat(info)).mode & 0o777, 0o600);
    const parsed = JSON.parse(await readFile(info, 'utf8')) as { url: string; pid: number; secret: string };
    assert.equal(parsed.pid, server.child.pid);
    // The operator route wants the secret: a guess is refused.
    const res = await fetch(`${parsed.url}api/v1/operator/staff.list`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Operator guess' }, body: '{}' });
    assert.equal(res.status, 403);
  });

  it('staff add (password on stdin) and staff token work while the server runs, and the token acts as that person', async () => {
    const weak = await tool('staff', ['add', 'li.mod', '--role', 'moderator'], 'password123\n');
    assert.equal(weak.code, 1);
    assert.match(weak.stderr, /at least 12 characters|common/);
    const add = await tool('staff', ['add', 'li.mod', '--role', 'moderator', '--role', 'caseworker', '--region', '3607', '--name', '李审核'], 'the river at 于都 in 1934\n');
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /through the running server/);
    assert.match(add.stdout, /Created staff account li\.mod .* moderator, caseworker in region 3607/);
    const token = await tool('staff', ['token', 'li.mod', '--label', '夜间脚本']);
    assert.equal(token.code, 0, token.stderr);
    assert.match(token.stdout.trim(), /^mat_[\w-]{40,}$/, 'the token alone on stdout');
    const me = await fetch(`${server.baseUrl}/api/v1/staff/me`, { headers: { authorization: `Bearer ${token.stdout.trim()}` } });
    assert.equal(me.status, 200);
    const body = (await me.json()) as { login: string; displayName: string; roles: { role: string; region: string | null }[] };
    assert.deepEqual([body.login, body.displayName, body.roles.map((g) => `${g.role}@${g.region}`)], ['li.mod', '李审核', ['moderator@3607', 'caseworker@3607']]);
  });

  it('npm run import works while the server runs, and the server sees the rows at once', async () => {
    const res = await tool('import', [join(root, 'docs/examples/roll-sample.csv')]);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /6 rows read, 6 new/);
    const search = (await (await fetch(`${server.baseUrl}/api/v1/martyrs?limit=100`)).json()) as { items: unknown[] };
    assert.equal(search.items.length, 6);
  });

  it('with the server stopped, the same tools open the database themselves, and server.json is gone', async () => {
    await server.kill();
    await assert.rejects(stat(join(tmp, 'data', 'server.json')));
    const list = await tool('staff', ['list']);
    assert.equal(list.code, 0, list.stderr);
    assert.doesNotMatch(list.stderr, /through the running server/);
    assert.match(list.stdout, /^li\.mod\t李审核\tcaseworker@3607 moderator@3607|^li\.mod\t李审核\tmoderator@3607 caseworker@3607/m);
    const audit = await tool('staff', ['token', 'nobody', '--label', 'x']);
    assert.equal(audit.code, 1);
    assert.match(audit.stderr, /No staff account "nobody"/);
  });
});
