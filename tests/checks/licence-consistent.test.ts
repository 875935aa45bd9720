import { describe, expect, it } from 'vitest';
import { licenceConsistent } from '../../src/checks/licenceConsistent.js';
import type { Facts, LicenceFacts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const lic = (spdx: string | null, path: string | null = 'LICENSE', others: LicenceFacts['others'] = []) =>
  emptyFacts({ licence: { status: 'known', value: { path, spdx, others } }, files: { source: 'git', paths: ['LICENSE', 'docs/board-decision.pdf'], symlinksOutside: [], truncated: false } });
const unreadable = emptyFacts({ licence: { status: 'unknown', reason: 'unreadable: EACCES LICENSE' } });
const pc = (facts: Facts, license: string | null): Facts => ({
  ...facts,
  publiccode: { status: 'known', value: { path: 'publiccode.yml', name: 'x', license, usedBy: [], developmentStatus: null, description: null, contractors: [] } },
});

describe('licence-consistent', () => {
  const code = (facts: Facts, value: string) => withManifest(facts, { licence: { code: value } });
  it.each([
    ['nothing declared', lic('MIT'), 'pass', 'consistent.nothing-declared', 'verified', {}],
    ['nothing declared, no licence', lic(null, null), 'pass', 'consistent.nothing-declared', 'verified', {}],
    ['os2.yaml agrees', code(lic('MPL-2.0'), 'MPL-2.0'), 'pass', 'consistent.pass', 'verified', { spdx: 'MPL-2.0' }],
    ['agreement ignores case', code(lic('MPL-2.0'), 'mpl-2.0'), 'pass', 'consistent.pass', 'verified', {}],
    ['-only / -or-later are the same licence', code(lic('GPL-3.0-only'), 'GPL-3.0-or-later'), 'pass', 'consistent.pass', 'verified', {}],
    ['a declared OR expression naming the text', code(lic('MPL-2.0'), 'MPL-2.0 OR MIT'), 'pass', 'consistent.pass', 'verified', {}],
    ['publiccode agrees', pc(lic('EUPL-1.2'), 'EUPL-1.2'), 'pass', 'consistent.pass', 'verified', {}],
    ['os2.yaml disagrees', code(lic('MIT'), 'MPL-2.0'), 'fail', 'consistent.mismatch', 'verified', { spdx: 'MIT', declared: 'MPL-2.0', source: 'os2.yaml:licence.code' }],
    ['publiccode disagrees', pc(code(lic('MPL-2.0'), 'MPL-2.0'), 'AGPL-3.0-or-later'), 'fail', 'consistent.mismatch', 'verified', { declared: 'AGPL-3.0-or-later', source: 'publiccode.yml:legal.license' }],
    ['declared, but no licence file', code(lic(null, null), 'MPL-2.0'), 'unknown', 'consistent.no-detected', 'none', { reason: 'missing', declared: ['MPL-2.0'] }],
    ['declared, text unrecognised', code(lic(null), 'MPL-2.0'), 'unknown', 'consistent.no-detected', 'none', { reason: 'unrecognised' }],
    ['declared, licence unreadable', code(unreadable, 'MPL-2.0'), 'unknown', 'consistent.no-detected', 'none', { reason: 'unreadable: EACCES LICENSE' }],
  ] as const)('%s', (_n, facts, outcome, code_, basis, args) => {
    expect(decision(runCheck(licenceConsistent, facts, {}))).toMatchObject({ outcome, code: code_, basis, args });
  });
});
