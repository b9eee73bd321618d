/**
 * What the photo pipeline accepts. A phone photo is 2–8 MB and 12–50 megapixels; a scan of a
 * letter page at 600 dpi is about 35 megapixels. Past these limits a file is refused, not shrunk:
 * MEMORIAL_PHOTO_MAX_BYTES (default 25 MB) and MEMORIAL_PHOTO_MAX_PIXELS (default 60 megapixels).
 */
export interface PhotoLimits {
  /** Largest file accepted, in bytes. */
  maxBytes: number;
  /** Largest width × height accepted; the decoder also refuses to go past it (a decompression bomb). */
  maxPixels: number;
  /** Smallest side accepted, in pixels: thumbnails are not photos of a grave. */
  minSide: number;
}

/** Widths stored (each as WebP and JPEG): a tile, a card, a large view. Never enlarged. */
export const PHOTO_WIDTHS = [320, 640, 1280] as const;

const positive = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number`);
  return n;
};

export function photoLimitsFromEnv(): PhotoLimits {
  return {
    maxBytes: positive('MEMORIAL_PHOTO_MAX_BYTES', 25 * 1024 * 1024),
    maxPixels: positive('MEMORIAL_PHOTO_MAX_PIXELS', 60_000_000),
    minSide: 64,
  };
}
