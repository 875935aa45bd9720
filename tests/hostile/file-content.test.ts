/**
 * Awkward file contents and paths, end to end. Unit tests of the readers
 * (tests/facts/readme.test.ts, licence.test.ts, fileIndex.test.ts, tests/manifest/load.test.ts,
 * tests/checks/declared.test.ts) cover the mechanisms; these assert what the CLI reports.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MPL_TEXT } from '../helpers/products.js';
import { cleanupTempDirs, createRepo, symlink, tempDir } from '../helpers/gitRepo.js';
import { expectNoCrash, factsOf, refusal, reportOf, req } from './support.js';

afterAll(cleanupTempDirs);

const PROSE =
  'OS2hostile hjælper kommunernes sagsbehandlere med at booke mødelokaler, biler og udstyr på tværs af ' +
  'forvaltninger, og giver borgerne en selvbetjeningsside til booking af offentlige faciliteter. Den ' +
  'erstatter regneark og telefonopkald med én fælles kalender, sender påmindelser og viser, hvordan ' +
  'lokalerne bruges, så forvaltningerne kan planlægge deres bygninger bedre. Æbler, øer og ålegræs.\n';
const MANIFEST = { schemaVersion: 1, product: { name: 'Tårnby' }, licence: { code: 'MPL-2.0' } };

describe('non-UTF-8 (ISO-8859-1) and UTF-8-with-BOM files', () => {
  it('reads a Latin-1 README and a BOM-prefixed LICENSE and os2.yaml with Danish letters intact', () => {
    const repo = createRepo().commit('first', undefined, {
      'README.md': Buffer.from(`# Bookingsystem for Tårnby\n\n${PROSE}`, 'latin1'),
      'LICENSE': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MPL_TEXT, 'utf8')]),
      'os2.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify(MANIFEST), 'utf8')]),
      'docs/vejledning.md': Buffer.from('# Installationsvejledning på dansk\n\nKør containeren.\n', 'latin1'),
    });
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(facts.readme.value.title).toBe('Bookingsystem for Tårnby');
    expect(facts.docs.headings.map((h: any) => h.text)).toContain('Installationsvejledning på dansk');
    expect(facts.licence.value.spdx).toBe('MPL-2.0');
    expect(facts.manifest.data.product.name).toBe('Tårnby');
    const report = reportOf(repo.dir);
    expect(report.results[0].productName).toBe('Tårnby');
    expect(req(report, 'docs.readme').outcome).toBe('pass');
    expect(req(report, 'legal.licence').outcome).toBe('pass');
  });

  it('refuses a Latin-1 os2.yaml (YAML must be UTF-8) with a clear error', () => {
    const repo = createRepo().commit('first', undefined, { 'os2.yaml': Buffer.from(stringify(MANIFEST), 'latin1') });
    expect(refusal(repo.dir).stderr).toMatch(/os2\.yaml.*UTF-8/);
  });
});

describe('binary files where text is expected', () => {
  const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0]);

  it('reports a binary README, LICENSE, CHANGELOG, CI file and coverage report as unreadable evidence, not as text', () => {
    const repo = createRepo().commit('first', undefined, {
      'README.md': binary,
      'LICENSE': binary,
      'CHANGELOG.md': binary,
      'SECURITY.md': binary,
      '.gitlab-ci.yml': binary,
      'Jenkinsfile': binary,
      'coverage/lcov.info': binary,
      'publiccode.yml': binary,
    });
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(run.status).toBe(0);
    expect(facts.readme.status).toBe('unknown');
    expect(facts.licence.status).toBe('unknown');
    expect(facts.coverage.reports).toEqual([]);
    expect(facts.coverage.failures.map((f: any) => f.path)).toContain('coverage/lcov.info');
    expect(facts.ci.steps).toEqual([]);
    const report = reportOf(repo.dir);
    // Could not be read is unknown, never a pass and never "there is no README".
    expect(req(report, 'docs.readme').outcome).toBe('unknown');
    expect(req(report, 'legal.licence').outcome).toBe('unknown');
  });

  it('refuses a binary os2.yaml with exit 2', () => {
    const repo = createRepo().commit('first', undefined, { 'os2.yaml': binary });
    refusal(repo.dir);
  });
});

describe('a huge README: a bounded prefix is read', () => {
  it('reads the prefix of a 64 MB README, says so, and stays within memory', () => {
    const repo = createRepo();
    const line = 'Bookingsystemet samler lokaler, biler og udstyr i én kalender for alle forvaltninger. ';
    writeFileSync(join(repo.dir, 'README.md'), `# Huge\n\n${line.repeat(Math.ceil((64 * 1024 * 1024) / line.length))}\n`);
    repo.commit('huge readme');
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(run.status).toBe(0);
    expect(facts.readme.value).toMatchObject({ title: 'Huge', truncated: true });
    expect(req(reportOf(repo.dir), 'docs.readme').outcome).toBe('pass');
  });
});

describe('README and LICENSE symlinks: followed inside the repository, not outside', () => {
  it('follows README and LICENSE links that stay inside', () => {
    const repo = createRepo({ 'docs/README.md': `# Inside\n\n${PROSE}`, 'legal/MPL-2.0.txt': MPL_TEXT });
    symlink(repo.dir, 'README.md', 'docs/README.md');
    symlink(repo.dir, 'LICENSE', 'legal/MPL-2.0.txt');
    repo.commit('links');
    const report = reportOf(repo.dir);
    expect(req(report, 'docs.readme').outcome).toBe('pass');
    expect(req(report, 'legal.licence')).toMatchObject({ outcome: 'pass' });
    expect(JSON.stringify(req(report, 'legal.licence').evidence)).toContain('LICENSE');
  });

  it('does not follow README and LICENSE links that leave the repository, and reports them', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'README.md'), `# Secret outside\n\n${PROSE}`);
    writeFileSync(join(outside, 'LICENSE'), MPL_TEXT);
    const repo = createRepo({ 'main.c': 'int main(void) { return 0; }\n' });
    symlink(repo.dir, 'README.md', join(outside, 'README.md'));
    symlink(repo.dir, 'LICENSE', '../' + outside.split('/').pop() + '/LICENSE');
    repo.commit('links out');
    const { run, facts } = factsOf(repo.dir);
    expectNoCrash(run);
    expect(facts.files.symlinksOutside.sort()).toEqual(['LICENSE', 'README.md']);
    expect(run.stdout).not.toContain('Secret outside');
    const report = reportOf(repo.dir);
    expect(JSON.stringify(report)).not.toContain('Secret outside');
    expect(req(report, 'docs.readme').outcome).not.toBe('pass');
    expect(req(report, 'legal.licence').outcome).not.toBe('pass');
  });
});

describe('a manifest path like ../../etc/passwd is refused', () => {
  it('refuses declared document and coverage-report paths that climb out, and reads nothing there', () => {
    const repo = createRepo().commit('first', undefined, {
      'os2.yaml': stringify({
        ...MANIFEST,
        legal: { procurement: { document: '../../etc/passwd' }, lawfulness: { statement: 'GDPR', dataProcessingAgreements: ['/etc/passwd'] } },
        quality: { coverage: { report: ['../../etc/passwd', '/etc/shadow'] } },
      }),
    });
    const report = reportOf(repo.dir);
    expect(req(report, 'legal.procurement')).toMatchObject({ outcome: 'fail', code: 'declared.path-outside', args: { path: '../../etc/passwd' } });
    expect(req(report, 'legal.lawfulness')).toMatchObject({ outcome: 'fail', code: 'declared.path-outside' });
    const { facts } = factsOf(repo.dir);
    expect(facts.coverage.reports).toEqual([]);
    expect(facts.coverage.failures).toEqual([
      { path: '../../etc/passwd', reason: expect.stringMatching(/^outside-repository/) },
      { path: '/etc/shadow', reason: expect.stringMatching(/^outside-repository/) },
    ]);
    expect(JSON.stringify(report)).not.toMatch(/root:x:0:0/);
  });

  it('refuses an os2.yaml that is a symlink out of the repository', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'os2.yaml'), stringify(MANIFEST));
    const repo = createRepo({ 'a.txt': 'a\n' });
    symlink(repo.dir, 'os2.yaml', join(outside, 'os2.yaml'));
    repo.commit('link');
    expect(refusal(repo.dir).stderr).toMatch(/os2\.yaml.*outside/);
  });
});
