/**
 * The one image pipeline (grave photos now; proof photos, letter scans, topic covers later):
 * sniff the format, check the limits from the header before decoding anything, then decode with
 * libvips (sharp), apply the EXIF orientation, flatten onto white, and re-encode at a few widths
 * as WebP and JPEG. Re-encoding from decoded pixels is what strips every piece of metadata
 * (EXIF with GPS, XMP, IPTC, ICC profiles: sharp converts to sRGB and writes none).
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import { PHOTO_WIDTHS, type PhotoLimits } from './limits.js';

export type PhotoFormat = 'webp' | 'jpeg';

export interface PhotoVariant {
  width: number;
  height: number;
  format: PhotoFormat;
  bytes: Buffer;
}

export interface ProcessedPhoto {
  /** SHA-256 of the uploaded bytes, first 128 bits in hex: the same file is the same photo. */
  id: string;
  width: number;
  height: number;
  widths: number[];
  sourceBytes: number;
  variants: PhotoVariant[];
}

export type PhotoRefusalCode = 'photo_too_large' | 'photo_too_many_pixels' | 'photo_too_small' | 'photo_heic' | 'photo_unsupported' | 'photo_undecodable';

/** Why a file is not a photo we can keep; `status` is the HTTP answer (413 for limits, 415 for the type, 422 for a broken file). */
export class PhotoRefused extends Error {
  override name = 'PhotoRefused';
  constructor(
    readonly code: PhotoRefusalCode,
    readonly status: 413 | 415 | 422,
    message: string,
  ) {
    super(message);
  }
}

export const photoIdOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 32);

const HEIC_HELP =
  'This is a HEIC/HEIF photo (the iPhone default), which browsers cannot show. Send it as JPEG: on the iPhone set ' +
  'Settings → Camera → Formats → Most Compatible before taking photos, or share existing ones by Mail or AirDrop ' +
  '"as JPEG", or on a Mac open them in Preview and choose File → Export → JPEG.';

type Sniffed = 'jpeg' | 'png' | 'webp' | 'heic';

/** The format by its first bytes, before any decoder sees the file. */
export function sniffFormat(b: Uint8Array): Sniffed | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'png';
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && ascii(4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1|avif)$/.test(ascii(8, 12))) return 'heic';
  return null;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** Checks without decoding: size, format, and the dimensions the header declares. */
async function inspect(bytes: Buffer, limits: PhotoLimits): Promise<{ width: number; height: number }> {
  if (bytes.length > limits.maxBytes) {
    throw new PhotoRefused('photo_too_large', 413, `The file is ${mb(bytes.length)}; photos up to ${mb(limits.maxBytes)} are accepted`);
  }
  const sniffed = sniffFormat(bytes);
  if (sniffed === 'heic') throw new PhotoRefused('photo_heic', 415, HEIC_HELP);
  if (sniffed === null) throw new PhotoRefused('photo_unsupported', 415, 'The file is not a JPEG, PNG or WebP image');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new PhotoRefused('photo_undecodable', 422, `The file starts like a ${sniffed.toUpperCase()} image but cannot be read (damaged or cut short?)`);
  }
  const { width, height } = meta;
  if (!width || !height || meta.format !== sniffed) {
    throw new PhotoRefused('photo_undecodable', 422, `The file starts like a ${sniffed.toUpperCase()} image but cannot be read (damaged or cut short?)`);
  }
  if (width * height > limits.maxPixels) {
    throw new PhotoRefused(
      'photo_too_many_pixels', 413,
      `The image is ${width} × ${height} pixels (${Math.round((width * height) / 1e6)} megapixels); up to ${Math.round(limits.maxPixels / 1e6)} megapixels are accepted`,
    );
  }
  if (Math.min(width, height) < limits.minSide) {
    throw new PhotoRefused('photo_too_small', 422, `The image is only ${width} × ${height} pixels; at least ${limits.minSide} on each side is needed`);
  }
  return { width, height };
}

/** Widths to store for an image `width` wide (after orientation): the standard ones below it, and its own width if smaller than the largest. */
export function widthsFor(width: number): number[] {
  const below = PHOTO_WIDTHS.filter((w) => w < width);
  const top = Math.min(width, PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1]!);
  return [...new Set([...below, top])].sort((a, b) => a - b);
}

/** Decodes, orients, strips and re-encodes one uploaded file; throws PhotoRefused for anything it will not keep. */
export async function processPhoto(input: Uint8Array, limits: PhotoLimits): Promise<ProcessedPhoto> {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  await inspect(bytes, limits);
  const widths: number[] = [];
  let largest: { data: Buffer; info: OutputInfo };
  try {
    // One decode to the largest width; every variant is then made from those pixels.
    // limitInputPixels makes the decoder itself stop past the limit, whatever the header said.
    largest = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: PHOTO_WIDTHS[PHOTO_WIDTHS.length - 1], withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (/pixel limit/i.test(String((err as Error).message))) {
      throw new PhotoRefused('photo_too_many_pixels', 413, `The image has more than ${Math.round(limits.maxPixels / 1e6)} megapixels`);
    }
    throw new PhotoRefused('photo_undecodable', 422, 'The image cannot be decoded (damaged or cut short?)');
  }
  const { width: W, height: H, channels } = largest.info;
  const variants: PhotoVariant[] = [];
  for (const w of widthsFor(W)) {
    const h = Math.max(1, Math.round((H * w) / W));
    widths.push(w);
    const base = () => {
      const img = sharp(largest.data, { raw: { width: W, height: H, channels } });
      return w === W ? img : img.resize({ width: w, height: h });
    };
    const [webp, jpeg] = await Promise.all([
      base().webp({ quality: 80, effort: 2 }).toBuffer(),
      base().jpeg({ quality: 82 }).toBuffer(),
    ]);
    variants.push({ width: w, height: h, format: 'webp', bytes: webp }, { width: w, height: h, format: 'jpeg', bytes: jpeg });
  }
  return { id: photoIdOf(bytes), width: W, height: H, widths, sourceBytes: bytes.length, variants };
}
