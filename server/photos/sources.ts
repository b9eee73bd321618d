/**
 * The files of a folder (recursively) or of a ZIP archive, one at a time, so a 500-photo upload
 * never sits in memory at once. ZIP names are read as UTF-8 when flagged so, else as UTF-8 if
 * valid, else GB18030 (what the Explorer on Chinese Windows writes: 一区-3-12.jpg stays readable).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yauzl from 'yauzl';

export interface SourceFile {
  /** Path inside the folder or archive, with forward slashes. */
  name: string;
  /** Size as the folder or archive states it. */
  size: number;
  /** Reads at most `limit` bytes; a longer file answers null (too large, nothing more read). */
  read(limit: number): Promise<Buffer | null>;
}

export interface FileSource {
  total: number;
  files(): AsyncIterable<SourceFile>;
  close(): Promise<void>;
}

/** Finder and Explorer leave these beside photos. */
const IGNORED = /(^|\/)(\.|__MACOSX\/|Thumbs\.db$|desktop\.ini$)/i;

/** A copy (一区-3-12 (2).jpg) after its original, and 一区-3-9 before 一区-3-10. */
const collator = new Intl.Collator('en', { numeric: true });
const stem = (name: string) => name.replace(/\.[^./]+$/, '');
export const byName = (a: { name: string }, b: { name: string }) => collator.compare(stem(a.name), stem(b.name)) || collator.compare(a.name, b.name);

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function openFolder(dir: string): Promise<FileSource> {
  const paths = (await walk(dir)).map((p) => ({ p, name: relative(dir, p).split('\\').join('/') })).filter((f) => !IGNORED.test(f.name));
  paths.sort(byName);
  return {
    total: paths.length,
    async *files() {
      for (const { p, name } of paths) {
        const { size } = await stat(p);
        yield { name, size, read: async (limit) => (size > limit ? null : readFile(p)) };
      }
    },
    close: async () => {},
  };
}

function entryName(e: yauzl.Entry): string {
  const raw = e.fileName as unknown as Buffer;
  // General purpose bit 11: the name is UTF-8.
  if (e.generalPurposeBitFlag & 0x800) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return new TextDecoder('gb18030').decode(raw);
  }
}

export async function openZip(path: string): Promise<FileSource> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, decodeStrings: false, autoClose: false }, (err, z) => (err || !z ? reject(err ?? new Error('cannot open')) : resolve(z))),
  );
  const readEntry = (e: yauzl.Entry, limit: number) =>
    new Promise<Buffer | null>((resolve, reject) => {
      if (e.uncompressedSize > limit) return resolve(null);
      zip.openReadStream(e, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('cannot read'));
        const chunks: Buffer[] = [];
        let n = 0;
        // The stated size may lie: stop reading past the limit.
        stream.on('data', (c: Buffer) => {
          n += c.length;
          if (n > limit) {
            stream.destroy();
            resolve(null);
          } else chunks.push(c);
        });
        stream.on('end', () => resolve(Buffer.concat(chunks)));
        stream.on('error', reject);
      });
    });
  // The central directory lists every entry without reading any data: an exact total, cheaply.
  const entries = await new Promise<{ e: yauzl.Entry; name: string }[]>((resolve, reject) => {
    const list: { e: yauzl.Entry; name: string }[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      const name = entryName(e);
      if (!name.endsWith('/') && !IGNORED.test(name)) list.push({ e, name });
      zip.readEntry();
    });
    zip.once('end', () => resolve(list));
    zip.once('error', reject);
    zip.readEntry();
  });
  entries.sort(byName);
  return {
    total: entries.length,
    async *files() {
      for (const { e, name } of entries) yield { name, size: e.uncompressedSize, read: (limit: number) => readEntry(e, limit) };
    },
    close: async () => zip.close(),
  };
}

export async function openSource(path: string): Promise<FileSource> {
  const s = await stat(path);
  if (s.isDirectory()) return openFolder(path);
  return openZip(path);
}
