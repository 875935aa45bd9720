/**
 * Round trips: what os2level writes as OS2's forms (governance report, self-evaluation Markdown and
 * JSON export), read back by the governance-report reader, gives the same answer per item. The
 * forms come from the built CLI over a real repository; the reader is the one `check` and
 * `import-report` use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checklistItems } from '../../src/format/checklist.js';
import { formAnswer, type FormAnswer } from '../../src/format/formAnswer.js';
import { readGovernanceReportText } from '../../src/governanceReport/reader.js';
import type { ReportStatus } from '../../src/governanceReport/types.js';
import { loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue } from '../../src/levels/types.js';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../helpers/cli.js';
import { cleanupTempDirs, type TestRepo } from '../helpers/gitRepo.js';
import { createN1Product, n1Manifest } from '../helpers/products.js';
import { rowsById } from './formTables.js';

/** What the reader gives back for each answer the forms write: the form has no "partly", and open is not filled. */
const READ_BACK: Record<FormAnswer, { status: ReportStatus | null; state: string }> = {
  yes: { status: 'met', state: 'read' },
  partly: { status: 'not-met', state: 'read' },
  no: { status: 'not-met', state: 'read' },
  'not-relevant': { status: 'not-relevant', state: 'read' },
  open: { status: null, state: 'not-filled' },
};

let repo: TestRepo;
let catalogue: LevelCatalogue;
let report: Report;
const AS_OF = ['--as-of', '2026-06-01'];

function manifestOf(): Record<string, any> {
  const manifest = n1Manifest();
  manifest.notApplicable = { 'docs.interfaces': 'The product has no interfaces to other systems.', 'operations.container': 'Runs as a hosted service only.' };
  delete manifest.relevance.valueForOthers; // an item nobody answered
  return manifest;
}

beforeAll(async () => {
  repo = createN1Product(manifestOf());
  catalogue = await loadLevels();
  const run = runCli(['check', repo.dir, '--format', 'json', ...AS_OF]);
  expect(run.status, run.stderr).toBe(0);
  report = JSON.parse(run.stdout) as Report;
});
afterAll(cleanupTempDirs);

function expected(): Record<string, { status: ReportStatus | null; state: string }> {
  return Object.fromEntries(checklistItems(report.results[0]!, catalogue).map((i) => [i.id, READ_BACK[formAnswer(i)]]));
}

describe.each([
  ['governance-report', 'da'],
  ['governance-report', 'en'],
  ['os2-self-assessment-md', 'da'],
  ['os2-self-assessment-md', 'en'],
  ['os2-self-assessment', 'da'],
])('%s (%s) read back', (format, lang) => {
  it('gives every item once with the status written, open items not filled', () => {
    const run = runCli(['check', repo.dir, '--format', format, '--lang', lang, ...AS_OF]);
    expect(run.status, run.stderr).toBe(0);
    const reading = readGovernanceReportText(run.stdout, { catalogue, path: null });
    // Both languages read back as written, item state included: the reader knows OS2's titles in
    // Danish and the English ones os2level writes.
    const byId = new Map(reading.items.map((i) => [i.id, i]));
    const want = expected();
    const diff = Object.entries(want).flatMap(([id, w]) => {
      const got = byId.get(id);
      const same = got !== undefined && got.status === w.status && got.state === w.state;
      return same ? [] : [`${id}: wrote ${JSON.stringify(w)}, read ${JSON.stringify(got && { status: got.status, state: got.state, problem: got.problem })}`];
    });
    expect(diff.join('\n')).toBe('');
    expect(reading.items.map((i) => i.id)).toEqual(Object.keys(want));
    // The run covers every kind of answer the forms write, so the round trip is not vacuous.
    const answers = new Set(checklistItems(report.results[0]!, catalogue).map(formAnswer));
    for (const a of ['yes', 'no', 'not-relevant', 'open'] as const) expect(answers.has(a), a).toBe(true);
    expect(reading.productName).toBe('OS2example');
  });
});

describe("a repository holding the product's own report", () => {
  it.each([
    ['governance-report', 'OS2example_GOVERNANCE_REPORT.md'],
    ['os2-self-assessment-md', 'docs/selvevaluering.md'],
    ['os2-self-assessment', 'os2example-checkliste.json'],
  ])("%s written by os2level and committed as the product's report: check gives the same answers again", (format, file) => {
    const first = runCli(['check', repo.dir, '--format', format, ...AS_OF]);
    expect(first.status, first.stderr).toBe(0);
    const dir = createN1Product(manifestOf());
    dir.write({ [file]: first.stdout });
    dir.commit('Governance report', '2026-05-01T12:00:00Z');
    const again = runCli(['check', dir.dir, '--format', 'json', ...AS_OF]);
    const rep = JSON.parse(again.stdout) as Report;
    expect(rep.results[0]!.governanceReport?.path).toBe(file);
    const second = runCli(['check', dir.dir, '--format', format, ...AS_OF]);
    // The same answers item by item (the texts may differ: the repository has one commit more).
    const answers = (text: string) => Object.fromEntries(readGovernanceReportText(text, { catalogue, path: null }).items.map((i) => [i.id, [i.status, i.state]]));
    expect(answers(second.stdout)).toEqual(answers(first.stdout));
    // And os2level's own "no" never became an explanation: nothing is explained that was not before.
    expect(rep.results[0]!.requirements.filter((q) => q.outcome === 'explained').map((q) => q.id)).toEqual(report.results[0]!.requirements.filter((q) => q.outcome === 'explained').map((q) => q.id));
  });

  it("repeats the product's answers where os2level left the item open, and they read back as written", () => {
    const first = runCli(['check', repo.dir, '--format', 'os2-self-assessment', ...AS_OF]);
    const form = JSON.parse(first.stdout) as { krav: { id: string; efterlevet: string | null; dokumentation: string }[] };
    const open = form.krav.filter((k) => k.efterlevet === null).map((k) => k.id);
    expect(open.length).toBeGreaterThan(3);
    const [planned, doubt, no] = open;
    for (const k of form.krav) {
      if (k.id === planned) Object.assign(k, { efterlevet: 'Planlagt', dokumentation: 'Asked for at the next steering group.' });
      if (k.id === doubt) Object.assign(k, { efterlevet: 'Ved ikke', dokumentation: '' });
      if (k.id === no) Object.assign(k, { efterlevet: 'Nej', dokumentation: 'Not yet.' });
    }
    const dir = createN1Product(manifestOf());
    dir.write({ 'os2example-checkliste.json': JSON.stringify(form, null, 2) });
    dir.commit('Self-evaluation', '2026-05-01T12:00:00Z');
    const md = runCli(['check', dir.dir, '--format', 'os2-self-assessment-md', ...AS_OF]);
    const reading = readGovernanceReportText(md.stdout, { catalogue, path: null });
    const status = Object.fromEntries(reading.items.map((i) => [i.id, i.status]));
    expect([status[planned!], status[doubt!], status[no!]]).toEqual(['planned', 'unknown', 'not-met']);
    const gov = runCli(['check', dir.dir, '--format', 'governance-report', ...AS_OF]);
    const mark = (id: string): string => gov.stdout.split('\n').find((l) => l.includes(`| ${id} |`))!.split('|')[1]!.trim();
    expect([mark(planned!), mark(doubt!), mark(no!)]).toEqual(['❌', '❓', '❌']);
    // The evaluation sets the product's answers beside os2level's own finding, naming the file.
    const evaluation = runCli(['check', dir.dir, '--format', 'os2-evaluation', ...AS_OF]);
    expect(evaluation.status, evaluation.stderr).toBe(0);
    expect(evaluation.stdout).toContain('**Seneste selvevaluering/governancerapport:** os2example-checkliste.json');
    const rows = rowsById(evaluation.stdout);
    expect(rows.get(planned!)).toMatchObject({ 'Efterlevet?': 'Planlagt', Vurdering: '🟡' });
    expect(rows.get(planned!)!.Dokumentation).toContain('Asked for at the next steering group.');
    expect(rows.get(doubt!)).toMatchObject({ 'Efterlevet?': 'Ved ikke', Vurdering: '🔴' });
    expect(rows.get(no!)).toMatchObject({ 'Efterlevet?': 'Nej', Vurdering: '🔴' });
    // Items os2level decided itself are answered in the form it read back (its own earlier answers).
    const decided = form.krav.find((k) => k.efterlevet === 'Ja')!;
    expect(rows.get(decided.id)).toMatchObject({ 'Efterlevet?': 'Ja', Vurdering: '🟢' });
  });
});
