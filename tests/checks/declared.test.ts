import { describe, expect, it } from 'vitest';
import { declared, type Params } from '../../src/checks/declared.js';
import type { Facts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const repo = emptyFacts({ files: { source: 'git', paths: ['docs/procurement.md', 'docs/legal/dpa.md'], symlinksOutside: [], truncated: false } });
const m = (data: Record<string, unknown>, base: Facts = repo) => withManifest(base, data);
const withPubliccode = (facts: Facts, usedBy: string[]): Facts => ({
  ...facts,
  publiccode: { status: 'known', value: { path: 'publiccode.yml', name: 'x', license: null, usedBy, developmentStatus: null, description: null, contractors: [] } },
});

const procurement: Params = { fields: ['legal.procurement'] };
const lead: Params = { fields: ['governance.lead.name', 'governance.lead.organisation'] };
const participants: Params = { fields: ['governance.participants'], minItems: 2, publiccode: ['usedBy'] };
const crossMunicipal: Params = { fields: ['relevance.usedBy', 'governance.participants'], match: 'any', minItems: 2, publiccode: ['usedBy'] };

describe('declared', () => {
  it.each([
    ['no manifest', procurement, emptyFacts(), 'fail', 'declared.no-manifest', 'none', { fields: ['legal.procurement'] }],
    ['field absent', procurement, m({}), 'fail', 'declared.missing', 'none', { fields: ['legal.procurement'] }],
    ['field null', procurement, m({ legal: { procurement: null } }), 'fail', 'declared.missing', 'none', {}],
    ['object of blanks', procurement, m({ legal: { procurement: { statement: ' ', document: '' } } }), 'fail', 'declared.missing', 'none', {}],
    ['statement given', procurement, m({ legal: { procurement: { statement: 'Tendered under the OS2 framework.' } } }), 'pass', 'declared.pass', 'declared', { fields: ['legal.procurement'] }],
    ['document path that exists', procurement, m({ legal: { procurement: { document: 'docs/procurement.md' } } }), 'pass', 'declared.pass', 'declared', {}],
    ['document path that does not exist', procurement, m({ legal: { procurement: { document: 'docs/udbud.pdf' } } }), 'fail', 'declared.path-missing', 'declared', { field: 'legal.procurement', path: 'docs/udbud.pdf' }],
    ['document path that climbs out', procurement, m({ legal: { procurement: { document: '../../etc/passwd' } } }), 'fail', 'declared.path-outside', 'declared', { field: 'legal.procurement', path: '../../etc/passwd' }],
    ['a URL is recorded, not fetched', procurement, m({ legal: { procurement: { document: 'https://os2.eu/udbud.pdf' } } }), 'pass', 'declared.pass', 'declared', {}],
    ['an e-mail address is not a path', procurement, m({ legal: { procurement: 'jura@os2.eu' } }), 'pass', 'declared.pass', 'declared', {}],
    ['all of two fields', lead, m({ governance: { lead: { name: 'Mette', organisation: 'Aarhus Kommune' } } }), 'pass', 'declared.pass', 'declared', { fields: ['governance.lead.name', 'governance.lead.organisation'] }],
    ['one of two fields (match all)', lead, m({ governance: { lead: { name: 'Mette' } } }), 'fail', 'declared.missing', 'none', { fields: ['governance.lead.organisation'] }],
    ['neither of two fields lists both', lead, m({ governance: {} }), 'fail', 'declared.missing', 'none', { fields: ['governance.lead.name', 'governance.lead.organisation'] }],
    ['minItems met', participants, m({ governance: { participants: ['Aarhus', 'Ballerup'] } }), 'pass', 'declared.pass', 'declared', {}],
    ['minItems not met', participants, m({ governance: { participants: ['Aarhus'] } }), 'fail', 'declared.too-few', 'declared', { field: 'governance.participants', count: 1, min: 2 }],
    ['blank list items do not count', participants, m({ governance: { participants: ['Aarhus', ' '] } }), 'fail', 'declared.too-few', 'declared', { count: 1 }],
    ['publiccode usedBy counts', participants, withPubliccode(emptyFacts(), ['Aarhus', 'Ballerup']), 'pass', 'declared.publiccode', 'declared', { field: 'usedBy', count: 2 }],
    ['publiccode usedBy too short falls back to os2.yaml', participants, withPubliccode(m({ governance: { participants: ['A', 'B', 'C'] } }), ['Aarhus']), 'pass', 'declared.pass', 'declared', {}],
    ['publiccode usedBy too short, no manifest', participants, withPubliccode(emptyFacts(), ['Aarhus']), 'fail', 'declared.no-manifest', 'none', {}],
    ['match any: second field suffices', crossMunicipal, m({ governance: { participants: ['A', 'B'] } }), 'pass', 'declared.pass', 'declared', { fields: ['governance.participants'] }],
    ['match any: neither field', crossMunicipal, m({}), 'fail', 'declared.missing', 'none', { fields: ['relevance.usedBy', 'governance.participants'] }],
    ['match any: both present but too few', crossMunicipal, m({ relevance: { usedBy: ['A'] }, governance: { participants: ['B'] } }), 'fail', 'declared.too-few', 'declared', { min: 2 }],
  ] as const)('%s', (_n, params, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(declared, facts, params))).toMatchObject({ outcome, code, basis, args });
  });

  it.each([
    [true, true, 'pass', 'declared.pass'],
    [false, true, 'fail', 'declared.not-equal'],
    ['true', true, 'fail', 'declared.not-equal'],
  ] as const)('equals: %j against %j → %s', (value, equals, outcome, code) => {
    const r = runCheck(declared, m({ codebase: { singleCoreVersion: value } }), { fields: ['codebase.singleCoreVersion'], equals });
    expect(decision(r)).toMatchObject({ outcome, code });
  });

  it('a wrong value is reported before a plain absence', () => {
    const r = runCheck(declared, m({ legal: { procurement: { document: 'nope/x.pdf' } } }), { fields: ['legal.lawfulness', 'legal.procurement'] });
    expect(decision(r)).toMatchObject({ outcome: 'fail', code: 'declared.path-missing' });
  });

  it('dotted paths do not read inherited properties', () => {
    const r = runCheck(declared, m({ governance: {} }), { fields: ['governance.constructor'] });
    expect(r.outcome).toBe('fail');
  });
});
