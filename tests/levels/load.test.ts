import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checks } from '../../src/checks/registry.js';
import { defaultLevelsPath, loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue, Requirement } from '../../src/levels/types.js';
import { manifestSchema } from '../../src/manifest/load.js';
import { cleanupTempDirs, tempDir, writeFiles } from '../helpers/gitRepo.js';
import { inputErrorOf } from '../yaml/inputErrorOf.js';

afterAll(cleanupTempDirs);

// The spec's catalogue tables, in spec order, as corrected against OS2's own template history (the
// spec's corrections section): id, level, strength, item in the default (2026) checklist, source.
const SPEC: [string, number, 'must' | 'should', string | null, 'os2' | 'interpretation'][] = [
  ['docs.readme', 0, 'must', 'F5', 'os2'],
  ['docs.install', 1, 'must', 'F7', 'os2'],
  ['docs.technical', 1, 'must', 'F7', 'os2'],
  ['docs.interfaces', 1, 'should', 'F7', 'interpretation'],
  ['docs.contributing', 1, 'should', 'F7', 'interpretation'],
  ['docs.open-format', 1, 'should', 'F7', 'os2'],
  ['docs.coding-standards', 2, 'must', 'F16', 'os2'],
  ['docs.implementation-guide', 2, 'must', 'F15', 'os2'],
  ['docs.training-material', 2, 'should', 'F20', 'os2'],
  ['docs.presentation-material', 2, 'must', 'F13', 'os2'],
  ['docs.strategic-communication', 2, 'must', 'F14', 'os2'],
  ['docs.fresh', 2, 'should', 'F7', 'interpretation'],
  ['docs.political-communication', 3, 'must', 'F21', 'os2'],
  ['docs.os2-channels', 1, 'must', 'F10', 'os2'],
  ['docs.architecture-standards', 2, 'must', 'F18', 'os2'],
  ['versioning.vcs', 0, 'must', 'F1', 'os2'],
  ['versioning.active', 0, 'must', 'F1', 'os2'],
  ['versioning.os2-organisation', 1, 'must', 'F6', 'os2'],
  ['versioning.issue-tracker', 1, 'must', 'F11', 'os2'],
  ['versioning.issue-references', 1, 'must', 'F11', 'os2'],
  ['versioning.single-mainline', 2, 'must', 'F12', 'os2'],
  ['versioning.releases', 2, 'must', 'F12', 'interpretation'],
  ['versioning.semver', 2, 'should', 'F12', 'interpretation'],
  ['versioning.changelog', 2, 'must', 'F12', 'interpretation'],
  ['versioning.changelog-current', 3, 'must', 'F12', 'interpretation'],
  ['versioning.signed-tags', 3, 'should', 'F12', 'interpretation'],
  ['tests.present', 2, 'must', 'F16', 'interpretation'],
  ['tests.ci', 2, 'must', 'F16', 'interpretation'],
  ['tests.coverage', 2, 'must', 'F16', 'interpretation'],
  ['tests.coverage-high', 3, 'must', 'F16', 'interpretation'],
  ['tests.dependency-updates', 2, 'should', 'F16', 'interpretation'],
  ['tests.security-scanning', 3, 'should', 'F16', 'interpretation'],
  ['tests.third-party-review', 2, 'should', 'G9', 'os2'],
  ['operations.requirements', 1, 'must', 'F7', 'os2'],
  ['operations.setup', 2, 'must', 'F17', 'os2'],
  ['operations.container', 2, 'should', 'F19', 'os2'],
  ['operations.implementation-plan', 3, 'must', 'F22', 'os2'],
  ['legal.licence', 0, 'must', 'F2', 'os2'],
  ['legal.os2-licence', 1, 'must', 'F2', 'interpretation'],
  ['legal.licence-consistent', 0, 'must', 'F2', 'interpretation'],
  ['legal.procurement', 0, 'must', 'F3', 'os2'],
  ['legal.lawfulness', 0, 'must', 'F3', 'os2'],
  ['security.considered', 0, 'must', 'F4', 'os2'],
  ['security.disclosure', 1, 'should', 'F4', 'interpretation'],
  ['relevance.local-value', 0, 'must', 'R1', 'os2'],
  ['relevance.value-for-others', 2, 'must', 'R3', 'os2'],
  ['relevance.line-management', 2, 'must', 'R2', 'os2'],
  ['relevance.cross-municipal', 2, 'must', 'R3', 'os2'],
  ['relevance.national-strategy', 3, 'must', 'R4', 'os2'],
  ['governance.portfolio', 1, 'must', 'G1', 'os2'],
  ['governance.secretariat', 1, 'must', 'G2', 'os2'],
  ['governance.lead', 1, 'must', 'G3', 'os2'],
  ['governance.board-informed', 1, 'must', 'G4', 'os2'],
  ['governance.participants', 2, 'should', 'R3', 'interpretation'],
  ['governance.project-model', 2, 'should', 'G8', 'interpretation'],
  ['governance.board-approved', 2, 'must', 'G5', 'os2'],
  ['governance.steering-group', 2, 'must', 'G6', 'os2'],
  ['governance.coordination-group', 2, 'should', 'G7', 'os2'],
  ['governance.project-model-documented', 2, 'should', 'G8', 'os2'],
  ['governance.joining-agreement', 2, 'should', 'G10', 'os2'],
  ['governance.steering-group-approved', 3, 'must', 'G11', 'os2'],
  ['governance.board-in-steering-group', 3, 'must', 'G12', 'os2'],
  ['governance.funding', 3, 'must', 'G13', 'os2'],
  ['governance.community', 3, 'must', 'G14', 'os2'],
  ['strategy.os2-strategy', 1, 'must', 'S1', 'os2'],
  ['strategy.innovation', 1, 'must', 'S2', 'os2'],
  ['strategy.mission-link', 2, 'must', 'S3', 'os2'],
  ['strategy.product-vision', 2, 'must', 'S4', 'os2'],
  ['strategy.vision-alignment', 3, 'must', 'S5', 'os2'],
];

const AREA_OF_PREFIX: Record<string, Requirement['area']> = {
  docs: 'documentation', versioning: 'versioning', tests: 'tests', operations: 'operations',
  legal: 'legal', security: 'legal', relevance: 'relevance', governance: 'governance', strategy: 'strategy',
};
const THEME_OF_AREA: Record<Requirement['area'], Requirement['theme']> = {
  documentation: 'formkrav', versioning: 'formkrav', tests: 'formkrav', operations: 'formkrav', legal: 'formkrav',
  relevance: 'relevans', governance: 'governance', strategy: 'strategisk',
};

let catalogue: LevelCatalogue;
const byId = (id: string): Requirement => {
  const r = catalogue.requirements.find((x) => x.id === id);
  if (!r) throw new Error(`no requirement ${id}`);
  return r;
};

beforeAll(async () => {
  catalogue = await loadLevels();
});

describe('the shipped catalogue', () => {
  it('loads from the package and records where from', () => {
    expect(defaultLevelsPath()).toMatch(/levels[\\/]os2-2018\.yaml$/);
    expect(catalogue.path).toBe(defaultLevelsPath());
    expect(catalogue.schemaVersion).toBe(1);
    expect(catalogue.id).toBe('os2-2018');
    expect(catalogue.levels.map((l) => l.level)).toEqual([0, 1, 2, 3]);
    expect(catalogue.levels[0]!.name).toEqual({ da: 'Minimumskrav (sandkasse)', en: 'Minimum requirements (sandbox)' });
    expect(catalogue.levels[1]!.name).toEqual({ da: 'Niveau 1', en: 'Level 1' });
  });

  it('holds every id of the spec, in spec order, and nothing else', () => {
    expect(catalogue.requirements.map((r) => r.id)).toEqual(SPEC.map(([id]) => id));
  });

  it.each(SPEC)('%s has level %i, strength %s, item %s and source %s', (id, level, strength, item, source) => {
    const r = byId(id);
    expect([r.level, r.strength, r.refs?.['2026'], r.source]).toEqual([level, strength, item, source]);
    expect(r.area).toBe(AREA_OF_PREFIX[id.split('.')[0]!]);
    expect(r.theme).toBe(THEME_OF_AREA[r.area]);
  });

  it('has Danish and English title, description and remediation everywhere, and they differ', () => {
    for (const r of catalogue.requirements) {
      for (const field of ['title', 'description', 'remediation'] as const) {
        expect(r[field].da.trim(), `${r.id}.${field}.da`).not.toBe('');
        expect(r[field].en.trim(), `${r.id}.${field}.en`).not.toBe('');
        expect(r[field].da, `${r.id}.${field}`).not.toBe(r[field].en);
      }
    }
    const danish = catalogue.requirements.map((r) => r.description.da + r.remediation.da).join(' ');
    expect(danish).toMatch(/æ/);
    expect(danish).toMatch(/ø/);
    expect(danish).toMatch(/å/);
  });

  it('puts a note exactly on the requirements where OS2 sources disagree', () => {
    const noted = catalogue.requirements.filter((r) => r.note).map((r) => r.id);
    expect(noted.sort()).toEqual(['docs.training-material', 'governance.coordination-group', 'governance.joining-agreement', 'relevance.local-value']);
    for (const id of noted) {
      expect(byId(id).note!.da).not.toBe('');
      expect(byId(id).note!.en).not.toBe('');
    }
  });

  it('is cumulative-sane: every level has musts, governance has none at the minimum, thresholds tighten upwards', () => {
    for (const level of [0, 1, 2, 3]) {
      expect(catalogue.requirements.some((r) => r.level === level && r.strength === 'must'), `level ${level}`).toBe(true);
    }
    expect(catalogue.requirements.filter((r) => r.area === 'governance' && r.level === 0)).toEqual([]);
    // A level-N coverage threshold must be stricter than the one below it.
    const coverage = catalogue.requirements.filter((r) => r.check.kind === 'coverage').map((r) => [r.level, r.check.params!.minLinePercent as number] as const);
    expect(coverage).toEqual([[2, 50], [3, 70]]);
  });

  it('gives checklist items per template generation as in the template history', () => {
    const refs = (id: string) => { const x = byId(id).refs!; return [x['2021-05'], x['2021-11'], x['2024-04'], x['2024'], x['2026']]; };
    expect(refs('docs.presentation-material')).toEqual(['F14', 'F13', 'F13', 'F13', 'F13']);
    expect(refs('docs.strategic-communication')).toEqual(['F13', 'F14', 'F14', 'F14', 'F14']);
    expect(refs('relevance.value-for-others')).toEqual(['R2', 'R2', 'R3', 'R3', 'R3']);
    expect(refs('relevance.line-management')).toEqual(['R3', 'R3', 'R2', 'R2', 'R2']);
    expect(refs('relevance.cross-municipal')).toEqual(['R4', 'R4', 'R3', 'R3', 'R3']);
    expect(refs('relevance.national-strategy')).toEqual(['R5', 'R5', 'R4', 'R4', 'R4']);
    expect(refs('docs.install')).toEqual(['F9', 'F9', 'F9', 'F7', 'F7']);
    expect(refs('docs.technical')).toEqual(['F8', 'F8', 'F8', 'F7', 'F7']);
    expect(refs('operations.requirements')).toEqual(['F7', 'F7', 'F7', 'F7', 'F7']);
    expect(refs('strategy.product-vision')).toEqual([null, 'S4', 'S4', 'S4', 'S4']);
    expect(refs('strategy.vision-alignment')).toEqual(['S4', 'S5', 'S5', 'S5', 'S5']);
    expect(refs('docs.os2-channels')).toEqual(['F10', 'F10', 'F10', 'F10', 'F10']);
    expect(refs('docs.architecture-standards')).toEqual(['F18', 'F18', 'F18', 'F18', 'F18']);
  });

  it("gives every requirement the level and strength of its item's part in the default generation", () => {
    for (const r of catalogue.requirements) {
      const item = catalogue.checklist.items.find((i) => i.parts.some((p) => p.id === r.id));
      expect(item, `${r.id} decides no item of ${catalogue.checklist.id}`).toBeDefined();
      const part = item!.parts.find((p) => p.id === r.id)!;
      expect([r.level, r.strength], r.id).toEqual([part.level, part.strength]);
    }
  });

  it('marks every requirement that no template has as interpretation', () => {
    for (const id of ['docs.interfaces', 'governance.participants', 'governance.project-model', 'legal.os2-licence']) {
      expect(byId(id).source, id).toBe('interpretation');
    }
  });

  it('names only known check kinds and uses every kind of the closed set', () => {
    const used = new Set(catalogue.requirements.map((r) => r.check.kind));
    expect([...used].sort()).toEqual(Object.keys(checks).sort());
  });

  it('names only manifest fields that the os2.yaml schema defines', () => {
    const fields = new Set<string>();
    for (const r of catalogue.requirements) {
      const p = (r.check.params ?? {}) as Record<string, unknown>;
      for (const key of ['fields', 'declared'] as const) for (const f of (p[key] as string[] | undefined) ?? []) fields.add(f);
      if (typeof p.exceptionField === 'string') fields.add(p.exceptionField);
    }
    expect(fields.size).toBeGreaterThan(30);
    const known = manifestFieldPaths(manifestSchema() as Schema);
    expect([...fields].filter((f) => !known.has(f))).toEqual([]);
  });

  it('keeps the thresholds the spec names', () => {
    const params = (id: string) => byId(id).check.params;
    expect(params('docs.readme')).toMatchObject({ minChars: 300, declared: ['product.description'] });
    expect(params('docs.fresh')).toEqual({ withinMonths: 12 });
    expect(params('versioning.active')).toMatchObject({ withinMonths: 12, maxBulkRatio: 0.8 });
    expect(params('versioning.issue-references')).toEqual({ sample: 100, minRatio: 0.3 });
    expect(params('versioning.single-mainline')).toEqual({ maxDivergentBranchAgeDays: 180 });
    expect(params('versioning.releases')).toEqual({ withinMonths: 12 });
    expect(params('legal.os2-licence')).toEqual({ allowed: ['MPL-2.0'], exceptionField: 'licence.boardDecision' });
    expect(params('governance.participants')).toMatchObject({ fields: ['governance.participants'], minItems: 2 });
    expect(params('relevance.cross-municipal')).toEqual({ fields: ['relevance.usedBy', 'governance.participants'], match: 'any', minItems: 2, publiccode: ['usedBy'] });
    const topics = (params('operations.setup')!.topics as { id: string }[]).map((t) => t.id);
    expect(topics).toEqual(['operators', 'maintainers', 'hostingModel', 'components', 'monitoring', 'deployment', 'backup', 'financing']);
    for (const pattern of params('versioning.active')!.bulkPatterns as string[]) expect(() => new RegExp(pattern, 'i')).not.toThrow();
    expect(catalogue.organisations).toEqual(expect.arrayContaining(['OS2offdig', 'os2kitos', 'os2loop', 'OS2mo']));
    expect(catalogue.sandboxOrganisations).toEqual(['OS2sandbox']);
  });
});

describe('loading a modified catalogue (--levels)', () => {
  const original = readFileSync(defaultLevelsPath(), 'utf8');
  const lines = original.split('\n');
  /** 1-based line of the first line matching `re` at or after line `from`. */
  const lineOf = (re: RegExp, from = 1): number => lines.findIndex((l, i) => i >= from - 1 && re.test(l)) + 1;
  const write = (text: string): string => {
    const dir = tempDir();
    writeFiles(dir, { 'levels.yaml': text });
    return join(dir, 'levels.yaml');
  };
  const replaceLine = (line: number, text: string): string => lines.map((l, i) => (i === line - 1 ? text : l)).join('\n');

  it('loads a copy with a tightened threshold', async () => {
    const path = write(original.replace('minChars: 300', 'minChars: 1000'));
    const c = await loadLevels(path);
    expect(c.path).toBe(path);
    expect(c.requirements.find((r) => r.id === 'docs.readme')!.check.params).toMatchObject({ minChars: 1000 });
    expect(c.requirements).toHaveLength(SPEC.length);
  });

  it('reports a duplicate id at the second occurrence', async () => {
    const line = lineOf(/^ {2}- id: docs\.install$/);
    const e = await inputErrorOf(() => loadLevels(write(replaceLine(line, '  - id: docs.readme'))));
    expect(e.code).toBe('levels-invalid');
    const dup = e.problems.filter((p) => p.code === 'levels-duplicate-id');
    expect(dup).toHaveLength(1);
    expect([dup[0]!.line, dup[0]!.column]).toEqual([line, 9]);
    expect(dup[0]!.message).toContain(`line ${lineOf(/^ {2}- id: docs\.readme$/)}`);
  });

  it('reports a missing Danish text at its parent', async () => {
    const start = lineOf(/^ {2}- id: docs\.technical$/);
    const da = lineOf(/^ {6}da: /, start); // the title's Danish line
    const e = await inputErrorOf(() => loadLevels(write(lines.filter((_, i) => i !== da - 1).join('\n'))));
    const p = e.problems.find((x) => x.code === 'schema-required');
    expect(p).toMatchObject({ path: '/requirements/2/title/da', line: da, column: 7 });
    expect(p!.message).toContain('requirements[2].title.da');
  });

  it('reports a wrong enum value at the value, with a hint', async () => {
    const start = lineOf(/^ {2}- id: docs\.interfaces$/);
    const line = lineOf(/^ {4}strength: should$/, start);
    const e = await inputErrorOf(() => loadLevels(write(replaceLine(line, '    strength: shuold'))));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ code: 'schema-enum', line, column: 15, path: '/requirements/3/strength' });
    expect(e.problems[0]!.message).toContain('did you mean "should"');
  });

  it('reports an unknown check kind and parameters the check does not accept, at their positions', async () => {
    const minLine = lineOf(/^ {8}minChars: 300$/);
    const text = lines.map((l, i) => (i === minLine - 1 ? '        minChars: many' : l));
    const semverLine = lineOf(/^ {6}kind: semver$/);
    text[semverLine - 1] = '      kind: semvr';
    const e = await inputErrorOf(() => loadLevels(write(text.join('\n'))));
    expect(e.problems.map((p) => [p.code, p.line])).toEqual([
      ['schema-type', minLine],
      ['levels-unknown-check', semverLine],
    ]);
    expect(e.problems[0]!.message).toMatch(/docs\.readme: check "readme-prose" params\.minChars/);
    expect(e.problems[1]!.message).toContain('did you mean "semver"');
  });

  it('reports a requirement on a level the catalogue does not define', async () => {
    const line = lineOf(/^ {2}- level: 3$/);
    const text = lines.filter((_, i) => i !== line - 1 && i !== line).join('\n');
    const e = await inputErrorOf(() => loadLevels(write(text)));
    expect(new Set(e.problems.map((p) => p.code))).toEqual(new Set(['levels-unknown-level']));
    expect(e.problems.length).toBe(SPEC.filter(([, level]) => level === 3).length);
  });

  it('reports a missing file as an input error', async () => {
    const e = await inputErrorOf(() => loadLevels(join(tempDir(), 'nope.yaml')));
    expect(e.problems[0]!.code).toBe('file-not-found');
  });
});

type Schema = Record<string, unknown>;

/** Dotted paths of every property the manifest schema defines (through $ref and anyOf/oneOf). */
function manifestFieldPaths(root: Schema): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, prefix: string, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > 12) return;
    const s = node as Schema;
    if (typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')) walk((root.$defs as Schema)[s.$ref.slice(8)], prefix, depth + 1);
    for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(s[k])) for (const b of s[k] as unknown[]) walk(b, prefix, depth + 1);
    if (s.items) walk(s.items, prefix, depth + 1);
    for (const [k, v] of Object.entries((s.properties as Schema | undefined) ?? {})) {
      const path = prefix ? `${prefix}.${k}` : k;
      out.add(path);
      walk(v, path, depth + 1);
    }
  };
  walk(root, '', 0);
  return out;
}
