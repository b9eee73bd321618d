/**
 * MEMORIAL_CLOCK fixes the server's "now" (issue 18): the reference server started with it
 * answers `campaigns/current` for that instant and reports it on /health (demo pages follow it);
 * a value that is not an ISO instant with an offset stops the start with a message naming it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clockFromEnv } from '../../server/config.js';
import { startServerProcess, type ServerProcess } from '../helpers/processes.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

describe('MEMORIAL_CLOCK', () => {
  it('reads an ISO instant with an offset; unset or blank is the real clock', () => {
    assert.equal(clockFromEnv('2026-12-13T10:00:00+08:00')?.toISOString(), '2026-12-13T02:00:00.000Z');
    assert.equal(clockFromEnv('2020-02-10T00:00Z')?.toISOString(), '2020-02-10T00:00:00.000Z');
    assert.equal(clockFromEnv('2026-04-04T10:00:00.250-05:00')?.toISOString(), '2026-04-04T15:00:00.250Z');
    assert.equal(clockFromEnv(undefined), undefined);
    assert.equal(clockFromEnv('  '), undefined);
  });

  it('refuses dates without a time or offset, impossible days and other text', () => {
    for (const bad of ['2026-12-13', '2026-12-13T10:00:00', '2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', 'tomorrow', '1734048000000']) {
      assert.throws(() => clockFromEnv(bad), (e: Error) => e.message.startsWith('MEMORIAL_CLOCK must be an ISO instant') && e.message.includes(bad), bad);
    }
  });

  it('an invalid value stops the server at start-up with that message, before anything is opened', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'memorial-clock-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: repoRoot,
        env: { ...process.env, MEMORIAL_CLOCK: '2026-12-13', MEMORIAL_DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /MEMORIAL_CLOCK must be an ISO instant with an offset, e\.g\. 2026-04-04T10:00:00\+08:00; got "2026-12-13"/);
      assert.doesNotMatch(run.stderr, /at loadConfig|\n\s+at /, 'a message, not a stack trace');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  describe('a server started with it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'memorial-clock-'));
    let proc: ServerProcess | undefined;
    after(async () => {
      await proc?.kill();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers for that instant and reports it on /health', async () => {
      // always the embedded database here: this test is about the clock, not the driver
      proc = await startServerProcess({ MEMORIAL_CLOCK: '2026-12-13T10:00:00+08:00', MEMORIAL_DATA_DIR: dataDir, MEMORIAL_SEED: 'none', DATABASE_URL: undefined, MEMORIAL_DATA_KEY: undefined });
      assert.match(proc.output(), /MEMORIAL_CLOCK: the server's "now" is fixed at 2026-12-13T02:00:00.000Z/);
      const health = await (await fetch(`${proc.baseUrl}/api/v1/health`)).json();
      assert.equal(health.clock, '2026-12-13T02:00:00.000Z');
      const current = await (await fetch(`${proc.baseUrl}/api/v1/campaigns/current`)).json();
      assert.deepEqual([current.id, current.tone], ['memorial-day-2026', 'mourning']);
      const next = await (await fetch(`${proc.baseUrl}/api/v1/campaigns/next`)).json();
      assert.equal(next.id, 'qingming-2027');
    });
  });
});
