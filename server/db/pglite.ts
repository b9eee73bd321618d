import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Database, Queryable } from './database.js';
import { privateDataDir, restrictTree } from './file-modes.js';

interface EmscriptenStream {
  nfd?: number;
}
interface EmscriptenMount {
  mountpoint: string;
  opts?: { root?: string };
  type: { stream_ops: { fsync?: (stream: EmscriptenStream) => number } };
}

/**
 * Durability of the embedded database on disk. Every commit already reaches the kernel (PGlite
 * writes through Node's fs at COMMIT, so a killed process loses nothing it acknowledged), but
 * PGlite starts PostgreSQL with fsync off (`-F`) and Emscripten's Node filesystem has no fsync,
 * so a power cut or kernel crash could lose recent commits or corrupt the data directory. Here
 * PostgreSQL runs with fsync on (`wal_sync_method=fsync`, the call that reaches the filesystem
 * layer), and the Node filesystem's streams get an fsync that calls fsync(2) on the real file.
 * MEMORIAL_PGLITE_FSYNC=off restores PGlite's default (faster, not crash-safe).
 */
const startParams = () => [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync'];

function enableFsync(pg: PGlite): boolean {
  const FS = (pg.Module as unknown as { FS?: { root?: { mount?: { mounts?: EmscriptenMount[] } } } }).FS;
  const mount = FS?.root?.mount?.mounts?.find((m) => m.opts?.root !== undefined);
  if (!mount) return false;
  mount.type.stream_ops.fsync = (stream) => {
    if (stream.nfd === undefined) return 0; // a directory: nothing of ours to flush
    fs.fsyncSync(stream.nfd);
    return 0;
  };
  return true;
}

export async function openPglite(dataDir?: string): Promise<Database> {
  const durable = dataDir !== undefined && process.env.MEMORIAL_PGLITE_FSYNC !== 'off';
  if (dataDir !== undefined) await privateDataDir(dataDir);
  const pg = await PGlite.create(dataDir, { extensions: { pg_trgm }, ...(durable ? { startParams: startParams() } : {}) });
  if (durable && !enableFsync(pg)) {
    console.warn('PGlite: could not find its Node filesystem to enable fsync; commits survive a killed process but not a power cut');
  }
  // Whatever the files were made with before this process set its umask.
  if (dataDir !== undefined) await restrictTree(dataDir);
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      const res = await q.query<R>(sql, params);
      return { rows: res.rows };
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    // PGlite runs one statement at a time, so its transactions are serialized by construction.
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
