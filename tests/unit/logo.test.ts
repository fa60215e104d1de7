/**
 * The logo is published as a PNG drawn from a cleaned SVG: no script survives, and no file of the
 * build machine that an SVG names is ever drawn into it.
 */
import { describe, expect, test } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { LOGO_HEIGHT, logoPng, sanitiseSvg } from '../../src/render/logo.ts';
import { fixture, projectRoot } from '../helpers/content.ts';
import { redPixels } from '../helpers/images.ts';

const red = path.join(fixture('outside'), 'red.png');

function logoFile(svg: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'trustbook logo '));
  const file = path.join(dir, 'logo.svg');
  writeFileSync(file, svg);
  return { path: 'logo.svg', realPath: file, kind: 'svg' as const };
}

describe('an SVG logo', () => {
  test('loses scripts, event handlers, foreign objects and every reference to another file', () => {
    const cleaned = sanitiseSvg(`<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY file SYSTEM "file:///etc/passwd">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10" onload="alert(1)">
  <script>alert(2)</script>
  <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">&file;</div></foreignObject>
  <image xlink:href="${red}" width="10" height="10"/>
  <image href="file://${red}" width="10" height="10"/>
  <use href="other.svg#icon"/>
  <rect style="fill: url(/etc/x)" width="1" height="1"/>
  <style>@import url(https://evil.example/x.css);</style>
  <a href="javascript:alert(3)"><rect fill="url(#g)" width="2" height="2"/></a>
</svg>`);
    expect(cleaned).not.toMatch(/script|alert|onload|foreignObject|passwd|red\.png|other\.svg|\/etc\/x|@import|ENTITY|DOCTYPE/i);
    expect(cleaned).toContain('fill="url(#g)"');
  });

  test('that names a PNG outside the content folder is drawn without it', () => {
    for (const href of [red, path.relative(projectRoot, red), path.relative(process.cwd(), red)]) {
      const png = logoPng(logoFile(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="16" height="16"><image xlink:href="${href}" width="16" height="16"/><image href="${href}" width="16" height="16"/><circle cx="8" cy="8" r="4" fill="#2457d6"/></svg>`));
      expect(redPixels(png), href).toBe(0);
    }
    // The check is real: resvg draws that file when it is not removed first.
    const unguarded = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><image href="${red}" width="16" height="16"/></svg>`).render().asPng();
    expect(redPixels(unguarded)).toBeGreaterThan(100);
  });

  test('with a prefixed href or a prefixed script, whatever namespace the prefix names, is drawn without it', () => {
    const variants = [
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" width="16" height="16"><image s:href="${red}" width="16" height="16"/></svg>`,
      `<s:svg xmlns:s="http://www.w3.org/2000/svg" width="16" height="16"><s:image s:href="${red}" width="16" height="16"/></s:svg>`,
      `<svg xmlns="http://www.w3.org/2000/svg" xmlns:q="urn:anything" width="16" height="16"><image q:href="${red}" width="16" height="16"/></svg>`,
    ];
    for (const svg of variants) expect(redPixels(logoPng(logoFile(svg))), svg).toBe(0);
    expect(sanitiseSvg(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script><s:foreignObject/></svg>`)).not.toMatch(/script|alert|foreignObject/i);
  });

  test('too large to draw, or slow to draw, is refused or made cheap before a pixel is drawn', () => {
    // 100 bytes that would need 14.7 GB drawn at the logo height.
    expect(() => logoPng(logoFile('<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="1"><rect width="5" height="1"/></svg>'))).toThrow(/pixels wide; a logo must be between 1 and 4096/);
    // A PNG header that claims 30000 × 30000 pixels, as a file and embedded in an SVG.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(30000, 16);
    header.writeUInt32BE(30000, 20);
    const dir = mkdtempSync(path.join(tmpdir(), 'trustbook logo '));
    writeFileSync(path.join(dir, 'huge.png'), header);
    expect(() => logoPng({ path: 'huge.png', realPath: path.join(dir, 'huge.png'), kind: 'png' })).toThrow(/30000×30000 pixels; at most 4096×4096/);
    expect(() => logoPng(logoFile(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><image href="data:image/png;base64,${header.toString('base64')}" width="16" height="16"/></svg>`))).toThrow(/embeds is 30000×30000/);
    // Filters cost minutes for a few bytes; a logo needs none, so they are dropped.
    const filtered = sanitiseSvg(`<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><filter id="f"><feMorphology radius="8"/></filter><rect width="16" height="16" filter="url(#f)" style="filter: blur(9px)"/></svg>`);
    expect(filtered).not.toMatch(/filter|feMorphology/i);
  });

  test('keeps an embedded raster image and its own shapes, drawn at the logo height', () => {
    const embedded = `data:image/png;base64,${new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#ff0000"/></svg>').render().asPng().toString('base64')}`;
    const png = logoPng(logoFile(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><image href="${embedded}" width="16" height="16"/></svg>`));
    expect(png.readUInt32BE(20)).toBe(LOGO_HEIGHT);
    expect(redPixels(png)).toBeGreaterThan(LOGO_HEIGHT * LOGO_HEIGHT * 0.9);
  });

  test('that cannot be drawn says why', () => {
    expect(() => logoPng(logoFile('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>'))).toThrow(/invalid size/);
    expect(() => logoPng(logoFile('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/'))).toThrow(/Missing equals sign/);
    expect(() => logoPng(logoFile('<html><body>not an svg</body></html>'))).toThrow(/not <svg>/);
  });
});
