/**
 * OS2's checklist items end to end, through the built CLI on real temporary git repositories:
 * `levels` lists the default generation's 43 items, `check` reports items in OS2's colours,
 * `--checklist` switches the numbering (and the levels) to an older generation, `explain` takes
 * item ids, and every output format names the same item for the same requirement.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, type TestRepo } from '../helpers/gitRepo.js';
import { checkJson, PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';

afterAll(cleanupTempDirs);

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
(addFormats as unknown as (a: unknown) => void)(ajv);
const validateReport = ajv.compile(JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/report.schema.json'), 'utf8')));

const DEFAULT_ITEMS = [
  'R1', 'R2', 'R3', 'R4',
  'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F10', 'F11', 'F12', 'F13', 'F14', 'F15', 'F16', 'F17', 'F18', 'F19', 'F20', 'F21', 'F22',
  'S1', 'S2', 'S3', 'S4', 'S5',
  'G1', 'G2', 'G3', 'G4', 'G5', 'G6', 'G7', 'G8', 'G9', 'G10', 'G11', 'G12', 'G13', 'G14',
];

describe('levels lists OS2 checklist items', () => {
  it('--format json: 43 items of the default generation, R1 at the minimum, G10 a recommendation', () => {
    const run = runCli(['levels', '--format', 'json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.checklist).toMatchObject({ id: '2026', default: true });
    expect(json.items.map((i: any) => i.id)).toEqual(DEFAULT_ITEMS);
    const byId = Object.fromEntries(json.items.map((i: any) => [i.id, i]));
    expect(byId.R1).toMatchObject({ level: 0, strength: 'must' });
    expect(byId.G10).toMatchObject({ level: 2, strength: 'should' });
    expect(byId.F10.requirements).toEqual(['docs.os2-channels']);
    expect(byId.F18.requirements).toEqual(['docs.architecture-standards']);
    for (const i of json.items) {
      expect(i.requirements.length, i.id).toBeGreaterThan(0);
      expect(i.title.da && i.title.en, i.id).toBeTruthy();
    }
  });

  it('text lists items with their requirements, in Danish and English', () => {
    const da = runCli(['levels', '--lang', 'da']).stdout;
    const en = runCli(['levels', '--lang', 'en']).stdout;
    expect(da).toContain("F10  OS2's kommunikationskanaler anvendes (OS2.eu) [skal]");
    expect(en).toContain("F10  OS2's communication channels are used (OS2.eu) [must]");
    for (const out of [da, en]) {
      const lines = out.split('\n');
      const f16 = lines.findIndex((l) => l.trimStart().startsWith('F16 '));
      const parts = lines.slice(f16 + 1, f16 + 8);
      expect(parts.find((l) => l.trimStart().startsWith('tests.coverage-high'))).toMatch(/\[N3/);
    }
  });

  it('--checklists lists every generation with its date; the default and the alias are marked', () => {
    const run = runCli(['levels', '--checklists', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    expect(json.default).toBe('2026');
    expect(json.aliases['2024']).toBe('2024-07');
    expect(json.generations.map((g: any) => g.id)).toEqual(expect.arrayContaining(['2021-05', '2021-11', '2024-04', '2024-07', '2025', '2026']));
    expect(runCli(['levels', '--checklists']).stdout).toMatch(/^2026\s+2026-\d\d-\d\d\s+43 items\s+\(default\)/m);
  });
});

describe('check reports items', () => {
  let repo: TestRepo;
  let report: any;
  beforeAll(() => {
    // An N1 product whose README lost its installation section and whose architecture is only a
    // Word file: OS2's documentation item F7 is partly met.
    const manifest = n1Manifest();
    repo = createN1Product(manifest);
    repo.commit('Documentation as a Word file (#3)', '2026-02-01T12:00:00Z', {
      'README.md': '# OS2example\n\nOS2example lets municipal case workers book meeting rooms, cars and equipment across administrations, and gives citizens a self-service page for booking public facilities. It replaces spreadsheets and phone calls with one shared calendar. Read more on [os2.eu](https://os2.eu/produkt/os2example).\n\n## Requirements\n\nPostgreSQL 15.\n\n## Security\n\nSee SECURITY.md.\n',
    });
    repo.git(['rm', '-q', 'docs/architecture.md']);
    repo.commit('Architecture as a Word document (#4)', '2026-02-02T12:00:00Z', { 'docs/arkitektur.docx': Buffer.from('PK\u0003\u0004 not really a docx') });
    report = checkJson(repo.dir).report;
  });

  it('carries every item with a status from the five, valid against the report schema', () => {
    expect(validateReport(report), JSON.stringify(validateReport.errors?.slice(0, 3))).toBe(true);
    expect(report.schemaVersion).toBe(2);
    expect(report.checklist.id).toBe('2026');
    const items = report.results[0].items;
    expect(items.map((i: any) => i.id)).toEqual(DEFAULT_ITEMS);
    for (const i of items) expect(['met', 'partly-met', 'not-met', 'not-relevant', 'unknown']).toContain(i.status);
  });

  it('a README without installation and documentation only as .docx make F7 partly met, and it blocks N1', () => {
    const r = report.results[0];
    const f7 = r.items.find((i: any) => i.id === 'F7');
    expect(f7.status).toBe('partly-met');
    const parts = Object.fromEntries(f7.requirements.map((id: string) => [id, r.requirements.find((q: any) => q.id === id)]));
    expect(parts['docs.install'].outcome).toBe('fail');
    expect(parts['operations.requirements'].outcome).toBe('pass');
    expect(r.achievedLevel).toBe(0);
    expect(r.gapItems).toContain('F7');
    for (const id of r.gap) expect(r.gapItems).toContain(r.requirements.find((q: any) => q.id === id).item);
  });

  it("finds OS2's channels from a README link, with file and line", () => {
    const q = report.results[0].requirements.find((x: any) => x.id === 'docs.os2-channels');
    expect(q).toMatchObject({ outcome: 'pass', item: 'F10', basis: 'verified' });
    expect(q.evidence[0]).toMatchObject({ kind: 'file', path: 'README.md', line: 3 });
  });

  it('the text report leads with the checklist and lists the blocking items with what to do', () => {
    const run = runCli(['check', repo.dir, '--as-of', '2026-06-01', '--lang', 'en']);
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out.indexOf('OS2 checklist (2026)')).toBeLessThan(out.indexOf('Blocking N1'));
    expect(out).toMatch(/◐ F7 +All of the project's documentation .* partly met/);
    const blocking = out.slice(out.indexOf('Blocking N1'));
    expect(blocking).toMatch(/◐ F7 .*\n\s+✗ docs\.install /);
    expect(blocking).toContain('→ ');
    expect(out).toContain('os2level explain F7');
  });

  it('--checklist 2021-11 numbers and levels items as that form did', () => {
    const { run, report: old } = checkJson(repo.dir, ['--checklist', '2021-11']);
    expect(run.status, run.stderr).toBe(0);
    expect(old.checklist.id).toBe('2021-11');
    const r = old.results[0];
    const item = (id: string) => r.requirements.find((q: any) => q.id === id).item;
    expect([item('docs.install'), item('docs.technical'), item('operations.requirements')]).toEqual(['F9', 'F8', 'F7']);
    expect(item('relevance.value-for-others')).toBe('R2');
    expect(r.items.find((i: any) => i.id === 'R4')).toMatchObject({ strength: 'should' });
    expect(r.items.map((i: any) => i.id)).toContain('F9');
    // The alias "2024" is the July 2024 form.
    expect(checkJson(repo.dir, ['--checklist', '2024']).report.checklist.id).toBe('2024-07');
  });

  it('an unknown generation is an input error naming the known ones', () => {
    const run = runCli(['check', repo.dir, '--checklist', '2023']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown checklist generation "2023"');
    expect(run.stderr).toContain('2021-11');
  });
});

describe('explain takes items and requirements', () => {
  it('explain F7 names OS2 item, level and the requirements behind it, and its number in each generation', () => {
    const run = runCli(['explain', 'F7', '--lang', 'en']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^F7 · All of the project's documentation/);
    expect(run.stdout).toContain('Alt dokumentation til projektet');
    for (const id of ['docs.install', 'docs.technical', 'operations.requirements']) expect(run.stdout).toContain(id);
    expect(run.stdout).toMatch(/2021-11 +F9, F8, F7|2021-11 +F[789], F[789], F[789]/);
  });

  it('explain docs.install names its item and its number in each generation', () => {
    const run = runCli(['explain', 'docs.install', '--lang', 'da']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('F7 (2026)');
    expect(run.stdout).toMatch(/2021-11 +F9/);
    expect(runCli(['explain', 'f10']).status).toBe(0);
    const bad = runCli(['explain', 'F8']);
    expect(bad.status).toBe(2);
  });
});

describe('one numbering in every format', () => {
  let repo: TestRepo;
  beforeAll(() => {
    const manifest = n1Manifest();
    delete manifest.relevance.localValue; // R1 fails: relevance.local-value is reported in every format
    repo = createN1Product(manifest);
  });

  /** The item each format shows next to relevance.local-value, or for its row. */
  function itemsShown(checklist: string[] = []): Record<string, string> {
    const run = (format: string, lang = 'en') => {
      const r = runCli(['check', repo.dir, '--as-of', '2026-06-01', '--format', format, '--lang', lang, ...checklist]);
      expect(r.status, `${format}: ${r.stderr}`).toBe(0);
      return r.stdout;
    };
    const id = 'relevance.local-value';
    const shown: Record<string, string> = {};
    shown.json = JSON.parse(run('json')).results[0].requirements.find((q: any) => q.id === id).item;
    shown.text = /relevance\.local-value \[[^\]]*· ([RFSG]\d+)/.exec(run('text'))![1]!;
    const sarif = JSON.parse(run('sarif')).runs[0];
    shown['sarif rule'] = sarif.tool.driver.rules.find((r: any) => r.id === id).properties.os2Item;
    shown['sarif result'] = sarif.results.find((r: any) => r.ruleId === id).properties.os2Item;
    const junit = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_' }).parse(run('junit'));
    const cases = [junit.testsuites.testsuite].flat().flatMap((s: any) => [s.testcase].flat());
    // One case per item: the one whose requirements include it.
    const tc = cases.find((c: any) => [c.properties.property].flat().some((p: any) => p['@_name'] === 'requirements' && p['@_value'].split(', ').includes(id)));
    shown.junit = tc['@_classname'].split('.').at(-1);
    shown.markdown = new RegExp('`' + id.replace('.', '\\.') + '`.*?· ([RFSG]\\d+)').exec(run('markdown'))![1]!;
    shown.github = /title=([RFSG]\d+) · relevance\.local-value/.exec(run('github'))![1]!;
    // OS2's forms leave an unanswered item open (no status, no documentation): its guidelines name the field.
    const form = JSON.parse(run('os2-self-assessment'));
    shown['os2-self-assessment'] = form.krav.find((k: any) => k.retningslinjer.includes('relevance.localValue')).id;
    const gov = run('governance-report').split('\n').find((l) => l.includes('relevance.localValue'))!;
    shown['governance-report'] = /^\| [^|]* \| ([RFSG]\d+) \|/.exec(gov)![1]!;
    return shown;
  }

  it('the default generation: R1 everywhere', () => {
    const shown = itemsShown();
    expect(Object.keys(shown)).toHaveLength(9);
    for (const [format, item] of Object.entries(shown)) expect(item, format).toBe('R1');
  });

  it('the same holds for an older generation', () => {
    // relevance.local-value is R1 in 2021-05 as well, so use a requirement that moved: check the
    // item of value-for-others through JSON and the formats that list every requirement.
    const jsonOld = JSON.parse(runCli(['check', repo.dir, '--as-of', '2026-06-01', '--format', 'json', '--checklist', '2021-11']).stdout);
    const q = jsonOld.results[0].requirements.find((x: any) => x.id === 'relevance.value-for-others');
    expect(q.item).toBe('R2');
    const sarif = JSON.parse(runCli(['check', repo.dir, '--as-of', '2026-06-01', '--format', 'sarif', '--checklist', '2021-11']).stdout).runs[0];
    expect(sarif.tool.driver.rules.find((r: any) => r.id === 'relevance.value-for-others').properties.os2Item).toBe('R2');
    const shown = itemsShown(['--checklist', '2021-11']);
    for (const [format, item] of Object.entries(shown)) expect(item, format).toBe('R1');
  });
});
