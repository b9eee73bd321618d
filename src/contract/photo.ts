import * as z from 'zod/mini';

/** A stored photo's id: the first 128 bits of the SHA-256 of the uploaded bytes, in hex. */
export const PhotoId = z.string().check(z.regex(/^[0-9a-f]{32}$/, 'must be a photo id (32 hex digits)'));

/** A path relative to the API root (`photos/<id>/<width>.jpg`), so the API can sit under any prefix. */
const PhotoPath = z.string().check(z.regex(/^photos\/[0-9a-f]{32}\/\d{1,5}\.(jpg|webp)$/, 'must be a photo path'));

/**
 * A photo as every image of the project is served (grave photos now; proof photos, letter scans
 * and topic covers later): re-encoded, metadata stripped, at a few widths, WebP plus a JPEG
 * fallback. Width and height are those of the largest variant, so a page can reserve the space
 * (no layout shift). Paths are relative to the API root: resolve them with `photoSources()`.
 */
export const Photo = z.object({
  id: PhotoId,
  width: z.number().check(z.int(), z.gte(1)),
  height: z.number().check(z.int(), z.gte(1)),
  /** Widths stored, ascending; each exists as WebP and JPEG. */
  widths: z.array(z.number().check(z.int(), z.gte(1))),
  /** The largest JPEG: the `src` of an `<img>`. */
  src: PhotoPath,
  /** The fictional placeholders the reference server seeds. */
  sample: z.boolean(),
});
export type Photo = z.infer<typeof Photo>;

export interface PhotoSources {
  src: string;
  /** JPEG `srcset` with `w` descriptors. */
  srcset: string;
  /** WebP `srcset`, for a `<source type="image/webp">`. */
  webpSrcset: string;
  width: number;
  height: number;
}

/** Absolute URLs of a photo's variants, given the API root (e.g. `client.baseUrl`, ending in `/api/v1/`). */
export function photoSources(photo: Photo, apiRoot: string): PhotoSources {
  const root = apiRoot.endsWith('/') ? apiRoot : `${apiRoot}/`;
  const url = (w: number, ext: 'jpg' | 'webp') => new URL(`photos/${photo.id}/${w}.${ext}`, root).href;
  const set = (ext: 'jpg' | 'webp') => photo.widths.map((w) => `${url(w, ext)} ${w}w`).join(', ');
  return { src: new URL(photo.src, root).href, srcset: set('jpg'), webpSrcset: set('webp'), width: photo.width, height: photo.height };
}
