/**
 * Bulk grave photos (npm run photos -- DIR_OR_ZIP --cemetery ID): each file is matched to a grave
 * by its name (墓区-排-号, see numbering.ts), checked, put through the photo pipeline and attached,
 * each in its own transaction, so one bad file never holds up the other 499. Every file gets a
 * line in the report saying what became of it.
 */
import type { Database } from '../db/database.js';
import type { PhotoLimits } from '../photos/limits.js';
import { PhotoRefused, photoIdOf, processPhoto } from '../photos/pipeline.js';
import type { PhotoStore } from '../photos/store.js';
import type { FileSource } from '../photos/sources.js';
import { addGravePhoto, photoAlreadyOnGrave } from './grave-photos.js';
import { graveIdOf, positionFromFileName } from './numbering.js';

export type FileOutcome = 'matched' | 'no_such_grave' | 'unreadable_name' | 'not_an_image' | 'too_large' | 'duplicate';

export interface FileResult {
  file: string;
  outcome: FileOutcome;
  graveId?: string;
  detail?: string;
}

export interface Progress {
  done: number;
  total: number;
  /** Files per second so far. */
  rate: number;
  /** Seconds left at that rate. */
  secondsLeft: number;
}

export interface BulkPhotoReport {
  files: FileResult[];
  counts: Record<FileOutcome, number>;
  seconds: number;
}

export interface BulkPhotoOptions {
  cemeteryId: string;
  limits: PhotoLimits;
  dryRun?: boolean;
  onProgress?: (p: Progress) => void;
  /** Clock for the rate (tests). */
  now?: () => number;
}

export async function importGravePhotos(db: Database, store: PhotoStore, source: FileSource, opts: BulkPhotoOptions): Promise<BulkPhotoReport> {
  const now = opts.now ?? (() => performance.now());
  const { rows: cemetery } = await db.query('SELECT 1 FROM cemeteries WHERE id = $1', [opts.cemeteryId]);
  if (cemetery.length === 0) throw new Error(`there is no cemetery "${opts.cemeteryId}"`);
  const { rows: sections } = await db.query<{ id: string; key: string; name: string }>('SELECT id, key, name FROM cemetery_sections WHERE cemetery_id = $1', [opts.cemeteryId]);
  const sectionIds = new Map(sections.map((s) => [s.key, s.id]));
  const { rows: graveRows } = await db.query<{ id: string }>('SELECT id FROM graves WHERE cemetery_id = $1', [opts.cemeteryId]);
  const graves = new Set(graveRows.map((g) => g.id));
  const seen = new Map<string, string>();
  const files: FileResult[] = [];
  const started = now();
  const record = (r: FileResult) => {
    files.push(r);
    const elapsed = (now() - started) / 1000;
    const rate = elapsed > 0 ? files.length / elapsed : 0;
    opts.onProgress?.({ done: files.length, total: source.total, rate, secondsLeft: rate > 0 ? (source.total - files.length) / rate : 0 });
  };
  for await (const f of source.files()) {
    const pos = positionFromFileName(f.name);
    if (!pos) {
      record({ file: f.name, outcome: 'unreadable_name', detail: 'the name does not say 墓区-排-号 (e.g. 一区-3-12.jpg or A-03-012.jpg)' });
      continue;
    }
    const sectionId = sectionIds.get(pos.section);
    const graveId = sectionId ? graveIdOf(sectionId, pos.row, pos.number) : undefined;
    if (!graveId || !graves.has(graveId)) {
      const where = sectionId ? `${pos.row}排 ${pos.number}号 in 墓区 ${pos.section}` : `墓区 ${pos.section}`;
      record({ file: f.name, outcome: 'no_such_grave', detail: `this cemetery has no ${where}` });
      continue;
    }
    const bytes = await f.read(opts.limits.maxBytes);
    if (!bytes) {
      record({ file: f.name, outcome: 'too_large', graveId, detail: `larger than ${Math.round(opts.limits.maxBytes / 1048576)} MB` });
      continue;
    }
    const id = photoIdOf(bytes);
    const earlier = seen.get(id) ?? (await photoAlreadyOnGrave(db, id));
    if (earlier) {
      record({ file: f.name, outcome: 'duplicate', graveId, detail: `the same photo as ${seen.has(id) ? `the file ${earlier}` : `one already on grave ${earlier}`}` });
      continue;
    }
    try {
      const photo = await processPhoto(bytes, opts.limits);
      if (!opts.dryRun) await db.transaction((tx) => addGravePhoto(tx, store, graveId, photo));
      seen.set(id, f.name);
      record({ file: f.name, outcome: 'matched', graveId });
    } catch (err) {
      if (!(err instanceof PhotoRefused)) throw err;
      const outcome = err.code === 'photo_too_large' || err.code === 'photo_too_many_pixels' ? 'too_large' : 'not_an_image';
      record({ file: f.name, outcome, graveId, detail: err.message });
    }
  }
  const counts: Record<FileOutcome, number> = { matched: 0, no_such_grave: 0, unreadable_name: 0, not_an_image: 0, too_large: 0, duplicate: 0 };
  for (const r of files) counts[r.outcome]++;
  return { files, counts, seconds: (now() - started) / 1000 };
}
