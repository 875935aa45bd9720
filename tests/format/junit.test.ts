import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/format/junit.js';
import { ctx, HOSTILE, LANGS, report, SPECS } from './fixtures.js';

type Node = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name),
});

function parse(xml: string): { suites: Node; suite: Node[] } {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = parser.parse(xml) as { testsuites: Node & { testsuite: Node[] } };
  return { suites: doc.testsuites, suite: doc.testsuites.testsuite };
}

describe('junit', () => {
  const casesOf = (xml: string): Map<string, Node> =>
    new Map(parse(xml).suite.flatMap((s) => s.testcase as Node[]).map((c) => [String(c['@_classname']).split('.').slice(1).join('.'), c]));
  const kind = (c: Node): string => ('failure' in c ? 'failure' : 'skipped' in c ? 'skipped' : 'pass');
  const kinds = (xml: string): Record<string, string> => Object.fromEntries([...casesOf(xml)].map(([id, c]) => [id, kind(c)]));

  it.each(LANGS)('is well-formed with one suite per theme and one case per checklist item (%s)', (lang) => {
    const rep = report(lang);
    const { suites, suite } = parse(formatJunit(rep, ctx()));
    const themes = new Set(rep.results[0]!.items.map((i) => i.theme));
    const outside = SPECS.filter((s) => s.item === null).length;
    expect(suite).toHaveLength(themes.size + (outside ? 1 : 0));
    expect(suite.flatMap((s) => s.testcase as Node[])).toHaveLength(rep.results[0]!.items.length + outside);
    expect(suites).toMatchObject({ '@_failures': '3', '@_skipped': '2', '@_errors': '0' });
  });

  it('counts per suite match the cases inside', () => {
    const { suite } = parse(formatJunit(report('en'), ctx()));
    for (const s of suite) {
      const cases = s.testcase as Node[];
      expect(Number(s['@_tests'])).toBe(cases.length);
      expect(Number(s['@_failures'])).toBe(cases.filter((c) => 'failure' in c).length);
      expect(Number(s['@_skipped'])).toBe(cases.filter((c) => 'skipped' in c).length);
    }
  });

  it('without --min-level the next level is the gate: only its blockers fail, a blocking unknown with its reason; above it is skipped', () => {
    const xml = formatJunit(report('en'), ctx());
    // The fixture reached the minimum; N1 is next. R1 is unknown (blocks), R2 and G3 fail at N1;
    // F16 fails only at N2 (skipped with a message); S1 is not relevant; F1's should is noted, not failed.
    expect(kinds(xml)).toEqual({ R1: 'failure', R2: 'failure', F1: 'pass', F3: 'pass', F5: 'pass', F7: 'pass', F16: 'skipped', S1: 'skipped', G1: 'pass', G3: 'failure' });
    const cases = casesOf(xml);
    expect((cases.get('R1')!.failure as Node)['@_message']).toBe('unknown: The manifest could not be read.');
    expect((cases.get('R1')!.failure as Node)['@_type']).toBe('unknown');
    expect((cases.get('F16')!.skipped as Node)['@_message']).toBe('Not gated: not met only above the required level N1: tests.coverage (N2, error)');
    expect((cases.get('S1')!.skipped as Node)['@_message']).toContain('Agreed with the secretariat.');
    expect(String(cases.get('F1')!['system-out'])).toContain('versioning.active');
  });

  it('--min-level moves the gate: at the minimum nothing fails; at N2 the broken coverage check fails as an error', () => {
    expect(Object.values(kinds(formatJunit(report('en'), { ...ctx(), gate: { minLevel: 0 } }))).filter((k) => k === 'failure')).toEqual([]);
    const n2 = casesOf(formatJunit(report('en'), { ...ctx(), gate: { minLevel: 2 } }));
    expect(kind(n2.get('F16')!)).toBe('failure');
    expect((n2.get('F16')!.failure as Node)['@_type']).toBe('error');
    // --strict: the should requirement at the minimum fails too.
    expect(kind(casesOf(formatJunit(report('en'), { ...ctx(), gate: { minLevel: 0, strict: true } })).get('F1')!)).toBe('failure');
  });

  it('Danish messages', () => {
    const cases = casesOf(formatJunit(report('da'), ctx()));
    expect((cases.get('F16')!.skipped as Node)['@_message']).toBe('Ikke afgørende: kun ikke opfyldt over det krævede niveau N1: tests.coverage (N2, fejl)');
  });

  it('escapes hostile text so it round-trips through a parser', () => {
    const { suite } = parse(formatJunit(report('en'), ctx()));
    const lead = suite.flatMap((s) => s.testcase as Node[]).find((c) => String(c['@_name']).startsWith('G3'))!;
    const failure = lead.failure as Node;
    expect(String(failure['@_message']).startsWith(HOSTILE)).toBe(true);
    expect(String(failure['#text'])).toContain('<x> & "q"');
  });

  it('replaces characters XML cannot carry', () => {
    const rep = report('en');
    rep.results[0]!.requirements[2]!.message = 'bell\u0007 and \u001b[31mansi';
    expect(XMLValidator.validate(formatJunit(rep, ctx()))).toBe(true);
  });
});
