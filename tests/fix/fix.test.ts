/**
 * `os2level fix` end to end on real git repositories, asserted through `check --format json`; plus
 * parity of templates/fixes.yaml with the catalogue and honesty of the templates.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { headingMatcher } from '../../src/checks/textMatch.js';
import { loadFixData, loadTemplates } from '../../src/fix/templates.js';
import { renderTemplate } from '../../src/fix/render.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';
import { checkJson, runCli } from '../helpers/cli.js';
import { loadTestCatalogue } from '../helpers/facts.js';
import { MPL_TEXT, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

/** A repository with only code, tests, a licence and a manifest: no README, docs or policies. */
function codeOnly(manifest: Record<string, any> = n1Manifest()) {
  const repo = createRepo({
    'src/app.py': 'print("hello")\n',
    'tests/test_app.py': 'def test_app():\n    assert True\n',
    'pyproject.toml': '[project]\nname = "os2example"\n',
    'LICENSE': MPL_TEXT,
    'os2.yaml': stringify(manifest),
  });
  repo.remote('origin', 'https://github.com/OS2offdig/os2example.git');
  repo.commit('Initial import #1', '2026-01-15T12:00:00Z');
  repo.tag('v1.0.0', { message: 'Release 1.0.0', date: '2026-01-20T12:00:00Z' });
  return repo;
}

/** Every file under dir (outside .git) with its content, for byte-for-byte comparison. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name === '.git') continue;
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[relative(dir, full)] = readFileSync(full, 'latin1');
    }
  };
  walk(dir);
  return out;
}

const outcomes = (report: any): Record<string, string> => Object.fromEntries(report.results[0].requirements.map((r: any) => [r.id, r.outcome]));

describe('fix --to-level 1 on a repository with only code and a manifest', () => {
  it('closes what it can fill from os2.yaml and the repository; a section still a placeholder fails with "still a placeholder"', async () => {
    const repo = codeOnly();
    const before = outcomes(checkJson(repo.dir).report);
    const run = runCli(['fix', '--to-level', '1', repo.dir, '--lang', 'en', '--as-of', '2026-06-01']);
    expect(run.status, run.stderr).toBe(0);
    const { report } = checkJson(repo.dir);
    const after = outcomes(report);

    const catalogue = await loadTestCatalogue();
    const data = await loadFixData();
    const closable = new Set(data.fixes.map((f) => f.requirement));
    const repoDecided = catalogue.requirements.filter((r) => r.level <= 1 && r.evidence.includes('repo') && closable.has(r.id));
    expect(repoDecided.map((r) => r.id)).toEqual(expect.arrayContaining(['docs.install', 'docs.technical', 'operations.requirements', 'security.considered', 'docs.contributing']));
    const messages = Object.fromEntries(report.results[0].requirements.map((r: any) => [r.id, r.message]));
    for (const r of repoDecided) {
      if (r.id === 'security.disclosure') continue;
      // Met, or not met because what fix wrote is still a placeholder to fill in, and the report says so.
      if (after[r.id] !== 'pass') expect(`${after[r.id]} ${messages[r.id]}`, r.id).toMatch(/^fail .*still a placeholder/);
    }
    // These failed before; the files close them, or say they are still placeholders.
    for (const id of ['docs.install', 'docs.technical', 'operations.requirements', 'security.considered', 'docs.contributing']) expect(before[id], id).toBe('fail');
    // SECURITY.md with only placeholders does not meet security.considered (a minimum must).
    expect(after['security.considered']).toBe('fail');
    expect(messages['security.considered']).toMatch(/still a placeholder/);
    expect(after['docs.contributing']).toBe('pass');
    // Honesty: no contact was declared, so none was invented and disclosure still fails, and the output says why.
    expect(after['security.disclosure']).toBe('fail');
    expect(run.stdout).toMatch(/security\.disclosure stays unmet/);
    expect(readFileSync(join(repo.dir, 'SECURITY.md'), 'utf8')).not.toMatch(/@|https?:\/\//);
    // New files are marked for git (intent to add), not committed.
    expect(repo.git(['status', '--porcelain'])).toMatch(/^ A README\.md$/m);
    expect(repo.git(['rev-list', '--count', 'HEAD']).trim()).toBe('1');
  });

  it('uses a declared security contact, which then closes security.disclosure from the file', () => {
    const manifest = n1Manifest();
    manifest.security = { contact: 'security@os2example.dk' };
    const repo = codeOnly(manifest);
    expect(runCli(['fix', '--to-level', '1', repo.dir, '--lang', 'da']).status).toBe(0);
    const req = checkJson(repo.dir).report.results[0].requirements.find((r: any) => r.id === 'security.disclosure');
    expect(req.outcome).toBe('pass');
    expect(req.basis).toBe('verified');
    expect(readFileSync(join(repo.dir, 'SECURITY.md'), 'utf8')).toContain('# Sikkerhed');
  });

  it('changes nothing the second time (byte-identical tree)', () => {
    const repo = codeOnly();
    expect(runCli(['fix', '--to-level', '2', repo.dir]).status).toBe(0);
    const first = tree(repo.dir);
    const second = runCli(['fix', '--to-level', '2', repo.dir]);
    expect(second.status).toBe(0);
    expect(second.stdout).not.toMatch(/^(created|added)/m);
    expect(tree(repo.dir)).toEqual(first);
  });

  it('--dry-run lists what it would write and writes nothing', () => {
    const repo = codeOnly();
    const before = tree(repo.dir);
    const run = runCli(['fix', '--to-level', '1', repo.dir, '--dry-run', '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^would create README\.md/m);
    expect(run.stdout).toMatch(/^would create SECURITY\.md/m);
    expect(tree(repo.dir)).toEqual(before);
    expect(repo.git(['status', '--porcelain'])).toBe('');
  });
});

describe('fix extends existing files without altering them', () => {
  it('appends missing README sections and a code-style section after the existing content', () => {
    const readme = '# OS2example\n\nExisting text that stays exactly as it is.\n\n## Usage\n\nRun it.';
    const contributing = '# Contributing\n\nSend pull requests.\n';
    const repo = codeOnly();
    repo.commit('docs', '2026-02-01T12:00:00Z', { 'README.md': readme, 'CONTRIBUTING.md': contributing });
    expect(runCli(['fix', '--to-level', '2', repo.dir, '--lang', 'en']).status).toBe(0);
    const newReadme = readFileSync(join(repo.dir, 'README.md'), 'utf8');
    expect(newReadme.startsWith(readme + '\n\n')).toBe(true);
    expect(newReadme).toMatch(/\n## Requirements\n[\s\S]*\n## Installation\n[\s\S]*\n## Operations\n/);
    expect(newReadme).not.toMatch(/\n## Purpose\n/); // the README already describes the product via os2.yaml
    const newContributing = readFileSync(join(repo.dir, 'CONTRIBUTING.md'), 'utf8');
    expect(newContributing.startsWith(contributing)).toBe(true);
    expect(newContributing).toContain('\n## Code style\n');
    const after = outcomes(checkJson(repo.dir).report);

    // Sections written with placeholders to fill in do not count until they are filled in.
    for (const id of ['docs.install', 'operations.requirements', 'operations.setup', 'docs.coding-standards', 'versioning.changelog']) expect(after[id], id).not.toBe('pass');
  });

  it('seeds CHANGELOG.md from version tags, so the newest release is covered', () => {
    const repo = codeOnly();
    expect(runCli(['fix', '--to-level', '3', repo.dir]).status).toBe(0);
    expect(readFileSync(join(repo.dir, 'CHANGELOG.md'), 'utf8')).toMatch(/^## \[1\.0\.0\] - 2026-01-20$/m);
    expect(outcomes(checkJson(repo.dir).report)['versioning.changelog-current']).toBe('pass');
  });
});

describe('templates/fixes.yaml and the templates', () => {
  it('names existing requirements and templates in both languages', async () => {
    const catalogue = await loadTestCatalogue();
    const ids = new Set(catalogue.requirements.map((r) => r.id));
    const data = await loadFixData();
    for (const lang of ['da', 'en'] as const) {
      const templates = await loadTemplates(lang);
      for (const f of data.fixes) {
        expect(ids.has(f.requirement), f.requirement).toBe(true);
        for (const t of [f.template, f.section].filter(Boolean)) expect(templates[t!], `${lang}/${t}`).toBeDefined();
      }
      expect(Object.keys(templates).sort()).toEqual(Object.keys(await loadTemplates(lang === 'da' ? 'en' : 'da')).sort());
    }
  });

  it('gives each README and CONTRIBUTING section a heading the requirement\'s check recognises', async () => {
    const catalogue = await loadTestCatalogue();
    const data = await loadFixData();
    for (const lang of ['da', 'en'] as const) {
      const templates = await loadTemplates(lang);
      for (const f of data.fixes.filter((x) => x.section && x.requirement !== 'operations.setup')) {
        const heading = /^#{1,6}\s+(.+)$/m.exec(templates[f.section!]!)![1]!;
        const params = catalogue.requirements.find((r) => r.id === f.requirement)!.check.params as { headings?: string[] };
        if (f.requirement === 'docs.readme') continue; // decided by prose, not by a heading
        expect(headingMatcher(params.headings ?? [])(heading), `${lang} ${f.section}: ${heading}`).toBe(true);
      }
    }
  });

  it('never renders an address into SECURITY.md when none was declared', async () => {
    for (const lang of ['da', 'en'] as const) {
      const text = renderTemplate((await loadTemplates(lang))['SECURITY.md']!, { name: 'X' });
      expect(text).not.toMatch(/@|https?:\/\//);
      expect(text).toContain('TODO(os2level)');
    }
  });
});

