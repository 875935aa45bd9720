/**
 * `check --explanations` end to end: a manifest with a valid, an expired and an undated explanation,
 * listed for a steering group as a table (en/da) and as a JSON array.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs } from '../helpers/gitRepo.js';
import { runCli } from '../helpers/cli.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

function product() {
  const m = n1Manifest();
  m.explanations = {
    'docs.interfaces': { reason: 'The product has no interfaces yet; an API is planned for 2027.', approvedBy: 'steering group', approvedOn: '2025-03-04', expires: '2027-03-01' },
    'versioning.releases': { reason: 'Releases are cut by the supplier.', approvedBy: 'steering group, 2024-01-10', expires: '2025-12-31' },
    'docs.contributing': { reason: 'Contributions go through the coordination group.' },
  };
  return createN1Product(m);
}

const run = (dir: string, extra: string[]) => runCli(['check', dir, '--as-of', '2026-06-01', '--explanations', ...extra]);

describe('check --explanations', () => {
  const repo = product();

  it('--format json: one entry per explanation with age, approver, expiry and whether it expired', () => {
    const r = run(repo.dir, ['--format', 'json']);
    expect(r.status, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout);
    expect(list.map((e: any) => e.id).sort()).toEqual(['docs.contributing', 'docs.interfaces', 'versioning.releases']);
    const byId = Object.fromEntries(list.map((e: any) => [e.id, e]));
    expect(byId['docs.interfaces']).toMatchObject({
      outcome: 'explained', approvedBy: 'steering group', approvedOn: '2025-03-04', ageDays: 454, expires: '2027-03-01', expired: false, level: 1, strength: 'should',
    });
    expect(byId['docs.interfaces'].title).toMatch(/interfaces/i);
    // Expired: counts as missing, so the requirement is not met; the date in approvedBy gives the age.
    expect(byId['versioning.releases']).toMatchObject({ outcome: 'fail', approvedOn: '2024-01-10', ageDays: 873, expires: '2025-12-31', expired: true });
    expect(byId['docs.contributing']).toMatchObject({ outcome: 'explained', approvedBy: null, approvedOn: null, ageDays: null, expires: null, expired: false });
    for (const e of list) expect(Object.keys(e).sort()).toEqual(['ageDays', 'approvedBy', 'approvedOn', 'expired', 'expires', 'id', 'level', 'outcome', 'path', 'reason', 'strength', 'title']);
  });

  it('as text: a table with every explanation, the expired one flagged', () => {
    const r = run(repo.dir, ['--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Explanations in os2\.yaml \(3\)/);
    expect(r.stdout).toMatch(/requirement\s+outcome\s+approved by\s+approved\s+age \(days\)\s+expires/);
    expect(r.stdout).toMatch(/docs\.interfaces\s+explained\s+steering group\s+2025-03-04\s+454\s+2027-03-01\n/);
    expect(r.stdout).toMatch(/versioning\.releases\s+not met\s+steering group, 2024-01-10\s+2024-01-10\s+873\s+2025-12-31 EXPIRED/);
    expect(r.stdout).toMatch(/docs\.contributing\s+explained\s+—\s+—\s+—\s+—/);
    expect(r.stdout).toContain('reason: Releases are cut by the supplier.');
    expect(r.stdout).toMatch(/1 expired: they count as missing until renewed\./);
    // Not the report: no progress bars.
    expect(r.stdout).not.toMatch(/█|░/);
  });

  it('in Danish', () => {
    const r = run(repo.dir, ['--lang', 'da']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Forklaringer i os2\.yaml \(3\)/);
    expect(r.stdout).toMatch(/krav\s+resultat\s+godkendt af\s+godkendt\s+alder \(dage\)\s+udløber/);
    expect(r.stdout).toMatch(/versioning\.releases\s+ikke opfyldt\s+.*2025-12-31 UDLØBET/);
    expect(r.stdout).toContain('begrundelse: Contributions go through the coordination group.');
  });

  it('says so when there are none, and the gate still decides the exit code', () => {
    const plain = createN1Product();
    const r = run(plain.dir, ['--lang', 'en', '--min-level', '1']);
    expect(r.stdout).toBe('No explanations in os2.yaml.\n');
    expect(r.status).toBe(0);
    expect(JSON.parse(run(plain.dir, ['--format', 'json']).stdout)).toEqual([]);
    // The expired explanation leaves versioning.releases (N2) unmet: the gate at N2 fails as with the report.
    expect(run(repo.dir, ['--min-level', '2']).status).toBe(1);
  });

  it('is a listing of its own, not a --format: other formats are a usage error (exit 2)', () => {
    const r = run(repo.dir, ['--format', 'sarif']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--explanations/);
  });
});
