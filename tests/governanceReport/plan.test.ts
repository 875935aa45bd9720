/** What each template version's report carries into os2.yaml, and how it merges with an existing manifest. */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FIELDS } from '../../src/governanceReport/manifestFields.js';
import { mergePlan } from '../../src/governanceReport/merge.js';
import { parseGovernanceReport } from '../../src/governanceReport/parse.js';
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

const plan = (name: string, pathExists?: (p: string) => boolean): ImportPlan => planImport(parseGovernanceReport(fixture(name), catalogue), catalogue, { pathExists });
/** "ref → path=value" for every planned value. */
const values = (p: ImportPlan): string[] => p.actions.flatMap((a) => a.values.map((v) => `${a.row.ref} ${v.path.join('.')}=${String(v.value)}`));
const skips = (p: ImportPlan): Record<string, string> => Object.fromEntries(p.skipped.map((s) => [s.row.ref, s.code]));

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

describe('2021-05 report', () => {
  it('declares met items with usable documentation, explains unmet ones with a reason, lists the rest', () => {
    const p = plan('2021-05-GOVERNANCE_REPORT.md');
    expect(values(p)).toEqual(expect.arrayContaining([
      'R1 relevance.localValue=Sparer sagsbehandlerne ca. to timer om ugen til booking af lokaler',
      'R3 relevance.lineManagement.document=https://aarhus.dk/os2booking/beslutning.pdf',
      'R3 relevance.lineManagement.date=2020-09-01',
      'F1 repository.url=https://github.com/OS2booking/os2booking',
      'F8 documentation.technical=https://os2booking.readthedocs.io/arkitektur',
      'F9 documentation.install=https://os2booking.readthedocs.io/installation',
      'F11 explanations.versioning.issue-tracker.reason=Vi bruger GitHub issues i stedet for Jira',
      'F12 codebase.singleCoreVersion=true',
      'F13 documentation.strategicCommunication=https://os2.eu/os2booking/business-case.pdf',
      'F14 documentation.presentationMaterial=https://os2.eu/os2booking/praesentation.pdf',
      'F19 explanations.operations.container.reason=Kører som Windows-service på kommunernes egne servere',
      'G1 governance.portfolio.registered=2020-03-01',
      'G4 governance.board.informed.date=2020-05-12',
      'G4 governance.board.informed.minutes=https://os2.eu/bestyrelse/referat-2020-05-12',
      'G5 governance.board.approved.date=2021-02-09',
      'G5 governance.board.approved.minutes=https://os2.eu/bestyrelse/referat-2021-02-09',
      'G6 governance.steeringGroup.mandate=https://os2.eu/os2booking/kommissorium-styregruppe',
      'G10 governance.joiningAgreement=https://os2.eu/os2booking/tilslutningsaftale.pdf',
      'G14 governance.community.description=ERFA-gruppe med møde to gange om året',
    ]));
    expect(skips(p)).toMatchObject({
      R4: 'no-safe-field',
      R5: 'no-reason',
      F3: 'several-fields',
      F5: 'no-safe-field',
      F16: 'decided-from-repository',
      G3: 'no-safe-field',
      G7: 'missing-value',
    });
    // Explanations never carry an approver: only the steering group can say who approved them.
    for (const a of p.actions.filter((x) => x.kind === 'explain')) expect(a.values.map((v) => v.path.at(-1))).toEqual(['reason']);
  });

  it('carries a repository path only when it exists', () => {
    const withoutFile = plan('2021-05-GOVERNANCE_REPORT.md');
    expect(values(withoutFile).some((v) => v.startsWith('F4 '))).toBe(false);
    expect(skips(withoutFile).F4).toBe('missing-value');
    const withFile = plan('2021-05-GOVERNANCE_REPORT.md', (path) => path === 'docs/security.md');
    expect(values(withFile)).toContain('F4 security.description=docs/security.md');
  });
});

describe('2021-11 report', () => {
  it('maps by the 2021-11 numbering and needs a date for board decisions', () => {
    const p = plan('2021-11-governancerapport.md');
    expect(values(p)).toEqual(expect.arrayContaining([
      'F11 issueTracker.url=https://github.com/OS2kalender/os2kalender/issues',
      'F13 documentation.presentationMaterial=https://os2.eu/os2kalender/slides.pdf',
      'F14 explanations.docs.strategic-communication.reason=Udarbejdes efter sommerferien',
      'S4 strategy.productVision=Roadmap (https://os2.eu/os2kalender/roadmap)',
      'G5 governance.board.approved.date=2022-06-14',
      'G5 governance.board.approved.minutes=https://os2.eu/bestyrelse/referat-2022-06-14',
      'R3 explanations.relevance.line-management.reason=Afventer beslutning i direktionen',
    ]));
    expect(p.skipped.find((s) => s.row.ref === 'G4')).toMatchObject({ code: 'missing-value', detail: ['governance.board.informed.date'] });
    expect(skips(p).S5).toBe('no-reason');
  });
});

describe('2024 report', () => {
  it('maps ➖ to not-applicable with the reason, ❓ to nothing, and merged items conservatively', () => {
    const p = plan('2024-GOVERNANCE_REPORT.md');
    expect(values(p)).toEqual(expect.arrayContaining([
      'R2 relevance.lineManagement.document=https://os2.eu/os2skema/ledelse.pdf',
      'F1 repository.url=https://github.com/OS2skema/os2skema',
      'F11 issueTracker.url=https://github.com/OS2skema/os2skema/issues',
      'F13 notApplicable.docs.presentation-material=Produktet præsenteres af OS2\'s sekretariat på fællesmøder',
      'F14 explanations.docs.strategic-communication.reason=Business case udarbejdes i 2025',
      'G9 explanations.tests.third-party-review.reason=Der er ikke budget til en ekstern gennemgang i 2025',
    ]));
    expect(skips(p)).toMatchObject({ R4: 'status-unknown', F7: 'several-fields', F19: 'decided-from-repository', G13: 'no-reason' });
  });
});

describe('2026 self-evaluation', () => {
  it('does not explain a merged item that is not met (which part is unclear)', () => {
    const p = plan('2026-Selvevaluering.md');
    expect(skips(p)).toMatchObject({ F7: 'several-requirements', R2: 'status-unknown', F20: 'no-reason', G7: 'no-reason', G3: 'no-safe-field' });
    expect(values(p)).toEqual(expect.arrayContaining([
      'F19 notApplicable.operations.container=Leveres som WordPress-plugin',
      'G4 governance.board.informed.date=2025-03-03',
      'G4 governance.board.informed.minutes=https://os2.eu/bestyrelse/2025-03-03',
    ]));
  });
});

describe('problem rows', () => {
  it('carry nothing and are listed with their candidates', () => {
    const p = plan('problems-governancerapport.md');
    expect(values(p)).toEqual(['G1 governance.portfolio.url=https://os2.eu/portefolje/os2problem']);
    expect(p.skipped.map((s) => [s.row.ref, s.code])).toEqual([
      ['F13', 'row-problem'], ['F18', 'row-problem'], ['G15', 'row-problem'], ['R3', 'row-problem'], ['G2', 'row-problem'],
    ]);
    expect(p.skipped[0]!.ids).toEqual(['docs.strategic-communication', 'docs.presentation-material']);
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
notApplicable:
  versioning.issue-tracker: Vi bruger OS2's Jira
`;

  it('adds what is missing, keeps comments and existing values, and lists conflicts', () => {
    const doc = parseDocument(EXISTING);
    const result = mergePlan(doc, plan('2021-05-GOVERNANCE_REPORT.md'));
    const text = validManifestText(doc, 'os2.yaml', new Set(catalogue.requirements.map((r) => r.id)));
    expect(text).toContain('# Our manifest');
    expect(text).toContain('name: OS2booking # the name on os2.eu');
    expect(doc.getIn(['governance', 'board', 'approved', 'date'])).toBe('2021-03-01');
    expect(doc.getIn(['explanations', 'operations.container', 'approvedBy'])).toBe('styregruppen, 2024-01-01');
    expect(doc.getIn(['notApplicable', 'versioning.issue-tracker'])).toBe("Vi bruger OS2's Jira");
    expect(doc.hasIn(['explanations', 'versioning.issue-tracker'])).toBe(false);
    expect(doc.getIn(['documentation', 'install'])).toBe('https://os2booking.readthedocs.io/installation');
    expect(result.conflicts.map((c) => c.path.join('.')).sort()).toEqual([
      'explanations.operations.container.reason',
      'governance.board.approved.date',
      'notApplicable.versioning.issue-tracker',
    ]);
    // The conflicting G5 action is kept whole: no minutes paired with the manifest's other date.
    expect(doc.hasIn(['governance', 'board', 'approved', 'minutes'])).toBe(false);
  });

  it('with force replaces values and resolves explanation/not-applicable clashes', () => {
    const doc = parseDocument(EXISTING);
    const result = mergePlan(doc, plan('2021-05-GOVERNANCE_REPORT.md'), { force: true });
    expect(result.conflicts).toEqual([]);
    expect(doc.getIn(['governance', 'board', 'approved', 'date'])).toBe('2021-02-09');
    expect(doc.hasIn(['notApplicable', 'versioning.issue-tracker'])).toBe(false);
    expect(doc.getIn(['explanations', 'versioning.issue-tracker', 'reason'])).toBe('Vi bruger GitHub issues i stedet for Jira');
    expect(() => validManifestText(doc, 'os2.yaml')).not.toThrow();
  });

  it('is idempotent: merging twice changes nothing the second time', () => {
    const doc = parseDocument('schemaVersion: 1\nproduct: { name: X }\n');
    mergePlan(doc, plan('2024-GOVERNANCE_REPORT.md'));
    const once = doc.toString();
    const second = mergePlan(doc, plan('2024-GOVERNANCE_REPORT.md'));
    expect(second.applied).toEqual([]);
    expect(second.conflicts).toEqual([]);
    expect(doc.toString()).toBe(once);
  });
});
