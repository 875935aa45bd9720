import { describe, expect, it } from 'vitest';
import { licenceOsi } from '../../src/checks/licenceOsi.js';
import type { LicenceFacts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck } from '../helpers/facts.js';

const lic = (spdx: string | null, path: string | null = 'LICENSE', others: LicenceFacts['others'] = []) =>
  emptyFacts({ licence: { status: 'known', value: { path, spdx, others } }, files: { source: 'git', paths: ['LICENSE', 'docs/board-decision.pdf'], symlinksOutside: [], truncated: false } });
const unreadable = emptyFacts({ licence: { status: 'unknown', reason: 'unreadable: EACCES LICENSE' } });

describe('licence-osi', () => {
  it.each([
    ['MPL-2.0', lic('MPL-2.0'), 'pass', 'licence.osi', 'verified', { spdx: 'MPL-2.0', path: 'LICENSE' }],
    ['EUPL-1.2', lic('EUPL-1.2'), 'pass', 'licence.osi', 'verified', {}],
    ['an OR expression with one OSI licence', lic('MIT OR LicenseRef-Proprietary'), 'pass', 'licence.osi', 'verified', {}],
    ['only package-manifest evidence', lic('MIT', null, [{ spdx: 'MIT', source: 'package.json' }]), 'pass', 'licence.osi', 'verified', { path: 'package.json' }],
    ['CC-BY-SA-4.0 (a documentation licence)', lic('CC-BY-SA-4.0'), 'fail', 'licence.not-osi', 'verified', { spdx: 'CC-BY-SA-4.0' }],
    ['CC0-1.0', lic('CC0-1.0'), 'fail', 'licence.not-osi', 'verified', {}],
    ['an unrecognised text', lic(null), 'unknown', 'licence.unrecognised', 'none', { path: 'LICENSE' }],
    ['no licence anywhere', lic(null, null), 'fail', 'licence.missing', 'none', {}],
    ['licence unreadable', unreadable, 'unknown', 'licence.unreadable', 'none', { reason: 'unreadable: EACCES LICENSE' }],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(licenceOsi, facts, {}))).toMatchObject({ outcome, code, basis, args });
  });
});
