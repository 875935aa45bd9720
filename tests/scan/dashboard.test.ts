/**
 * The HTML dashboard in a real browser (Debian's Chromium through playwright-core): it sorts,
 * filters, opens a drill-down with the gap and its remediation, and shows a product named like an
 * HTML payload as text without running anything. A screenshot is kept in tests/artifacts/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toolMissing } from '../helpers/requiredTool.js';
import { PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { buildPortfolio, XSS_NAME } from './portfolio.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(PROJECT_ROOT, 'tests', 'artifacts');

let browser: Browser;
let html: string;

// Debian's Chromium, never a downloaded browser: skipped with one line locally without it, a failure under CI.
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) toolMissing(`Chromium (${CHROMIUM}, for the dashboard test)`, 'apt-get install -y chromium');

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  const p = buildPortfolio({ xss: true });
  html = join(tempDir(), 'dashboard.html');
  const run = runCli(['scan', p.file, '--format', 'html', '--output', html, '--cache-dir', tempDir(), '--as-of', '2026-06-01', '--retries', '0']);
  expect(run.status, run.stderr).toBe(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  cleanupTempDirs();
});

describe.skipIf(!HAVE_CHROMIUM)('scan dashboard', () => {
  it('sorts, filters and drills down, and shows a hostile product name as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const dialogs: string[] = [];
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      (window as any).__ran = false;
      (window as any).alert = () => ((window as any).__ran = true);
    });
    await page.goto(pathToFileURL(html).href);
    const names = (): Promise<string[]> => page.locator('#rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-name') ?? ''));

    expect(errors).toEqual([]);
    expect(await names()).toHaveLength(10);
    // Sorted by name by default; a header click sorts by level, descending on a second click.
    await page.click('[data-testid=sort-level]');
    await page.click('[data-testid=sort-level]');
    expect(await page.getAttribute('[data-testid=sort-level]', 'aria-sort')).toBe('descending');
    expect((await names())[0]).toBe('OS2n2');
    await page.click('[data-testid=sort-level]');
    expect((await names()).slice(-1)[0]).toBe('OS2n2');

    // Filters: by text, then by level.
    await page.fill('[data-testid=filter]', 'os2split');
    expect((await names()).sort()).toEqual(['OS2split', 'OS2split-code-only']);
    await page.fill('[data-testid=filter]', '');
    await page.selectOption('[data-testid=level-filter]', 'error');
    expect(await names()).toHaveLength(5);
    await page.selectOption('[data-testid=level-filter]', '1');
    expect((await names()).sort()).toEqual(['OS2booking', 'OS2split', XSS_NAME].sort());

    // The hostile name is a table cell's text, and no element was made of it.
    const row = page.locator('#rows tr').filter({ has: page.getByText(XSS_NAME, { exact: true }) });
    expect(await row.count()).toBe(1);
    expect(await page.locator('img').count()).toBe(0);

    // Drill-down: the gap to the next level, each with what to do.
    await row.locator('[data-testid=open]').click();
    await expect.poll(() => page.textContent('[data-testid=detail-name]')).toBe(XSS_NAME);
    const gap = page.locator('[data-testid=gap-item]');
    expect(await gap.count()).toBeGreaterThan(0);
    expect(await gap.first().textContent()).toMatch(/What to do: /);
    await page.selectOption('[data-testid=level-filter]', 'all');
    await page.locator('#rows tr[data-name=Missing] [data-testid=open]').click();
    expect(await page.textContent('[data-testid=detail-error]')).toMatch(/^not-found: /);
    await page.locator('#rows tr').filter({ has: page.getByText(XSS_NAME, { exact: true }) }).locator('[data-testid=open]').click();

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'scan-dashboard.png'), fullPage: true });

    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as any).__ran)).toBe(false);
    expect(await page.locator('img').count()).toBe(0);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
