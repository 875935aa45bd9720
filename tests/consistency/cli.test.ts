/** End to end: the built CLI reports consistency findings in JSON (schema-valid) and in text, after the summary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { cleanupTempDirs } from '../helpers/gitRepo.js';
import { checkJson, PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: unknown) => void)(ajv);
const validateReport = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/report.schema.json'), 'utf8')));

function disagreeingProduct() {
  const manifest = n1Manifest();
  manifest.repository.organisation = 'OS2example';
  manifest.documentation = { install: 'docs/install.md' };
  const repo = createN1Product(manifest);
  repo.write({
    'publiccode.yml': stringify({
      publiccodeYmlVersion: '0.4', name: 'OS2example', developmentStatus: 'stable',
      usedBy: ['Aarhus Kommune', 'Odense Kommune'],
      maintenance: { type: 'contract', contractors: [{ name: 'Magenta ApS', until: '2025-12-31' }] },
      legal: { license: 'MPL-2.0' },
    }),
  });
  repo.commit('Add publiccode.yml #2', '2026-02-01T12:00:00Z');
  return repo;
}

describe('check reports where the manifest and the repository disagree', () => {
  it('lists each disagreement with both values in the JSON report', () => {
    const repo = disagreeingProduct();
    const { run, report } = checkJson(repo.dir);
    expect(run.status).toBe(0);
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    const findings = report.results[0].consistency.map((f: any) => ({ code: f.code, args: f.args }));
    expect(findings).toEqual([
      { code: 'consistency.organisation', args: { declared: 'OS2example', remote: ['OS2offdig'] } },
      { code: 'consistency.participants', args: { field: 'governance.participants', path: 'publiccode.yml', onlyManifest: ['Ballerup Kommune'], onlyPubliccode: ['Odense Kommune'] } },
      { code: 'consistency.path-missing', args: { field: 'documentation.install', path: 'docs/install.md' } },
      { code: 'consistency.contract-expired', args: { path: 'publiccode.yml', contractor: 'Magenta ApS', until: '2025-12-31' } },
      { code: 'consistency.stable-unreleased', args: { path: 'publiccode.yml', tags: 0 } },
    ]);
    for (const f of report.results[0].consistency) expect(f.message).toMatch(/\S/);
  });

  it('prints them in text after the summary and before the gaps, in Danish too', () => {
    const repo = disagreeingProduct();
    const run = runCli(['check', repo.dir, '--as-of', '2026-06-01', '--lang', 'da']);
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('os2.yaml eller publiccode.yml er uenig'));
    const firstBar = lines.findIndex((l) => /^\s+minimum\s/.test(l));
    expect(heading).toBeGreaterThan(firstBar);
    expect(run.stdout).toContain('≠ publiccode.yml: vedligeholdelsesaftalen med Magenta ApS udløb 2025-12-31.');
    const firstArea = lines.findIndex((l, i) => i > heading && /^(Dokumentation|Versionering|Licens|Relevans|Governance|Drift|Test)/.test(l));
    if (firstArea >= 0) expect(firstArea).toBeGreaterThan(heading);
  });

  it('has none when everything agrees', () => {
    const repo = createN1Product();
    const { report } = checkJson(repo.dir);
    expect(report.results[0].consistency).toEqual([]);
  });
});
