/**
 * The dashboard in every mode, in a real headless Chromium (Debian's, through playwright-core):
 * normal, compare (`--compare` with items that turned red and green) and Danish. Every product is
 * opened from the table and from the matrix; the matrix is sorted and filtered by theme and level.
 * Any page error or console error fails the test. Screenshots (normal, compare, a drill-down,
 * Danish) go to $OS2LEVEL_SCREENSHOTS (default tests/artifacts/dashboard), for a person to look at:
 * `npm run screenshots`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolMissing } from '../helpers/requiredTool.js';
import { PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { buildPortfolio, XSS_NAME } from './portfolio.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = resolve(PROJECT_ROOT, process.env.OS2LEVEL_SCREENSHOTS ?? join('tests', 'artifacts', 'dashboard'));
const AS_OF = '2026-06-01';
const LATER = '2026-09-01';

const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) toolMissing(`Chromium (${CHROMIUM}, for the dashboard test)`, 'apt-get install -y chromium');

let context: BrowserContext;
const pages: Record<'normal' | 'compare' | 'danish', string> = { normal: '', compare: '', danish: '' };
let names: string[];

function scanHtml(file: string, cacheDir: string, extra: string[]): string {
  const out = join(tempDir(), 'dashboard.html');
  const run = runCli(['scan', file, '--format', 'html', '-o', out, '--cache-dir', cacheDir, '--retries', '0', ...extra]);
  expect(run.status, run.stderr).toBe(0);
  return out;
}

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  const p = buildPortfolio({ xss: true });
  names = p.names;
  const cacheDir = tempDir('os2level-cache-');
  const previous = join(tempDir(), 'previous.json');
  const first = runCli(['scan', p.file, '--format', 'json', '-o', previous, '--cache-dir', cacheDir, '--as-of', AS_OF, '--retries', '0']);
  expect(first.status, first.stderr).toBe(0);
  pages.normal = scanHtml(p.file, cacheDir, ['--as-of', AS_OF]);
  pages.danish = scanHtml(p.file, cacheDir, ['--as-of', AS_OF, '--lang', 'da']);
  // Between the scans one product loses its licence (items turn red), and the N2 one adds a changelog.
  p.repos.n1.git(['rm', '-q', 'LICENSE']);
  p.repos.n1.commit('Remove the licence #9', '2026-07-01T12:00:00Z');
  writeFileSync(join(p.repos.n2.dir, 'CHANGELOG.md'), '# Changelog\n\n## 1.0.0 - 2026-07-01\n\n- First release.\n');
  p.repos.n2.commit('Changelog #10', '2026-07-01T12:00:00Z');
  pages.compare = scanHtml(p.file, cacheDir, ['--as-of', LATER, '--compare', previous]);
  context = await chromium.launchPersistentContext(tempDir('os2level-chromium-'), {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1600, height: 1000 },
  });
}, 240_000);

afterAll(async () => {
  await context?.close();
  cleanupTempDirs();
});

/** Opens a page and records every page error, console error and request off the file. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
}

const shot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
};

/** Opens every product from the table and from the matrix; each drill-down names it. */
async function clickThrough(page: Page): Promise<void> {
  for (const testid of ['open', 'matrix-open']) {
    const buttons = page.locator(`[data-testid=${testid}]`);
    const count = await buttons.count();
    expect(count).toBe(names.length);
    for (let i = 0; i < count; i++) {
      const name = await buttons.nth(i).textContent();
      await buttons.nth(i).click();
      expect(await page.textContent('[data-testid=detail-name]')).toBe(name);
    }
  }
  await page.click('[data-testid=close]');
  expect(await page.locator('[data-testid=detail]').isHidden()).toBe(true);
}

describe.skipIf(!HAVE_CHROMIUM)('the dashboard in every mode', () => {
  it('normal mode: the matrix has 43 item columns in template order, sorts and filters; every product opens; no error', async () => {
    const { page, errors, requests } = await open(pages.normal);
    expect(await page.locator('[data-testid=matrix-col]').count()).toBe(43);
    const ids = await page.locator('[data-testid=matrix-col]').allTextContents();
    expect(ids.slice(0, 6)).toEqual(['R1', 'R2', 'R3', 'R4', 'F1', 'F2']);
    expect(ids.at(-1)).toBe('G14');
    expect(await page.locator('#matrix-head th.theme').allTextContents()).toEqual(['Relevance', 'Formal requirements', 'Strategic fit', 'Governance']);
    // Every cell carries one of OS2's colours or "unknown".
    const statuses = new Set(await page.locator('#matrix-rows .cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status'))));
    expect([...statuses].every((s) => ['m', 'p', 'n', 'x', 'u'].includes(s!))).toBe(true);
    expect(statuses.has('m') && statuses.has('n')).toBe(true);
    // Filter by theme, then by level.
    await page.selectOption('[data-testid=theme-filter]', 'governance');
    expect((await page.locator('[data-testid=matrix-col]').allTextContents()).every((id) => id.startsWith('G'))).toBe(true);
    await page.selectOption('[data-testid=item-level-filter]', '3');
    expect(await page.locator('[data-testid=matrix-col]').allTextContents()).toEqual(['G11', 'G12', 'G13', 'G14']);
    await page.selectOption('[data-testid=theme-filter]', 'all');
    await page.selectOption('[data-testid=item-level-filter]', 'all');
    // Sort by an item: products that meet R1 first.
    await page.locator('[data-testid=matrix-col]', { hasText: /^F1$/ }).click();
    const firstStatus = await page.locator('#matrix-rows tr').first().locator('.cell').nth(4).getAttribute('data-status');
    expect(firstStatus).toBe('m');
    // Official beside measured, disagreements first in the table and listed apart.
    const disagreements = await page.locator('[data-testid=disagreement]').allTextContents();
    expect(disagreements.length).toBeGreaterThan(0);
    const firstRow = page.locator('#rows tr').first();
    expect(await firstRow.getAttribute('class')).toContain('disagree');
    // A legend for every symbol, and the full width used.
    expect(await page.textContent('[data-testid=legend]')).toMatch(/partly met[\s\S]*not relevant[\s\S]*Documentation/);
    const width = await page.evaluate(() => document.querySelector('main')!.getBoundingClientRect().width);
    expect(width).toBeGreaterThan(1500);
    await shot(page, 'normal');
    await page.locator(`#rows tr[data-name="OS2n2"] [data-testid=open]`).click();
    await shot(page, 'drill-down');
    await clickThrough(page);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#rows tr').filter({ has: page.getByText(XSS_NAME, { exact: true }) }).count()).toBe(1);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('compare mode: levels per scan, items turned green or red by title; every product opens; no error', async () => {
    const { page, errors } = await open(pages.compare);
    expect(await page.locator('[data-testid=history-chart] .stack').count()).toBe(2);
    const red = await page.locator('[data-testid=turned-red]').allTextContents();
    expect(red.some((t) => t.includes('OS2booking') && /: [A-Z]\d+ — \S/.test(t))).toBe(true);
    await page.locator('#rows tr[data-name="OS2booking"] [data-testid=open]').click();
    expect(await page.locator('[data-testid=detail-red] li').count()).toBeGreaterThan(0);
    // Newly met and lost requirements by title, not only by id.
    expect(await page.locator('[data-testid=detail-lost] li').first().textContent()).toMatch(/^[a-z-]+\.[a-z-]+ — \S/);
    await shot(page, 'compare');
    await clickThrough(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Danish: headings, legend and area chips in Danish; every product opens; no error', async () => {
    const { page, errors } = await open(pages.danish);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    expect(await page.textContent('[data-testid=legend]')).toMatch(/Signaturforklaring[\s\S]*delvist opfyldt[\s\S]*Dokumentation/);
    expect(await page.locator('#matrix-head th.theme').allTextContents()).toEqual(['Relevans', 'Formkrav', 'Strategisk sammenhæng', 'Governance']);
    const chips = await page.locator('#rows .area').allTextContents();
    expect(chips.some((c) => c.startsWith('dok'))).toBe(true);
    expect(chips.some((c) => c.startsWith('doc'))).toBe(false);
    await shot(page, 'danish');
    await clickThrough(page);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
