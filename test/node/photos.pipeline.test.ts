import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import sharp from 'sharp';
import { PhotoRefused, processPhoto, sniffFormat, widthsFor } from '../../server/photos/pipeline.js';
import { heicHeader, pngBomb, testJpeg } from '../helpers/images.js';

const LIMITS = { maxBytes: 5 * 1024 * 1024, maxPixels: 30_000_000, minSide: 64 };
const GPS_IFD_TAG_LE = Buffer.from([0x25, 0x88]);

const refusal = async (bytes: Uint8Array, limits = LIMITS) => {
  try {
    await processPhoto(bytes, limits);
  } catch (err) {
    assert.ok(err instanceof PhotoRefused, String(err));
    return err;
  }
  assert.fail('the file was accepted');
};

describe('photo pipeline', () => {
  it('strips EXIF (GPS, camera, owner) from every variant, and writes WebP and JPEG at each width', async () => {
    const input = await testJpeg(1600, 1200, { gps: true });
    const meta = await sharp(input).metadata();
    assert.ok(meta.exif?.includes(GPS_IFD_TAG_LE), 'the test input really carries a GPS IFD');
    assert.ok(input.includes(Buffer.from('secret-owner')));
    const photo = await processPhoto(input, LIMITS);
    assert.deepEqual(photo.widths, [320, 640, 1280]);
    assert.deepEqual([photo.width, photo.height], [1280, 960]);
    assert.equal(photo.variants.length, 6);
    for (const v of photo.variants) {
      const m = await sharp(v.bytes).metadata();
      assert.equal(m.format, v.format);
      assert.deepEqual([m.width, m.height], [v.width, v.height]);
      assert.equal(m.exif, undefined, `${v.format} ${v.width}: EXIF left in`);
      assert.equal(m.xmp, undefined);
      assert.equal(m.icc, undefined);
      assert.ok(!v.bytes.includes(Buffer.from('secret-owner')) && !v.bytes.includes(Buffer.from('GPS-1')));
    }
    assert.match(photo.id, /^[0-9a-f]{32}$/);
    assert.equal((await processPhoto(input, LIMITS)).id, photo.id, 'the same file is the same photo');
  });

  it('applies the EXIF orientation: a landscape sensor image tagged "rotate 90°" comes out portrait, marker top-right', async () => {
    const input = await testJpeg(800, 600, { orientation: 6 });
    const photo = await processPhoto(input, LIMITS);
    assert.deepEqual([photo.width, photo.height], [600, 800]);
    const big = photo.variants.find((v) => v.format === 'jpeg' && v.width === 600)!;
    const { data, info } = await sharp(big.bytes).raw().toBuffer({ resolveWithObject: true });
    const px = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    // The red marker was at the sensor's top-left; rotated 90° clockwise it sits top-right.
    assert.ok(px(info.width - 20, 20)[0]! > 200, `top-right should be red, got ${px(info.width - 20, 20)}`);
    assert.ok(px(20, 20)[0]! < 120, `top-left should not be red, got ${px(20, 20)}`);
    assert.equal((await sharp(big.bytes).metadata()).orientation, undefined);
  });

  it('never enlarges: a 500 px image is stored at 320 and 500', async () => {
    assert.deepEqual(widthsFor(500), [320, 500]);
    assert.deepEqual(widthsFor(200), [200]);
    assert.deepEqual(widthsFor(4000), [320, 640, 1280]);
    const photo = await processPhoto(await sharp({ create: { width: 500, height: 400, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer(), LIMITS);
    assert.deepEqual(photo.widths, [320, 500]);
    // Transparency is flattened onto white, so the JPEG fallback looks like the WebP.
    const { data } = await sharp(photo.variants.find((v) => v.format === 'jpeg')!.bytes).raw().toBuffer({ resolveWithObject: true });
    assert.ok(data[0]! > 240);
  });

  it('takes PNG and WebP as well as JPEG', async () => {
    for (const enc of ['png', 'webp'] as const) {
      const bytes = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#345' } })[enc]().toBuffer();
      assert.equal(sniffFormat(bytes), enc);
      assert.deepEqual((await processPhoto(bytes, LIMITS)).widths, [300]);
    }
  });

  it('refuses HEIC with a way out, and anything that is not a JPEG, PNG or WebP', async () => {
    const heic = await refusal(heicHeader());
    assert.equal(heic.code, 'photo_heic');
    assert.equal(heic.status, 415);
    assert.match(heic.message, /HEIC/);
    assert.match(heic.message, /Most Compatible/);
    assert.match(heic.message, /JPEG/);
    const gif = await refusal(await sharp({ create: { width: 100, height: 100, channels: 3, background: '#000' } }).gif().toBuffer());
    assert.equal(gif.code, 'photo_unsupported');
    const text = await refusal(Buffer.from('<html>not an image</html>'));
    assert.deepEqual([text.code, text.status], ['photo_unsupported', 415]);
    const empty = await refusal(new Uint8Array(0));
    assert.equal(empty.code, 'photo_unsupported');
  });

  it('refuses a truncated or corrupted file with 422, not a crash', async () => {
    const good = await testJpeg(800, 600);
    const cut = await refusal(good.subarray(0, 200));
    assert.deepEqual([cut.code, cut.status], ['photo_undecodable', 422]);
    // Header intact, scan data cut off halfway (an interrupted transfer).
    assert.equal((await refusal(good.subarray(0, Math.floor(good.length / 2)))).code, 'photo_undecodable');
    const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#345' } }).png().toBuffer();
    assert.equal((await refusal(png.subarray(0, png.length - 30))).code, 'photo_undecodable');
  });

  it('refuses files over the byte limit and images over the pixel limit, and a decompression bomb before decoding', async () => {
    const big = await refusal(await testJpeg(800, 600), { ...LIMITS, maxBytes: 1000 });
    assert.deepEqual([big.code, big.status], ['photo_too_large', 413]);
    assert.match(big.message, /up to/);
    const wide = await refusal(await testJpeg(800, 600), { ...LIMITS, maxPixels: 100_000 });
    assert.deepEqual([wide.code, wide.status], ['photo_too_many_pixels', 413]);
    const bomb = await pngBomb();
    assert.ok(bomb.length < 1000, 'the bomb is tiny on disk');
    const before = process.memoryUsage().rss;
    const refused = await refusal(bomb);
    assert.deepEqual([refused.code, refused.status], ['photo_too_many_pixels', 413]);
    assert.match(refused.message, /40000 × 40000/);
    assert.ok(process.memoryUsage().rss - before < 200 * 1024 * 1024, 'nothing near 6.4 GB was allocated');
    const tiny = await refusal(await sharp({ create: { width: 40, height: 40, channels: 3, background: '#000' } }).jpeg().toBuffer());
    assert.equal(tiny.code, 'photo_too_small');
  });
});
