/**
 * A hand-built catalogue and report holding every outcome kind (pass, fail, explained,
 * not-applicable, unknown, error, and a fail whose explanation expired), in Danish or English.
 * Small and independent of levels/os2-2018.yaml so the views are tested, not the catalogue.
 */
import type { Evidence } from '../../src/checks/types.js';
import { itemStatus, levelProgress } from '../../src/evaluate/evaluate.js';
import { SATISFIES, type ExplanationState, type Outcome } from '../../src/evaluate/types.js';
import type { ChecklistGeneration, ChecklistItemDef } from '../../src/checklist/types.js';
import type { Area, Lang, LevelCatalogue, LevelNumber, Requirement, Strength, Text, Theme } from '../../src/levels/types.js';
import type { Report, ReportItem, ReportRequirement, RepositoryResult } from '../../src/report/model.js';

/** A message no view may let through raw: percent, CR/LF, colon, comma, pipe, markup, quotes. */
export const HOSTILE = '50% done, see: a|b <x> & "q" \'s\r\nnext line';

interface Spec {
  id: string;
  level: LevelNumber;
  strength: Strength;
  area: Area;
  theme: Theme;
  /** The item this requirement decides in the fixture's checklist generation; null for one on no item. */
  item: string | null;
  outcome: Outcome;
  checkOutcome?: Outcome;
  basis?: ReportRequirement['basis'];
  message: Text;
  evidence?: Evidence[];
  explanation?: ExplanationState;
  notApplicable?: string;
}

const t = (en: string, da: string): Text => ({ en, da });

export const SPECS: Spec[] = [
  { id: 'docs.readme', level: 0, strength: 'must', area: 'documentation', theme: 'formkrav', item: 'F5', outcome: 'pass', basis: 'verified',
    message: t('README.md describes the solution.', 'README.md beskriver løsningen.'), evidence: [{ kind: 'file', path: 'README.md', line: 1 }] },
  { id: 'versioning.vcs', level: 0, strength: 'must', area: 'versioning', theme: 'formkrav', item: 'F1', outcome: 'pass', basis: 'verified',
    message: t('In git with 3 commits.', 'I git med 3 commits.'), evidence: [{ kind: 'git', value: 'origin' }] },
  { id: 'versioning.active', level: 0, strength: 'should', area: 'versioning', theme: 'formkrav', item: 'F1', outcome: 'fail', basis: 'verified',
    message: t('Last commit 2023-01-01, more than 12 months ago.', 'Seneste commit 2023-01-01, for mere end 12 måneder siden.'), evidence: [{ kind: 'git', value: '2023-01-01' }] },
  { id: 'legal.procurement', level: 0, strength: 'must', area: 'legal', theme: 'formkrav', item: 'F3', outcome: 'explained', checkOutcome: 'fail', basis: 'none',
    message: t('Not declared in os2.yaml: legal.procurement.', 'Ikke erklæret i os2.yaml: legal.procurement.'), evidence: [{ kind: 'looked-for', path: 'legal.procurement' }],
    explanation: { reason: 'Built in-house; no procurement took place.', approvedBy: 'steering group', approvedOn: null, ageDays: null, expires: '2027-01-01', expired: false } },
  { id: 'docs.install', level: 1, strength: 'must', area: 'documentation', theme: 'formkrav', item: 'F7', outcome: 'pass', basis: 'verified',
    message: t('Found in the repository: README.md "Installation".', 'Fundet i repositoriet: README.md "Installation".'), evidence: [{ kind: 'heading', path: 'README.md', line: 12, value: 'Installation' }] },
  { id: 'docs.technical', level: 1, strength: 'must', area: 'documentation', theme: 'formkrav', item: 'F7', outcome: 'pass', basis: 'verified',
    message: t('Found in the repository: docs/architecture.md.', 'Fundet i repositoriet: docs/architecture.md.'), evidence: [{ kind: 'file', path: 'docs/architecture.md' }] },
  { id: 'operations.requirements', level: 1, strength: 'must', area: 'operations', theme: 'formkrav', item: 'F7', outcome: 'pass', basis: 'verified',
    message: t('Found in the repository: docs/drift dokumentation.md.', 'Fundet i repositoriet: docs/drift dokumentation.md.'), evidence: [{ kind: 'heading', path: 'docs/drift dokumentation.md', line: 3 }] },
  { id: 'docs.interfaces', level: 1, strength: 'should', area: 'documentation', theme: 'formkrav', item: 'F7', outcome: 'not-applicable', checkOutcome: 'fail', basis: 'none',
    message: t('Nothing found.', 'Intet fundet.'), notApplicable: 'The product has no interfaces.' },
  { id: 'relevance.value-for-others', level: 1, strength: 'must', area: 'relevance', theme: 'relevans', item: 'R2', outcome: 'fail', basis: 'none',
    message: t('Not declared in os2.yaml: relevance.valueForOthers.', 'Ikke erklæret i os2.yaml: relevance.valueForOthers.'), evidence: [{ kind: 'looked-for', path: 'relevance.valueForOthers' }] },
  { id: 'relevance.local-value', level: 1, strength: 'must', area: 'relevance', theme: 'relevans', item: 'R1', outcome: 'unknown', basis: 'none',
    message: t('The manifest could not be read.', 'Manifestet kunne ikke læses.') },
  { id: 'tests.coverage', level: 2, strength: 'must', area: 'tests', theme: 'formkrav', item: 'F16', outcome: 'error', basis: 'none',
    message: t('The check failed to run: boom.', 'Kontrollen kunne ikke køre: boom.') },
  { id: 'governance.lead', level: 1, strength: 'must', area: 'governance', theme: 'governance', item: 'G3', outcome: 'fail', basis: 'none',
    message: t(HOSTILE, HOSTILE), evidence: [{ kind: 'declared', path: 'governance.lead' }],
    explanation: { reason: 'Lead is being recruited.', approvedBy: null, approvedOn: null, ageDays: null, expires: '2025-01-01', expired: true } },
  { id: 'governance.portfolio', level: 1, strength: 'must', area: 'governance', theme: 'governance', item: 'G1', outcome: 'pass', basis: 'declared',
    message: t('Declared in os2.yaml: governance.portfolio.', 'Erklæret i os2.yaml: governance.portfolio.'), evidence: [{ kind: 'declared', path: 'governance.portfolio' }] },
  { id: 'strategy.os2-strategy', level: 1, strength: 'must', area: 'strategy', theme: 'strategisk', item: 'S1', outcome: 'not-applicable', checkOutcome: 'fail', basis: 'none',
    message: t('Not declared.', 'Ikke erklæret.'), notApplicable: 'Agreed with the secretariat.' },
];

export const ROOT = '/repos/os2example';

const ORDER = ['R', 'F', 'S', 'G'];
/** The fixture's checklist: the specs grouped by item, at the lowest level of their parts, must when any part is. */
export function checklist(): ChecklistGeneration {
  const ids = [...new Set(SPECS.flatMap((s) => (s.item ? [s.item] : [])))].sort((a, b) =>
    ORDER.indexOf(a[0]!) - ORDER.indexOf(b[0]!) || Number(a.slice(1)) - Number(b.slice(1)));
  const items = ids.map((id): ChecklistItemDef => {
    const parts = SPECS.filter((s) => s.item === id);
    const level = Math.min(...parts.map((p) => p.level)) as LevelNumber;
    const strength: Strength = parts.some((p) => p.strength === 'must') ? 'must' : 'should';
    return {
      id, theme: parts[0]!.theme, level, strength, title: t(`Item ${id} as OS2 words it`, `Punkt ${id} som OS2 formulerer det`),
      parts: parts.map((p) => ({ id: p.id, level: p.level, strength: p.strength })),
    };
  });
  return { id: 'test-2026', from: '2026-01-01', source: t('fixture', 'fixtur'), items };
}

export function catalogue(): LevelCatalogue {
  const generation = checklist();
  return {
    checklist: generation,
    checklists: { default: generation.id, aliases: {}, generations: [generation] },
    schemaVersion: 1,
    id: 'test-catalogue',
    name: t('Test catalogue', 'Testkatalog'),
    path: '/catalogue.yaml',
    levels: [
      { level: 0, name: t('Minimum requirements (sandbox)', 'Minimumskrav (sandkasse)') },
      { level: 1, name: t('Level 1', 'Niveau 1') },
      { level: 2, name: t('Level 2', 'Niveau 2') },
      { level: 3, name: t('Level 3', 'Niveau 3') },
    ],
    organisations: [],
    sandboxOrganisations: [],
    requirements: SPECS.map((s): Requirement => ({
      id: s.id, level: s.level, strength: s.strength, area: s.area, theme: s.theme, refs: { 'test-2026': s.item }, source: s.id.startsWith('tests.') ? 'interpretation' : 'os2',
      evidence: ['repo'],
      title: t(`Title of ${s.id}`, `Titel for ${s.id}`),
      description: t(`Description of ${s.id}.`, `Beskrivelse af ${s.id}.`),
      remediation: t(`Do ${s.id}: set \`x: 1\` | done.`, `Gør ${s.id}: sæt \`x: 1\` | færdig.`),
      check: { kind: 'declared' },
    })),
  };
}

export function result(lang: Lang, cat = catalogue()): RepositoryResult {
  const requirements: ReportRequirement[] = SPECS.map((s) => {
    const def = cat.requirements.find((r) => r.id === s.id)!;
    return {
      id: s.id, level: s.level, strength: s.strength, area: s.area, theme: s.theme, source: def.source, item: s.item, partial: false,
      outcome: s.outcome, checkOutcome: s.checkOutcome ?? s.outcome, basis: s.basis ?? 'none', timeDependent: s.id === 'versioning.releases',
      title: def.title[lang], code: 'test', args: {}, message: s.message[lang], remediation: def.remediation[lang],
      evidence: s.evidence ?? [], findings: [], explanation: s.explanation ?? null,
      notApplicable: s.notApplicable ? { reason: s.notApplicable } : null,
    };
  });
  const byId = new Map(requirements.map((q) => [q.id, q]));
  const items: ReportItem[] = cat.checklist.items.map((i) => {
    const parts = i.parts.map((p) => byId.get(p.id)!);
    return {
      id: i.id, theme: i.theme, level: i.level, strength: i.strength, title: i.title[lang], status: itemStatus(parts),
      requirements: parts.map((p) => p.id), basis: parts.some((p) => p.basis === 'verified') ? 'verified' : 'declared',
      interpretation: parts.filter((p) => p.source === 'interpretation').map((p) => p.id),
    };
  });
  // The evaluator's own rule, over the fixture's hand-made outcomes.
  const progress = levelProgress(cat.checklist.items.map((def) => ({ def, parts: def.parts.map((p) => byId.get(p.id)!) })));
  const counts = { pass: 0, fail: 0, explained: 0, 'not-applicable': 0, unknown: 0, error: 0 };
  for (const q of requirements) counts[q.outcome]++;
  const open = (q: ReportRequirement): boolean => q.level <= 1 && !SATISFIES.has(q.outcome);
  const itemsOf = (qs: ReportRequirement[]): string[] => items.filter((i) => qs.some((q) => q.item === i.id)).map((i) => i.id);
  return {
    path: ROOT,
    manifest: `${ROOT}/os2.yaml`,
    productName: 'OS2example',
    achievedLevel: 0,
    nextLevel: 1,
    targetLevel: 2,
    gap: requirements.filter((q) => q.strength === 'must' && open(q)).map((q) => q.id),
    gapItems: itemsOf(requirements.filter((q) => q.strength === 'must' && open(q))),
    recommendations: requirements.filter((q) => q.strength === 'should' && open(q)).map((q) => q.id),
    recommendationItems: itemsOf(requirements.filter((q) => q.strength === 'should' && open(q))),
    progress,
    items,
    counts,
    notices: [],
    consistency: [
      {
        code: 'consistency.organisation',
        args: { declared: 'OS2example', remote: ['acme'] },
        message: lang === 'da' ? `repository.organisation er OS2example, men remoten ejes af acme. ${HOSTILE}` : `repository.organisation is OS2example, but the remote is owned by acme. ${HOSTILE}`,
      },
    ],
    requirements,
  };
}

export function report(lang: Lang, cat = catalogue()): Report {
  return {
    schemaVersion: 2,
    tool: { name: 'os2level', version: '9.8.7' },
    catalogue: { id: cat.id, path: cat.path },
    checklist: { id: cat.checklist.id, from: cat.checklist.from },
    lang,
    asOf: '2026-05-01',
    results: [result(lang, cat)],
  };
}

export const ctx = (cat = catalogue()) => ({ color: false, verbose: false, catalogue: cat });
export const LANGS: Lang[] = ['en', 'da'];
