import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  baseUrl: string;
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output(): string;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<number | NodeJS.Signals | null>;
  kill(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals | null>;
}

/**
 * Starts the real server (`node --import tsx server/main.ts`) as its own process on a free port
 * and resolves once it prints `Open http://…/`. `env` adds to (or, with undefined, removes from)
 * the test's environment; rate limiting is off unless `env` sets MEMORIAL_RATE_LIMIT.
 */
export async function startServerProcess(env: Record<string, string | undefined>, timeoutMs = 60_000): Promise<ServerProcess> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    MEMORIAL_RATE_LIMIT: 'off',
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined)),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = () => {
      const m = /Open (http:\/\/[^\s/]+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${how}) before it was ready:\n${out}`));
    });
  });
  return {
    baseUrl,
    child,
    output: () => out,
    exited,
    kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `jobs` with at most `concurrency` in flight. */
export async function runBounded(concurrency: number, jobs: readonly (() => Promise<void>)[]): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, jobs.length) }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

/** A fresh schema in the TEST_DATABASE_URL database, for server processes that share it. */
export async function freshSchema(url: string, prefix: string): Promise<{ schema: string; pool: pg.Pool; drop(): Promise<void> }> {
  const schema = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  return {
    schema,
    pool,
    async drop() {
      await pool.end();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
      await admin.end();
    },
  };
}

/** A data key for processes that must share one (PostgreSQL deployments). */
export const sharedDataKey = () => randomBytes(32).toString('hex');

/** Keep-alive connections with Nagle off (as browsers do), one agent per server. */
const agents = new Map<string, Agent>();
function agentFor(baseUrl: string): Agent {
  let agent = agents.get(baseUrl);
  if (!agent) {
    agent = new Agent({ keepAlive: true });
    const create = agent.createConnection.bind(agent) as (o: object, c: unknown) => Socket;
    agent.createConnection = ((options: object, callback: unknown) => create(options, callback).setNoDelay(true)) as typeof agent.createConnection;
    agents.set(baseUrl, agent);
  }
  return agent;
}

export interface JsonAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

/**
 * POSTs JSON over node:http (lighter than fetch when a test sends thousands of requests).
 * Rejects when no answer arrives (connection refused or reset, as when the server was killed).
 */
export function postJson(baseUrl: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  const payload = JSON.stringify(body);
  const u = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        method: 'POST',
        path: `/api/v1${path}`,
        agent: agentFor(baseUrl),
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...headers },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : undefined });
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`no answer from ${baseUrl}${path} within 30 s`)));
    req.end(payload);
  });
}

/** Closes the keep-alive connections postJson opened to `baseUrl`. */
export function forgetServer(baseUrl: string): void {
  agents.get(baseUrl)?.destroy();
  agents.delete(baseUrl);
}
