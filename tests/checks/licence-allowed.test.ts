import { describe, expect, it } from 'vitest';
import { licenceAllowed } from '../../src/checks/licenceAllowed.js';
import type { LicenceFacts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const lic = (spdx: string | null, path: string | null = 'LICENSE', others: LicenceFacts['others'] = []) =>
  emptyFacts({ licence: { status: 'known', value: { path, spdx, others } }, files: { source: 'git', paths: ['LICENSE', 'docs/board-decision.pdf'], symlinksOutside: [], truncated: false } });
const unreadable = emptyFacts({ licence: { status: 'unknown', reason: 'unreadable: EACCES LICENSE' } });

describe('licence-allowed', () => {
  const params = { allowed: ['MPL-2.0'], exceptionField: 'licence.boardDecision' };
  const decision_ = { date: '2022-06-01', minutes: 'https://os2.eu/bestyrelse/2022-06-01' };
  it.each([
    ['MPL-2.0', lic('MPL-2.0'), 'pass', 'licence.allowed', 'verified', { spdx: 'MPL-2.0' }],
    ['EUPL-1.2 without a board decision', lic('EUPL-1.2'), 'fail', 'licence.not-allowed', 'verified', { spdx: 'EUPL-1.2', allowed: ['MPL-2.0'], field: 'licence.boardDecision' }],
    ['EUPL-1.2 with a board decision', withManifest(lic('EUPL-1.2'), { licence: { boardDecision: decision_ } }), 'pass', 'licence.board-decision', 'declared', { spdx: 'EUPL-1.2' }],
    ['board decision as an existing repository file', withManifest(lic('MIT'), { licence: { boardDecision: 'docs/board-decision.pdf' } }), 'pass', 'licence.board-decision', 'declared', {}],
    ['board decision path that does not exist', withManifest(lic('MIT'), { licence: { boardDecision: 'docs/missing.pdf' } }), 'fail', 'declared.path-missing', 'declared', { field: 'licence.boardDecision' }],
    ['board decision path outside the repository', withManifest(lic('MIT'), { licence: { boardDecision: '../../etc/passwd' } }), 'fail', 'declared.path-outside', 'declared', {}],
    ['board decision null', withManifest(lic('MIT'), { licence: { boardDecision: null } }), 'fail', 'licence.not-allowed', 'verified', {}],
    ['no licence at all', lic(null, null), 'fail', 'licence.not-allowed', 'verified', { spdx: '—' }],
    ['an unrecognised text', lic(null), 'unknown', 'licence.unrecognised', 'none', {}],
    ['licence unreadable', unreadable, 'unknown', 'licence.unreadable', 'none', {}],
    ['licence unreadable, board decision declared', withManifest(unreadable, { licence: { boardDecision: decision_ } }), 'pass', 'licence.board-decision', 'declared', { spdx: '—' }],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(licenceAllowed, facts, params))).toMatchObject({ outcome, code, basis, args });
  });

  it('the allowed list comes from params', () => {
    expect(runCheck(licenceAllowed, lic('EUPL-1.2'), { ...params, allowed: ['MPL-2.0', 'EUPL-1.2'] }).code).toBe('licence.allowed');
  });
});
