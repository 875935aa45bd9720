/** What each layout's report carries into os2.yaml, and how it merges with an existing manifest (comments kept). */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FIELDS } from '../../src/governanceReport/manifestFields.js';
import { mergePlan } from '../../src/governanceReport/merge.js';
import { readGovernanceReportText } from '../../src/governanceReport/reader.js';
import { planImport, type ImportPlan } from '../../src/governanceReport/plan.js';
import { validManifestText } from '../../src/init/manifestDocument.js';
import { loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue } from '../../src/levels/types.js';
import { manifestSchema } from '../../src/manifest/load.js';

const FIXTURES = new URL('../fixtures/governance-reports/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

let catalogue: LevelCatalogue;
beforeAll(async () => {
  catalogue = await loadLevels();
});

const plan = (name: string, pathExists?: (p: string) => boolean): ImportPlan => planImport(readGovernanceReportText(fixture(name), { path: name, catalogue }), catalogue, { pathExists });
/** "ref → path=value" for every planned value. */
const values = (p: ImportPlan): string[] => p.actions.flatMap((a) => a.values.map((v) => `${a.item.id} ${v.path.join('.')}=${String(v.value)}`));
const skips = (p: ImportPlan): string[] => p.skipped.map((s) => `${s.item.id} ${s.code}`);
const FIXTURE_NAMES = ['2021-05-GOVERNANCE_REPORT.md', '2023-governance-report.md', 'ballot-box-GOVERNANCE_REPORT.md', '2025-governance_report.md', 'traffic-light-governancerapport.md', '2026-06-01-OS2kantine-selvevaluering.md', 'free-text-governancerapport.md', 'headings-governance-report.md', 'os2vaskeri-checkliste.json', 'blank-governance_template.md', 'blank-2021-template.md'];

describe('the mapping table', () => {
  it('names only requirements of the catalogue and fields of the manifest schema', () => {
    const ids = new Set(catalogue.requirements.map((r) => r.id));
    const schema = manifestSchema() as { properties: Record<string, any>; $defs: Record<string, any> };
    const resolve = (node: any): any => (node?.$ref ? schema.$defs[node.$ref.split('/').pop()] : node);
    for (const [id, fields] of Object.entries(MANIFEST_FIELDS)) {
      expect(ids.has(id), id).toBe(true);
      for (const f of fields) {
        let node: any = { properties: schema.properties };
        for (const key of f.path.split('.')) node = resolve(node.properties?.[key]);
        expect(node, `${id} → ${f.path}`).toBeTruthy();
      }
    }
  });
});

describe('what a report carries', () => {
  it('2026 self-evaluation: declarations for Ja, not applicable for Ikke relevant with a reason; a Nej, Planlagt, Ved ikke or placeholder carries nothing', () => {
    const p = plan('2026-06-01-OS2kantine-selvevaluering.md');
    expect(values(p)).toEqual([
      'F1 repository.url=https://github.com/OS2kantine/kantine',
      // F3 "Ja" declares procurement and lawfulness alike.
      'F3 legal.procurement.statement=Udbudt efter SKI 02.19 i 2024; databehandleraftaler med alle kommuner',
      'F3 legal.lawfulness.statement=Udbudt efter SKI 02.19 i 2024; databehandleraftaler med alle kommuner',
      'F19 notApplicable.operations.container=Afvikles hos kantineleverandøren som SaaS',
      'G1 governance.portfolio.url=https://www.os2.eu/os2kantine',
    ]);
    expect(skips(p)).toEqual(['F1 decided-from-repository', 'F14 placeholder', 'F18 status-unknown', 'F21 not-met', 'G8 not-filled']);
  });

  it('2021 check boxes: a Henvisning with a link or a statement carries; a box left empty is no explanation', () => {
    const p = plan('2021-05-GOVERNANCE_REPORT.md');
    expect(values(p)).toEqual([
      'R1 relevance.localValue=Mødelokaler bookes uden telefonopkald til servicecentret',
      'R2 relevance.valueForOthers=Alle kommuner booker mødelokaler og biler på samme måde',
      'F1 repository.url=https://github.com/OS2moedebook/moedebook',
      'F3 legal.procurement.statement=Indkøbt på SKI 02.19 efter miniudbud',
      'F3 legal.lawfulness.statement=Indkøbt på SKI 02.19 efter miniudbud',
      'F9 documentation.install=https://moedebook.readthedocs.io/install',
    ]);
    expect(skips(p)).toContain('F11 not-met');
    expect(skips(p)).toContain('R3 not-filled');
  });

  it('carries a repository path only when it exists', () => {
    const text = '| | # | Krav | Henvisning | Niveau |\n|---|---|---|---|---|\n| [x] | F9 | Teknisk implementering af løsningen er dokumenteret | docs/install.md | 1 |\n';
    const report = readGovernanceReportText(text, { catalogue });
    expect(values(planImport(report, catalogue))).toEqual([]);
    expect(values(planImport(report, catalogue, { pathExists: (p) => p === 'docs/install.md' }))).toEqual(['F9 documentation.install=docs/install.md']);
  });

  it('never plans an explanation, from any fixture', () => {
    for (const name of FIXTURE_NAMES) expect(plan(name).actions.filter((a) => a.kind === 'explain'), name).toEqual([]);
  });

  it.each(['blank-governance_template.md', 'blank-2021-template.md'])('%s carries nothing: every item is listed as not filled in', (name) => {
    const p = plan(name);
    expect(p.actions).toEqual([]);
    expect(p.skipped.every((s) => s.code === 'not-filled')).toBe(true);
  });

  it('unreadable and placeholder items say so', () => {
    const p = plan('free-text-governancerapport.md');
    expect(skips(p)).toEqual(['F5 not-met', 'F13 not-met', 'F15 not-met', 'F16 status-unknown', 'F17 placeholder', 'F20 placeholder', 'G4 placeholder', 'G5 unreadable']);
  });
});

describe('merging into a manifest', () => {
  const EXISTING = `# Our manifest
schemaVersion: 1
product:
  name: OS2booking # the name on os2.eu
governance:
  board:
    approved: { date: 2021-03-01 }
explanations:
  operations.container:
    reason: Ingen container endnu
    approvedBy: styregruppen, 2024-01-01
relevance:
  localValue: Booking uden telefon
`;

  it('adds what is missing, keeps comments and existing values, and lists conflicts', () => {
    const doc = parseDocument(EXISTING);
    const result = mergePlan(doc, plan('2026-06-01-OS2kantine-selvevaluering.md'));
    const text = validManifestText(doc, 'os2.yaml', new Set(catalogue.requirements.map((r) => r.id)));
    expect(text).toContain('# Our manifest');
    expect(text).toContain('name: OS2booking # the name on os2.eu');
    expect(doc.getIn(['explanations', 'operations.container', 'approvedBy'])).toBe('styregruppen, 2024-01-01');
    expect(doc.hasIn(['notApplicable', 'operations.container'])).toBe(false);
    expect(doc.getIn(['legal', 'lawfulness', 'statement'])).toMatch(/^Udbudt efter SKI/);
    expect(result.conflicts.map((c) => c.path.join('.'))).toEqual(['explanations.operations.container']);
  });

  it('with force replaces the explanation an Ikke relevant contradicts', () => {
    const doc = parseDocument(EXISTING);
    const result = mergePlan(doc, plan('2026-06-01-OS2kantine-selvevaluering.md'), { force: true });
    expect(result.conflicts).toEqual([]);
    expect(doc.hasIn(['explanations', 'operations.container'])).toBe(false);
    expect(doc.getIn(['notApplicable', 'operations.container'])).toBe('Afvikles hos kantineleverandøren som SaaS');
    expect(doc.getIn(['relevance', 'localValue'])).toBe('Booking uden telefon');
    expect(() => validManifestText(doc, 'os2.yaml')).not.toThrow();
  });

  it('is idempotent: merging twice changes nothing the second time', () => {
    const doc = parseDocument('schemaVersion: 1\nproduct: { name: X }\n');
    mergePlan(doc, plan('2025-governance_report.md'));
    const once = doc.toString();
    const second = mergePlan(doc, plan('2025-governance_report.md'));
    expect(second.applied).toEqual([]);
    expect(second.conflicts).toEqual([]);
    expect(doc.toString()).toBe(once);
  });
});
