import { beforeAll, describe, expect, it } from 'vitest';
import { os2Organisation } from '../../src/checks/os2Organisation.js';
import type { LevelCatalogue } from '../../src/levels/types.js';
import { decision, emptyFacts, inGit, loadTestCatalogue, remote, runCheck, unreadableGit, withManifest } from '../helpers/facts.js';

let catalogue: LevelCatalogue;
beforeAll(async () => {
  catalogue = await loadTestCatalogue();
});

const remotes = (...urls: string[]) => inGit(emptyFacts(), { remotes: urls.map((u, i) => remote(u, i === 0 ? 'origin' : `r${i}`)) });
const handover = { date: '2021-03-01', reference: 'https://www.os2.eu/os2demo/handover' };

describe('os2-organisation (shipped list of organisations)', () => {
  it.each([
    ['an OS2 owner', remotes('https://github.com/OS2mo/os2mo.git'), 'pass', 'org.pass', 'verified', { owner: 'OS2mo' }],
    ['an OS2 owner in another case', remotes('git@github.com:os2MO/os2mo.git'), 'pass', 'org.pass', 'verified', { owner: 'os2MO' }],
    ['a listed owner the public list lacks', remotes('https://github.com/os2kitos/kitos'), 'pass', 'org.pass', 'verified', {}],
    ['an OS2 owner on a second remote', remotes('https://github.com/acme/fork', 'https://github.com/OS2offdig/x'), 'pass', 'org.pass', 'verified', { owner: 'OS2offdig' }],
    ['the sandbox', remotes('https://github.com/OS2sandbox/idea'), 'fail', 'org.sandbox', 'verified', { owner: 'OS2sandbox' }],
    ['a supplier owner', remotes('https://github.com/acme/os2demo'), 'fail', 'org.not-os2', 'verified', { owners: ['acme'] }],
    ['a look-alike owner', remotes('https://github.com/OS2mo-fork/os2mo'), 'fail', 'org.not-os2', 'verified', {}],
    ['no remote', remotes(), 'fail', 'org.not-os2', 'none', { owners: ['—'] }],
    ['not a git repository', emptyFacts(), 'fail', 'org.not-os2', 'none', {}],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none', {}],
    ['declared OS2 organisation with handover', withManifest(remotes(), { repository: { organisation: 'OS2mo', handover } }), 'pass', 'org.declared', 'declared', { owner: 'OS2mo' }],
    ['declared OS2 organisation with handover, git unreadable', withManifest(unreadableGit(), { repository: { organisation: 'OS2mo', handover } }), 'pass', 'org.declared', 'declared', {}],
    ['declared OS2 organisation without handover', withManifest(remotes(), { repository: { organisation: 'OS2mo' } }), 'fail', 'org.declared-no-handover', 'declared', { owner: 'OS2mo' }],
    ['declared OS2 organisation, handover path outside', withManifest(remotes(), { repository: { organisation: 'OS2mo', handover: { reference: '../../etc/passwd' } } }), 'fail', 'org.declared-no-handover', 'declared', {}],
    ['declared organisation that is not OS2', withManifest(remotes(), { repository: { organisation: 'acme', handover } }), 'fail', 'org.not-os2', 'none', {}],
    ['sandbox remote outranks a declaration', withManifest(remotes('https://github.com/OS2sandbox/idea'), { repository: { organisation: 'OS2mo', handover } }), 'fail', 'org.sandbox', 'verified', {}],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(os2Organisation, facts, {}, undefined, catalogue))).toMatchObject({ outcome, code, basis, args });
  });

  // A declared organisation that disagrees with the remote owner is a consistency finding of the
  // whole result (src/evaluate/consistency.ts, tested in tests/consistency/), not of this check.
});
