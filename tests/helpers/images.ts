/** Looking inside the images Trustbook draws. */
import { Resvg } from '@resvg/resvg-js';

/** How many pixels of a PNG are pure red: the colour of `tests/fixtures/outside/red.png`, a file no output may contain. */
export function redPixels(png: Buffer): number {
  // resvg decodes the PNG for us: drawn at its own size, its pixels come back as RGBA.
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const pixels = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`).render().pixels;
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! > 200 && pixels[i + 1]! < 40 && pixels[i + 2]! < 40 && pixels[i + 3]! > 200) n++;
  return n;
}
