import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routes, type AdminGrave, type Photo } from '../../src/contract/index.js';
import { actorOf, audit } from '../audit.js';
import { addGravePhoto } from '../cemeteries/grave-photos.js';
import { GRAVE_ORDER, getGrave, toGraves, type GraveRow } from '../cemeteries/read.js';
import type { AppDeps } from '../deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { allowedCemeteries, assertInScope, authorize } from '../http/staff-auth.js';
import { parseWith, queryObject } from '../http/validate.js';
import { photoLimitsFromEnv, type PhotoLimits } from '../photos/limits.js';
import { PhotoRefused, photoIdOf, processPhoto, type ProcessedPhoto } from '../photos/pipeline.js';
import { toPhoto, type PhotoStore } from '../photos/store.js';
import { decodeCursor, encodeCursor } from './cursor.js';

/** Files one upload may carry: a grave has a few photos (front, inscription, surroundings). */
export const MAX_FILES_PER_UPLOAD = 10;

const UPLOAD_PATH = /\/admin\/graves\/[^/]+\/photos\/?$/;
export const isPhotoUpload = (method: string, path: string) => method === 'POST' && UPLOAD_PATH.test(path);

/** Staff (cemetery role, within its cemeteries): the missing-photo worklist and photo upload. Mounted under /admin. */
export function adminGraveRoutes({ db }: AppDeps, store: PhotoStore, limits: PhotoLimits = photoLimitsFromEnv()) {
  const app = new Hono();
  app.use('/graves', authorize('cemetery'));
  app.use('/graves/*', authorize('cemetery'));

  app.get('/graves', async (c) => {
    const query = parseWith(routes.adminListGraves.query, queryObject(c), 'query');
    const limit = query.limit ?? 100;
    const params: unknown[] = [];
    const where: string[] = [];
    if (query.cemetery) where.push(`g.cemetery_id = $${params.push(query.cemetery)}`);
    // A cemetery worker sees the graves of their own cemeteries only.
    const own = allowedCemeteries();
    if (own) where.push(own.length ? `g.cemetery_id IN (${own.map((id) => `$${params.push(id)}`).join(', ')})` : 'false');
    if (query.section) where.push(`g.section_id = $${params.push(query.section)}`);
    if (query.missingPhoto === true) where.push('NOT EXISTS (SELECT 1 FROM grave_photos gp WHERE gp.grave_id = g.id)');
    if (query.missingPhoto === false) where.push('EXISTS (SELECT 1 FROM grave_photos gp WHERE gp.grave_id = g.id)');
    if (query.cursor) {
      const k = decodeCursor(query.cursor, ['string', 'number', 'string', 'number', 'number'] as const);
      where.push(`(g.cemetery_id COLLATE "C", s.sort_order, s.id COLLATE "C", g.row_no, g.number) > ($${params.push(k[0])}, $${params.push(k[1])}, $${params.push(k[2])}, $${params.push(k[3])}, $${params.push(k[4])})`);
    }
    const { rows } = await db.query<GraveRow & { cemetery_name: string; photo_count: number }>(
      `SELECT g.id, g.cemetery_id, g.section_id, s.name AS section_name, s.sort_order, g.row_no, g.number, g.inscription, g.sample,
         c.name AS cemetery_name, (SELECT CAST(count(*) AS int) FROM grave_photos gp WHERE gp.grave_id = g.id) AS photo_count
       FROM graves g JOIN cemetery_sections s ON s.id = g.section_id JOIN cemeteries c ON c.id = g.cemetery_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY g.cemetery_id COLLATE "C", ${GRAVE_ORDER} LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const graves = await toGraves(db, page);
    const items: AdminGrave[] = graves.map((g, i) => ({ ...g, cemetery: { id: page[i]!.cemetery_id, name: page[i]!.cemetery_name }, photoCount: Number(page[i]!.photo_count) }));
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor([last.cemetery_id, last.sort_order, last.section_id, last.row_no, last.number]) : null;
    return c.json({ items, nextCursor });
  });

  app.post(
    '/graves/:id/photos',
    bodyLimit({
      maxSize: limits.maxBytes * MAX_FILES_PER_UPLOAD + 1024 * 1024,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `An upload may carry up to ${MAX_FILES_PER_UPLOAD} photos of ${Math.round(limits.maxBytes / 1048576)} MB each`);
      },
    }),
    async (c) => {
      const { id } = parseWith(routes.adminAddGravePhotos.params, c.req.param(), 'path');
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      if (!type.startsWith('multipart/form-data')) throw new ApiError(415, 'unsupported_media_type', 'Send the photos as multipart/form-data, in the field "photo"');
      const { rows: exists } = await db.query<{ cemetery_id: string }>('SELECT cemetery_id FROM graves WHERE id = $1', [id]);
      if (exists.length === 0) throw notFound('Grave');
      assertInScope({ cemetery: exists[0]!.cemetery_id }, 'Grave');
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new ApiError(400, 'bad_request', 'The multipart body cannot be read');
      }
      const files = form.getAll('photo').filter((v): v is File => typeof v !== 'string');
      if (files.length === 0) throw new ApiError(400, 'validation_failed', 'No file in the field "photo"', [{ path: 'photo', message: 'must hold at least one image file' }]);
      if (files.length > MAX_FILES_PER_UPLOAD) throw new ApiError(413, 'payload_too_large', `Up to ${MAX_FILES_PER_UPLOAD} photos per upload`);
      // Every file is checked before anything is stored: one refused file and nothing is written.
      const processed: { name: string; photo: ProcessedPhoto }[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        try {
          processed.push({ name: file.name, photo: await processPhoto(bytes, limits) });
        } catch (err) {
          if (!(err instanceof PhotoRefused)) throw err;
          const label = files.length > 1 ? `${file.name}: ` : '';
          throw new ApiError(err.status, err.code, `${label}${err.message}`, [{ path: 'photo', message: `${file.name || photoIdOf(bytes)}: ${err.message}` }]);
        }
      }
      const result = await db.transaction(async (tx) => {
        const added: Photo[] = [];
        const duplicates: { file: string; photoId: string; graveId: string | null }[] = [];
        for (const { name, photo } of processed) {
          const outcome = await addGravePhoto(tx, store, id, photo);
          if (outcome.kind === 'added') added.push(toPhoto({ ...photo, sample: false }));
          else duplicates.push({ file: name, photoId: photo.id, graveId: outcome.graveId });
        }
        if (added.length) await audit(tx, actorOf(c), 'grave.photos.add', id, { photos: added.map((p) => p.id) });
        return { added, duplicates };
      });
      const grave = await getGrave(db, id);
      return c.json({ grave: grave!, ...result }, result.added.length ? 201 : 200);
    },
  );

  return app;
}
