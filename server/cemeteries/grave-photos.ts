/** A processed photo onto a grave: one function for the upload route, the bulk CLI and the seed. */
import type { Queryable } from '../db/database.js';
import type { ProcessedPhoto } from '../photos/pipeline.js';
import { savePhoto, type PhotoStore } from '../photos/store.js';
import { attachPhoto, graveOfPhoto } from './store.js';

export type GravePhotoOutcome = { kind: 'added' } | { kind: 'duplicate'; graveId: string | null };

/**
 * Stores the photo (once per content hash) and attaches it to the grave. A photo already on any
 * grave is a duplicate and is not attached again: the same picture on two graves is a filing
 * mistake for staff to look at, not something to repeat silently.
 */
export async function addGravePhoto(q: Queryable, store: PhotoStore, graveId: string, photo: ProcessedPhoto, opts: { sample?: boolean } = {}): Promise<GravePhotoOutcome> {
  const already = await graveOfPhoto(q, photo.id);
  if (already) return { kind: 'duplicate', graveId: already };
  await savePhoto(q, store, photo, opts);
  await attachPhoto(q, graveId, photo.id);
  return { kind: 'added' };
}

/** Cheap check before decoding: is a file with this hash already on a grave? */
export const photoAlreadyOnGrave = graveOfPhoto;
