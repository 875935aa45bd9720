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
  it.each(LANGS)('is well-formed with one suite per area and one case per requirement (%s)', (lang) => {
    const { suites, suite } = parse(formatJunit(report(lang), ctx()));
    const areas = new Set(SPECS.map((s) => s.area));
    expect(suite).toHaveLength(areas.size);
    expect(suite.flatMap((s) => s.testcase as Node[])).toHaveLength(SPECS.length);
    expect(suites).toMatchObject({ '@_tests': String(SPECS.length), '@_failures': '4', '@_skipped': '4', '@_errors': '0' });
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

  it('fails fail and error, skips not-applicable, unknown and explained with the reason', () => {
    const { suite } = parse(formatJunit(report('en'), ctx()));
    const cases = new Map(suite.flatMap((s) => s.testcase as Node[]).map((c) => [String(c['@_classname']).split('.').slice(1).join('.'), c]));
    const kind = (id: string): string => ('failure' in cases.get(id)! ? 'failure' : 'skipped' in cases.get(id)! ? 'skipped' : 'pass');
    expect(Object.fromEntries(SPECS.map((s) => [s.id, kind(s.id)]))).toEqual({
      'docs.readme': 'pass', 'versioning.vcs': 'pass', 'versioning.active': 'failure', 'legal.procurement': 'skipped',
      'docs.install': 'pass', 'docs.technical': 'pass', 'operations.requirements': 'pass', 'docs.interfaces': 'skipped',
      'relevance.value-for-others': 'failure', 'relevance.local-value': 'skipped', 'tests.coverage': 'failure',
      'governance.lead': 'failure', 'governance.portfolio': 'pass', 'strategy.os2-strategy': 'skipped',
    });
    expect((cases.get('docs.interfaces')!.skipped as Node)['@_message']).toContain('The product has no interfaces.');
    expect((cases.get('legal.procurement')!.skipped as Node)['@_message']).toContain('Built in-house; no procurement took place.');
    expect((cases.get('tests.coverage')!.failure as Node)['@_type']).toBe('error');
    expect((cases.get('versioning.active')!.failure as Node)['@_type']).toBe('should');
  });

  it('escapes hostile text so it round-trips through a parser', () => {
    const { suite } = parse(formatJunit(report('en'), ctx()));
    const lead = suite.flatMap((s) => s.testcase as Node[]).find((c) => String(c['@_name']).startsWith('governance.lead'))!;
    const failure = lead.failure as Node;
    expect(failure['@_message']).toBe(HOSTILE);
    expect(String(failure['#text'])).toContain('<x> & "q"');
  });

  it('replaces characters XML cannot carry', () => {
    const rep = report('en');
    rep.results[0]!.requirements[2]!.message = 'bell\u0007 and \u001b[31mansi';
    expect(XMLValidator.validate(formatJunit(rep, ctx()))).toBe(true);
  });
});
