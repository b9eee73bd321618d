/**
 * The core of `npm run import -- FILE --graves --cemetery ID`, as a function of an open database
 * so that it runs the same whether the CLI opens the database itself (today) or hands the work
 * to a running server (the one-owner path for the embedded database).
 */
import { CemeteryInput } from '../../src/contract/index.js';
import type { Database } from '../db/database.js';
import { importGraves, readGraveRecords, type GraveImportReport } from '../cemeteries/grave-import.js';
import { upsertCemetery } from '../cemeteries/store.js';

export interface GraveImportArgs {
  file: string;
  /** How the file is named in messages (as the user typed it). */
  label: string;
  cemeteryId: string;
  partial: boolean;
  dryRun: boolean;
  namespace?: string | undefined;
  /** Creates or updates the cemetery first when given (--name, --level, …). */
  cemetery?: { name?: string | undefined; level?: string | undefined; region?: string | undefined; phone?: string | undefined; address?: string | undefined };
}

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Exit status as the roll import: 0 all applied; 1 nothing applied; 2 applied with rows left out. */
export async function runGraveImport(db: Database, args: GraveImportArgs, out: Output): Promise<{ exitCode: number; report?: GraveImportReport }> {
  const c = args.cemetery;
  if (c && (c.name || c.level)) {
    const { rows } = await db.query<{ name: string; level: number; region_code: string | null; contact_phone: string | null; address: string | null; visiting_notes: string | null }>(
      'SELECT name, level, region_code, contact_phone, address, visiting_notes FROM cemeteries WHERE id = $1', [args.cemeteryId],
    );
    const old = rows[0];
    const parsed = CemeteryInput.safeParse({
      id: args.cemeteryId,
      name: c.name ?? old?.name,
      level: c.level === undefined ? old?.level : Number(c.level),
      regionCode: c.region ?? old?.region_code ?? null,
      address: c.address ?? old?.address ?? null,
      contactPhone: c.phone ?? old?.contact_phone ?? null,
      visitingNotes: old?.visiting_notes ?? null,
      location: null,
      sample: false,
    });
    if (!parsed.success) {
      for (const i of parsed.error.issues) out.error(`--${i.path.join('.') === 'regionCode' ? 'region' : i.path.join('.')}: ${i.message}`);
      return { exitCode: 1 };
    }
    if (!args.dryRun) await upsertCemetery(db, parsed.data);
  }
  const report = await importGraves(db, args.cemeteryId, await readGraveRecords(args.file), { partial: args.partial, dryRun: args.dryRun, namespace: args.namespace });
  for (const b of report.bad) out.error(`${args.label}:${b.line}: ${b.reason}`);
  for (const t of report.toConfirm) {
    out.error(`${args.label}:${t.line}: ${t.name}: to confirm (${t.why}); put the right id in the 烈士ID column:`);
    for (const k of t.candidates) {
      out.error(`    ${k.id}  ${k.name}  籍贯 ${k.nativePlace ?? '—'}  生 ${k.birthDate ?? '—'}  殁 ${k.deathDate ?? '—'}  (${k.reason})`);
    }
  }
  const held = report.bad.length + report.toConfirm.length;
  if (args.dryRun) {
    out.log(`Dry run: ${report.total} rows read, ${report.bad.length} bad, ${report.toConfirm.length} to confirm; nothing written.`);
    return { exitCode: held === 0 ? 0 : 1, report };
  }
  if (!report.applied) {
    out.error(`Nothing imported: ${report.bad.length} bad and ${report.toConfirm.length} to confirm of ${report.total} rows. Fix them and run again (or use --partial).`);
    return { exitCode: 1, report };
  }
  const g = report.graves;
  out.log(
    `Imported ${args.label} into cemetery ${args.cemeteryId}: ${report.total} rows, graves ${g.inserted} new, ${g.updated} updated, ${g.unchanged} unchanged; ` +
      `${report.linked} martyrs linked, ${report.unnamed} 无名烈士 graves${held ? `; ${held} rows left out` : ''}.`,
  );
  return { exitCode: held === 0 ? 0 : 2, report };
}
