import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { THEME } from './theme.js';

let fonts: string[] | undefined;

/**
 * The fonts ship with the package (dejavu-fonts-ttf), found through Node's resolution so the
 * path holds wherever npm put node_modules; a host with no fonts installed still gets text.
 * resvg-js 2.6 takes font files, not buffers, so the paths are worked out once and it opens them
 * per render: under 0.1 ms for the two faces, measured, against 40 ms for a big chart.
 */
function fontFiles(): string[] {
  if (fonts) return fonts;
  const root = dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json'));
  return (fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((name) => join(root, 'ttf', name)));
}

/** The SVG as a PNG at its own size, drawn in process with the shipped fonts only. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: fontFiles(), loadSystemFonts: false, defaultFontFamily: THEME.font },
    // Smooth edges on lines and text: the image is scaled down by Discord, crisp edges alias.
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
