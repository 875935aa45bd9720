import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, itemStatus } from '../../src/evaluate/evaluate.js';
import type { Evaluation } from '../../src/evaluate/types.js';
import type { Facts } from '../../src/facts/types.js';
import type { LevelCatalogue, LevelNumber, Requirement, Strength } from '../../src/levels/types.js';
import { catalogueOf, emptyFacts, inGit, loadTestCatalogue, monthsAgo, NOW, STUB_CATALOGUE, tag, withManifest } from '../helpers/facts.js';

const t = (s: string) => ({ da: `${s} (da)`, en: s });
function req(id: string, level: LevelNumber, strength: Strength, kind: string, params: Record<string, unknown> = {}): Requirement {
  return {
    id, level, strength, area: 'documentation', theme: 'formkrav', source: 'interpretation', evidence: ['repo'],
    title: t(id), description: t(id), remediation: t(id), check: { kind, params },
  };
}

const TINY: LevelCatalogue = catalogueOf(STUB_CATALOGUE, [
    req('t0.readme', 0, 'must', 'documented', { wellKnown: ['readme'] }),
    req('t0.licence', 0, 'must', 'licence-osi'),
    req('t0.contributing', 0, 'should', 'documented', { wellKnown: ['contributing'] }),
    req('t1.tests', 1, 'must', 'tests-present', { minFiles: 1 }),
    req('t1.coc', 1, 'should', 'documented', { wellKnown: ['codeOfConduct'] }),
    req('t2.changelog', 2, 'must', 'documented', { wellKnown: ['changelog'] }),
    req('t2.releases', 2, 'must', 'releases', { withinMonths: 12 }),
    req('t3.security', 3, 'must', 'documented', { wellKnown: ['security'] }),
], 'tiny');

interface Has { readme?: boolean; licence?: boolean; contributing?: boolean; tests?: boolean; coc?: boolean; changelog?: boolean; release?: string | null; security?: boolean }
const ALL: Has = { readme: true, licence: true, contributing: true, tests: true, coc: true, changelog: true, release: monthsAgo(1), security: true };

function facts(has: Has, manifest?: Record<string, unknown>): Facts {
  const base = emptyFacts({
    wellKnown: {
      readme: has.readme ? [{ path: 'README.md' }] : [],
      contributing: has.contributing ? [{ path: 'CONTRIBUTING.md' }] : [],
      codeOfConduct: has.coc ? [{ path: 'CODE_OF_CONDUCT.md' }] : [],
      changelog: has.changelog ? [{ path: 'CHANGELOG.md' }] : [],
      security: has.security ? [{ path: 'SECURITY.md', hasContact: true }] : [],
    },
    licence: { status: 'known', value: { path: has.licence ? 'LICENSE' : null, spdx: has.licence ? 'MPL-2.0' : null, others: [] } },
    tests: { byEcosystem: { javascript: has.tests ? 3 : 0 }, sample: [], total: has.tests ? 3 : 0 },
  });
  const withGit = inGit(base, { tags: has.release ? [tag('v1.0.0', has.release)] : [] });
  return manifest ? withManifest(withGit, manifest) : withGit;
}
const without = (...keys: (keyof Has)[]): Has => ({ ...ALL, ...Object.fromEntries(keys.map((k) => [k, k === 'release' ? null : false])) });
const outcomeOf = (e: Evaluation, id: string) => e.requirements.find((r) => r.id === id)!;
const run = (f: Facts, now = NOW, catalogue = TINY) => evaluate(f, catalogue, { now });

describe('evaluate: achieved level, next level, gap and recommendations (tiny catalogue)', () => {
  it.each([
    ['everything', ALL, 3, null, [], []],
    ['a minimum must fails', without('licence'), null, 0, ['t0.licence'], []],
    ['two minimum musts fail', without('licence', 'readme'), null, 0, ['t0.readme', 't0.licence'], []],
    ['should-requirements never block', without('contributing', 'coc'), 3, null, [], []],
    ['an N1 must fails', without('tests'), 0, 1, ['t1.tests'], []],
    ['levels are cumulative: N2 and N3 met but N1 not', without('tests'), 0, 1, ['t1.tests'], []],
    ['an N2 must fails', without('release'), 1, 2, ['t2.releases'], []],
    ['an N3 must fails', without('security'), 2, 3, ['t3.security'], []],
    ['the gap lists only the next level, recommendations every unmet should up to it', without('licence', 'security', 'contributing', 'coc'), null, 0, ['t0.licence'], ['t0.contributing']],
    ['recommendations from lower levels stay listed', without('tests', 'contributing', 'coc'), 0, 1, ['t1.tests'], ['t0.contributing', 't1.coc']],
  ] as const)('%s', (_n, has, achievedLevel, nextLevel, gap, recommendations) => {
    const e = run(facts(has));
    expect({ achievedLevel: e.achievedLevel, nextLevel: e.nextLevel, gap: e.gap, recommendations: e.recommendations })
      .toEqual({ achievedLevel, nextLevel, gap, recommendations });
  });

  it('progress counts musts and shoulds met per level', () => {
    const e = run(facts(without('licence', 'coc', 'release')));
    expect(e.progress).toEqual([
      { level: 0, mustTotal: 2, mustMet: 1, shouldTotal: 1, shouldMet: 1 },
      { level: 1, mustTotal: 1, mustMet: 1, shouldTotal: 1, shouldMet: 0 },
      { level: 2, mustTotal: 2, mustMet: 1, shouldTotal: 0, shouldMet: 0 },
      { level: 3, mustTotal: 1, mustMet: 1, shouldTotal: 0, shouldMet: 0 },
    ]);
  });

  it('an unknown must blocks its level', () => {
    const f = { ...facts(ALL), licence: { status: 'unknown' as const, reason: 'unreadable' } };
    const e = run(f);
    expect(outcomeOf(e, 't0.licence').outcome).toBe('unknown');
    expect(e.achievedLevel).toBeNull();
    expect(e.gap).toEqual(['t0.licence']);
  });

  it('every requirement is reported in catalogue order with its metadata', () => {
    const e = run(facts(ALL));
    expect(e.requirements.map((r) => r.id)).toEqual(TINY.requirements.map((r) => r.id));
    expect(outcomeOf(e, 't1.tests')).toMatchObject({ level: 1, strength: 'must', outcome: 'pass', checkOutcome: 'pass', code: 'tests.pass', basis: 'verified', explanation: null, notApplicable: null });
  });
});

describe('evaluate: comply or explain', () => {
  const explain = (id: string, e: Record<string, unknown>) => ({ explanations: { [id]: e } });

  it('an explained must lets the level pass and is not a silent pass', () => {
    const e = run(facts(without('licence'), explain('t0.licence', { reason: 'Licence file is being chosen by the board.', approvedBy: 'board', expires: '2026-12-31' })));
    const r = outcomeOf(e, 't0.licence');
    expect(r).toMatchObject({ outcome: 'explained', checkOutcome: 'fail', code: 'licence.missing' });
    expect(r.explanation).toEqual({ reason: 'Licence file is being chosen by the board.', approvedBy: 'board', approvedOn: null, ageDays: null, expires: '2026-12-31', expired: false });
    expect(e.achievedLevel).toBe(3);
  });

  it('an explanation without expiry never expires', () => {
    const e = run(facts(without('tests'), explain('t1.tests', { reason: 'Tested manually by the municipality.' })));
    expect(outcomeOf(e, 't1.tests').outcome).toBe('explained');
    expect(outcomeOf(e, 't1.tests').explanation?.expired).toBe(false);
  });

  it.each([
    ['expired the day before now', '2026-05-31', 'fail', true, 0],
    ['expires on the day of now (valid through that day)', '2026-06-01', 'explained', false, 3],
    ['expires later', '2027-03-01', 'explained', false, 3],
  ] as const)('an explanation that %s', (_n, expires, outcome, expired, achievedLevel) => {
    const e = run(facts(without('tests'), explain('t1.tests', { reason: 'Manual tests.', expires })));
    expect(outcomeOf(e, 't1.tests').outcome).toBe(outcome);
    expect(outcomeOf(e, 't1.tests').explanation?.expired).toBe(expired);
    expect(e.achievedLevel).toBe(achievedLevel);
  });

  it('the last moment of the expiry day is still valid, the next is not', () => {
    const f = facts(without('tests'), explain('t1.tests', { reason: 'Manual tests.', expires: '2026-06-01' }));
    expect(outcomeOf(run(f, new Date('2026-06-01T23:59:59.999Z')), 't1.tests').outcome).toBe('explained');
    expect(outcomeOf(run(f, new Date('2026-06-02T00:00:00.000Z')), 't1.tests').outcome).toBe('fail');
  });

  it('an explanation with a blank reason counts as missing', () => {
    const e = run(facts(without('tests'), explain('t1.tests', { reason: '  ' })));
    expect(outcomeOf(e, 't1.tests')).toMatchObject({ outcome: 'fail', explanation: null });
  });

  it('notApplicable turns a failing requirement into not-applicable, which satisfies the level', () => {
    const e = run(facts(without('release'), { notApplicable: { 't2.releases': 'Delivered as a hosted service; no releases.' } }));
    expect(outcomeOf(e, 't2.releases')).toMatchObject({ outcome: 'not-applicable', checkOutcome: 'fail', notApplicable: { reason: 'Delivered as a hosted service; no releases.' } });
    expect(e.achievedLevel).toBe(3);
  });

  it('a pass stays a pass even when notApplicable or an explanation is declared', () => {
    const e = run(facts(ALL, { notApplicable: { 't1.tests': 'No code.' }, explanations: { 't0.readme': { reason: 'x' } } }));
    expect(outcomeOf(e, 't1.tests')).toMatchObject({ outcome: 'pass', notApplicable: { reason: 'No code.' } });
    expect(outcomeOf(e, 't0.readme').outcome).toBe('pass');
  });

  it('notApplicable with a blank reason is ignored', () => {
    const e = run(facts(without('tests'), { notApplicable: { 't1.tests': ' ' } }));
    expect(outcomeOf(e, 't1.tests')).toMatchObject({ outcome: 'fail', notApplicable: null });
  });

  it('an unknown outcome can be explained', () => {
    const f = withManifest({ ...facts(ALL), licence: { status: 'unknown', reason: 'unreadable' } }, explain('t0.licence', { reason: 'Licence text is in a binary PDF.' }));
    expect(outcomeOf(run(f), 't0.licence')).toMatchObject({ outcome: 'explained', checkOutcome: 'unknown' });
  });
});

describe('evaluate: errors stay with their requirement', () => {
  it('an unknown check kind is an error for that requirement only, and blocks its level', () => {
    const catalogue: LevelCatalogue = catalogueOf(TINY, [...TINY.requirements, req('t2.broken', 2, 'must', 'no-such-check')]);
    const e = run(facts(ALL), NOW, catalogue);
    expect(outcomeOf(e, 't2.broken')).toMatchObject({ outcome: 'error', checkOutcome: 'error', code: 'check.error', basis: 'none' });
    expect(String(outcomeOf(e, 't2.broken').args.message)).toContain('no-such-check');
    expect(e.requirements.filter((r) => r.outcome === 'error').map((r) => r.id)).toEqual(['t2.broken']);
    expect(e.achievedLevel).toBe(1);
    expect(e.gap).toEqual(['t2.broken']);
  });

  it('a check that throws on its params is an error, the others still run', () => {
    const catalogue: LevelCatalogue = catalogueOf(TINY, [...TINY.requirements, req('t0.activity', 0, 'must', 'git-activity', { withinMonths: 12, maxBulkRatio: 0.5, bulkPatterns: ['('] })]);
    const e = run(facts(ALL), NOW, catalogue);
    expect(outcomeOf(e, 't0.activity')).toMatchObject({ outcome: 'error', code: 'check.error' });
    expect(e.requirements.filter((r) => r.id !== 't0.activity').every((r) => r.outcome === 'pass')).toBe(true);
    expect(e.achievedLevel).toBeNull();
  });

  it('an error cannot be explained away as a pass, but can be explained', () => {
    const catalogue: LevelCatalogue = catalogueOf(TINY, [...TINY.requirements, req('t2.broken', 2, 'must', 'no-such-check')]);
    const e = run(facts(ALL, { explanations: { 't2.broken': { reason: 'Known tool problem.' } } }), NOW, catalogue);
    expect(outcomeOf(e, 't2.broken')).toMatchObject({ outcome: 'explained', checkOutcome: 'error' });
  });
});

describe('evaluate: target level and purity', () => {
  it.each([
    [{ product: { name: 'x', targetLevel: 2 } }, 2],
    [{ product: { name: 'x', targetLevel: 0 } }, 0],
    [{ product: { name: 'x' } }, null],
    [{ product: { name: 'x', targetLevel: 7 } }, null],
    [undefined, null],
  ] as const)('targetLevel from %j → %s', (manifest, targetLevel) => {
    expect(run(facts(ALL, manifest as Record<string, unknown> | undefined)).targetLevel).toBe(targetLevel);
  });

  it('same inputs give deep-equal outputs, and the inputs are not changed', () => {
    const f = facts(without('tests', 'coc'), { explanations: { 't1.tests': { reason: 'x', expires: '2027-01-01' } } });
    const before = structuredClone(f);
    const a = run(f);
    const b = run(f);
    expect(a).toEqual(b);
    expect(f).toEqual(before);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('reads no clock: time rules follow the now passed in', () => {
    const f = facts({ ...ALL, coc: false, release: '2026-01-15T00:00:00Z' }, { explanations: { 't1.coc': { reason: 'x', expires: '2026-12-31' } } });
    const early = run(f, new Date('2026-06-01T00:00:00Z'));
    const late = run(f, new Date('2027-06-01T00:00:00Z'));
    expect(outcomeOf(early, 't2.releases').outcome).toBe('pass');
    expect(outcomeOf(late, 't2.releases').outcome).toBe('fail');
    expect(outcomeOf(early, 't1.coc')).toMatchObject({ outcome: 'explained', explanation: { expired: false } });
    expect(outcomeOf(late, 't1.coc')).toMatchObject({ outcome: 'fail', explanation: { expired: true } });
    expect(early.achievedLevel).toBe(3);
    expect(late.achievedLevel).toBe(1);
    expect(run(f, new Date('2027-06-01T00:00:00Z'))).toEqual(late);
  });
});

describe('evaluate: shipped catalogue', () => {
  let catalogue: LevelCatalogue;
  beforeAll(async () => {
    catalogue = await loadTestCatalogue();
  });

  it('an empty directory reaches no level; the gap is exactly the failing minimum musts', () => {
    const e = evaluate(emptyFacts(), catalogue, { now: NOW });
    const minimumMusts = catalogue.requirements.filter((r) => r.level === 0 && r.strength === 'must').map((r) => r.id);
    expect(e.achievedLevel).toBeNull();
    expect(e.nextLevel).toBe(0);
    // licence-consistent has nothing to compare, so it passes; every other minimum must blocks.
    expect(e.gap).toEqual(minimumMusts.filter((id) => id !== 'legal.licence-consistent'));
    expect(e.recommendations).toEqual(catalogue.requirements.filter((r) => r.level === 0 && r.strength === 'should').map((r) => r.id));
    expect(e.requirements).toHaveLength(catalogue.requirements.length);
    expect(e.requirements.every((r) => r.outcome !== 'error')).toBe(true);
  });

  it("progress counts OS2's must items per level, as the checklist places them", () => {
    const e = evaluate(emptyFacts(), catalogue, { now: NOW });
    // 2026: R1 F1–F5 at the minimum; F6 F7 F10 F11 S1 S2 G1–G4 at N1 (plus F2's MPL-2.0 part);
    // N2 R2 R3 F12–F18 S3 S4 G5 G6; N3 R4 F21 F22 S5 G11–G14 plus the N3 parts of F12 and F16.
    expect(e.progress.map((p) => p.mustTotal)).toEqual([6, 11, 13, 10]);
    expect(e.items.map((i) => i.id)).toEqual(catalogue.checklist.items.map((i) => i.id));
    expect(e.items).toHaveLength(43);
  });

  it('explaining every minimum must reaches level 0, and the next gap is the N1 musts', () => {
    const minimumMusts = catalogue.requirements.filter((r) => r.level === 0 && r.strength === 'must').map((r) => r.id);
    const explanations = Object.fromEntries(minimumMusts.map((id) => [id, { reason: 'Explained for the test.' }]));
    const e = evaluate(withManifest(emptyFacts(), { schemaVersion: 1, product: { name: 'x' }, explanations }), catalogue, { now: NOW });
    expect(e.achievedLevel).toBe(0);
    expect(e.nextLevel).toBe(1);
    const failingN1 = e.requirements.filter((r) => r.level === 1 && r.strength === 'must' && !['pass', 'explained', 'not-applicable'].includes(r.outcome)).map((r) => r.id);
    expect(e.gap).toEqual(failingN1);
    expect(e.gap.length).toBeGreaterThan(0);
  });
});

describe('evaluate: items', () => {
  // One item of two must parts and a should part, one should item, one item with a part asked later.
  const R = [
    req('i.readme', 0, 'must', 'documented', { wellKnown: ['readme'] }),
    req('i.licence', 0, 'must', 'licence-osi'),
    req('i.contributing', 0, 'should', 'documented', { wellKnown: ['contributing'] }),
    req('i.coc', 1, 'should', 'documented', { wellKnown: ['codeOfConduct'] }),
    req('i.tests', 1, 'must', 'tests-present', { minFiles: 1 }),
    req('i.security', 3, 'must', 'documented', { wellKnown: ['security'] }),
  ];
  const ITEMS: LevelCatalogue = (() => {
    const base = catalogueOf(STUB_CATALOGUE, R, 'items');
    const item = (id: string, level: LevelNumber, strength: Strength, parts: [string, LevelNumber, Strength][]) =>
      ({ id, theme: 'formkrav' as const, level, strength, title: t(id), parts: parts.map(([pid, l, st]) => ({ id: pid, level: l, strength: st })) });
    const checklist = {
      ...base.checklist,
      items: [
        item('F1', 0, 'must', [['i.readme', 0, 'must'], ['i.licence', 0, 'must'], ['i.contributing', 0, 'should']]),
        item('F2', 1, 'should', [['i.coc', 1, 'should']]),
        item('F3', 1, 'must', [['i.tests', 1, 'must'], ['i.security', 3, 'must']]),
      ],
    };
    return { ...base, checklist, checklists: { ...base.checklists, generations: [checklist] } };
  })();
  const item = (e: Evaluation, id: string) => e.items.find((i) => i.id === id)!;

  it.each([
    ['everything', ALL, { F1: 'met', F2: 'met', F3: 'met' }, 3, []],
    ['a must part fails, another holds: partly met, blocks the minimum', without('licence'), { F1: 'partly-met', F2: 'met', F3: 'met' }, null, ['F1']],
    ['only the should part fails: partly met, blocks nothing', without('contributing'), { F1: 'partly-met', F2: 'met', F3: 'met' }, 3, []],
    ['a should item fails: not met, blocks nothing', without('coc'), { F1: 'met', F2: 'not-met', F3: 'met' }, 3, []],
    ['a part asked later fails: the item is partly met and blocks only that level', without('security'), { F1: 'met', F2: 'met', F3: 'partly-met' }, 2, ['F3']],
    ['every part fails: not met', without('tests', 'security'), { F1: 'met', F2: 'met', F3: 'not-met' }, 0, ['F3']],
  ] as const)('%s', (_n, has, statuses, achieved, gapItems) => {
    const e = run(facts(has), NOW, ITEMS);
    expect(Object.fromEntries(e.items.map((i) => [i.id, i.status]))).toEqual(statuses);
    expect(e.achievedLevel).toBe(achieved);
    expect(e.gapItems).toEqual(gapItems);
  });

  it('requirements take the level and strength of their part, and name their item', () => {
    const e = run(facts(ALL), NOW, ITEMS);
    expect(outcomeOf(e, 'i.security')).toMatchObject({ item: 'F3', level: 3, strength: 'must' });
    expect(outcomeOf(e, 'i.coc')).toMatchObject({ item: 'F2', level: 1, strength: 'should' });
  });

  it('counts must items per level, an item with a later part on both levels', () => {
    const e = run(facts(without('security')), NOW, ITEMS);
    expect(e.progress.map((p) => [p.mustTotal, p.mustMet])).toEqual([[1, 1], [1, 1], [0, 0], [1, 0]]);
    expect(e.progress.map((p) => [p.shouldTotal, p.shouldMet])).toEqual([[1, 1], [1, 1], [0, 0], [0, 0]]);
  });

  it('declared not relevant as a whole is grey; explained counts as met; nothing decided is no light', () => {
    const na = run(facts(without('coc'), { notApplicable: { 'i.coc': 'No community yet.' } }), NOW, ITEMS);
    expect(item(na, 'F2').status).toBe('not-relevant');
    const explained = run(facts(without('licence'), { explanations: { 'i.licence': { reason: 'Board decision pending.' } } }), NOW, ITEMS);
    expect(item(explained, 'F1')).toMatchObject({ status: 'met', basis: 'declared' });
    expect(itemStatus([{ outcome: 'unknown', partial: false }, { outcome: 'error', partial: false }])).toBe('unknown');
    expect(itemStatus([])).toBe('unknown');
  });

  it.each([
    [[['fail', true]], 'partly-met'],
    [[['fail', false]], 'not-met'],
    [[['fail', false], ['unknown', false]], 'not-met'],
    [[['pass', false], ['unknown', false]], 'partly-met'],
    [[['not-applicable', false], ['fail', false]], 'not-met'],
    [[['not-applicable', false], ['pass', false]], 'met'],
    [[['not-applicable', false], ['not-applicable', false]], 'not-relevant'],
    [[['explained', false], ['pass', false]], 'met'],
  ] as const)('itemStatus %j → %s', (parts, status) => {
    expect(itemStatus(parts.map(([outcome, partial]) => ({ outcome, partial })))).toBe(status);
  });

  it('a requirement on no item of the generation gates nothing', () => {
    const noItem: LevelCatalogue = { ...ITEMS, checklist: { ...ITEMS.checklist, items: ITEMS.checklist.items.filter((i) => i.id !== 'F3') } };
    const e = run(facts(without('tests')), NOW, noItem);
    expect(outcomeOf(e, 'i.tests')).toMatchObject({ item: null, outcome: 'fail' });
    expect(e.achievedLevel).toBe(3);
  });
});
