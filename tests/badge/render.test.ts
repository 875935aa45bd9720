/**
 * The level badges rendered by a real browser, as an <img> the way READMEs show them: each SVG must
 * load without errors, paint the level's colour, and is saved as tests/artifacts/badge-<level>.png
 * to look at. Needs Chromium at /usr/bin/chromium (`apt-get install -y chromium`; CI installs it):
 * without it this test fails rather than skips, so a missing browser cannot pass unnoticed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolMissing } from '../helpers/requiredTool.js';
import { levelBadge } from '../../src/badge/badge.js';
import { badgeSvg } from '../../src/badge/svg.js';
import type { LevelNumber } from '../../src/levels/types.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const LEVELS: (LevelNumber | null)[] = [null, 0, 1, 2, 3];

let browser: Browser;

// Debian's Chromium, never a downloaded browser: skipped with one line locally without it, a failure under CI.
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) toolMissing(`Chromium (${CHROMIUM}, to render the badges)`, 'apt-get install -y chromium');

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const rgb = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

describe.skipIf(!HAVE_CHROMIUM)('badge rendered in Chromium', () => {
  it.each(LEVELS)('level %s renders without errors, in its colour, to a PNG of the badge size', async (level) => {
    const badge = levelBadge(level, 'da');
    const svg = badgeSvg(badge);
    const width = Number(/<svg[^>]*\swidth="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const height = Number(/<svg[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    const page = await browser.newPage({ viewport: { width: 400, height: 100 }, deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
    page.on('requestfailed', (r) => errors.push(`requestfailed: ${r.url().slice(0, 60)}`));
    try {
      const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff"><img id="badge" alt="${badge.message}" src="${src}"></body></html>`);
      const img = page.locator('#badge');
      await page.waitForFunction(() => (document.getElementById('badge') as HTMLImageElement).complete);
      // An SVG the browser cannot parse loads as a broken image with no natural size.
      const natural = await img.evaluate((el: HTMLImageElement) => ({ w: el.naturalWidth, h: el.naturalHeight }));
      expect(natural).toEqual({ w: width, h: height });
      // The level's colour is painted (shields' flat style lays a faint gradient over it).
      const [r, g, b] = rgb(badge.hex);
      const closest = await img.evaluate((el: HTMLImageElement, [r, g, b]) => {
        const canvas = document.createElement('canvas');
        canvas.width = el.naturalWidth;
        canvas.height = el.naturalHeight;
        const c = canvas.getContext('2d')!;
        c.drawImage(el, 0, 0);
        const data = c.getImageData(0, 0, canvas.width, canvas.height).data;
        let best = Infinity;
        for (let i = 0; i < data.length; i += 4) best = Math.min(best, Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b));
        return best;
      }, [r, g, b] as const);
      expect(closest).toBeLessThanOrEqual(24);
      const png = await img.screenshot({ type: 'png' });
      const file = `${ARTIFACTS}badge-${level ?? 'none'}.png`;
      writeFileSync(file, png);
      expect(pngSize(readFileSync(file))).toEqual({ width: Math.ceil(width), height: Math.ceil(height) });
      expect(png.length).toBeGreaterThan(200);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
