/**
 * The core of `npm run photos -- DIR_OR_ZIP --cemetery ID`, as a function of an open database
 * (see import-graves.ts for why): the per-file report and progress with rate and time left.
 */
import type { Database } from '../db/database.js';
import { importGravePhotos, type BulkPhotoReport, type FileOutcome } from '../cemeteries/bulk-photos.js';
import type { PhotoLimits } from '../photos/limits.js';
import { openSource } from '../photos/sources.js';
import type { PhotoStore } from '../photos/store.js';
import type { Output } from './import-graves.js';

export interface PhotosArgs {
  source: string;
  cemeteryId: string;
  limits: PhotoLimits;
  store: PhotoStore;
  dryRun?: boolean;
  /** Print a progress line at most this often (ms). */
  progressEvery?: number;
}

const LABEL: Record<FileOutcome, string> = {
  matched: 'matched',
  no_such_grave: 'no such grave',
  unreadable_name: 'name not 墓区-排-号',
  not_an_image: 'not an image',
  too_large: 'too large',
  duplicate: 'duplicate of an existing photo',
};

const clock = (s: number) => (s >= 90 ? `${Math.round(s / 60)} min` : `${Math.round(s)} s`);

/** Exit status: 0 every file matched; 2 some files were not (see the report); 1 nothing could be done. */
export async function runPhotoImport(db: Database, args: PhotosArgs, out: Output): Promise<{ exitCode: number; report?: BulkPhotoReport }> {
  const source = await openSource(args.source);
  let last = 0;
  try {
    out.log(`${source.total} files in ${args.source}`);
    const report = await importGravePhotos(db, args.store, source, {
      cemeteryId: args.cemeteryId,
      limits: args.limits,
      dryRun: args.dryRun,
      onProgress: (p) => {
        const t = Date.now();
        if (p.done < p.total && t - last < (args.progressEvery ?? 1000)) return;
        last = t;
        out.log(`  ${p.done}/${p.total} files, ${p.rate.toFixed(1)} images/s, about ${clock(p.secondsLeft)} left`);
      },
    });
    for (const f of report.files) {
      if (f.outcome !== 'matched') out.error(`${f.file}: ${LABEL[f.outcome]}${f.detail ? ` — ${f.detail}` : ''}`);
    }
    const summary = (Object.keys(LABEL) as FileOutcome[]).filter((k) => report.counts[k] > 0).map((k) => `${report.counts[k]} ${LABEL[k]}`).join(', ');
    out.log(`${args.dryRun ? 'Dry run (nothing stored): ' : ''}${report.files.length} files in ${clock(report.seconds)}: ${summary || 'nothing to do'}.`);
    return { exitCode: report.files.every((f) => f.outcome === 'matched') ? 0 : 2, report };
  } finally {
    await source.close();
  }
}
