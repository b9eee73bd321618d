import { crc32 } from 'node:zlib';
import sharp from 'sharp';

/** A real JPEG of the given size, with a bright top-left corner to tell orientation apart. */
export async function testJpeg(width: number, height: number, opts: { orientation?: number; gps?: boolean; seed?: number } = {}): Promise<Buffer> {
  const marker = await sharp({ create: { width: Math.max(8, Math.floor(width / 4)), height: Math.max(8, Math.floor(height / 4)), channels: 3, background: '#ff0000' } }).png().toBuffer();
  let img = sharp({ create: { width, height, channels: 3, background: { r: 40 + (opts.seed ?? 0) % 200, g: 60, b: 90 } } })
    .composite([{ input: marker, top: 0, left: 0 }])
    .jpeg({ quality: 90 });
  if (opts.orientation || opts.gps) {
    img = img.withMetadata({
      ...(opts.orientation ? { orientation: opts.orientation } : {}),
      ...(opts.gps
        ? { exif: { IFD0: { Make: 'TestCam', Model: 'GPS-1', Copyright: 'secret-owner' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '39/1 54/1 2700/100', GPSLongitudeRef: 'E', GPSLongitude: '116/1 23/1 2900/100' } } }
        : {}),
    });
  }
  return img.toBuffer();
}

/** A minimal HEIC file header (ftyp box, brand heic) as an iPhone writes it. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypheic', 4, 'latin1');
  ftyp.writeUInt32BE(0, 12);
  ftyp.write('mif1heic', 16, 'latin1');
  return Buffer.concat([ftyp, Buffer.alloc(2000, 7)]);
}

/**
 * A decompression bomb: a PNG of a few hundred bytes whose header declares 40000 × 40000 pixels
 * (6.4 GB once decoded). Made by rewriting a small PNG's IHDR, with its CRC recomputed.
 */
export async function pngBomb(): Promise<Buffer> {
  const png = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
  const out = Buffer.from(png);
  // Signature (8) + IHDR length (4) + "IHDR" (4): width and height follow.
  out.writeUInt32BE(40000, 16);
  out.writeUInt32BE(40000, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}
