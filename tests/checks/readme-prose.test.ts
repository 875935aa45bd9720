import { describe, expect, it } from 'vitest';
import { readmeProse } from '../../src/checks/readmeProse.js';
import type { Facts } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const readme = (proseChars: number, path = 'README.md'): Facts =>
  emptyFacts({
    files: { source: 'walk', paths: [path], symlinksOutside: [], truncated: false },
    wellKnown: { readme: [{ path }] },
    readme: { status: 'known', value: { path, title: 'OS2demo', firstParagraph: null, proseChars, truncated: false } },
  });
const params = { minChars: 300, declared: ['product.description'] };
const DESCRIPTION = 'OS2demo plans home-care routes for municipalities.';

describe('readme-prose', () => {
  it.each([
    ['README with exactly minChars of prose', readme(300), 'pass', 'readme.pass', 'verified', { path: 'README.md', chars: 300 }],
    ['README well above minChars', readme(5000, 'docs/../README.rst'), 'pass', 'readme.pass', 'verified', { chars: 5000 }],
    ['README one character short', readme(299), 'fail', 'readme.too-short', 'verified', { chars: 299, min: 300 }],
    ['README with no prose', readme(0), 'fail', 'readme.too-short', 'verified', { chars: 0, min: 300 }],
    ['no README at all', emptyFacts(), 'fail', 'readme.missing', 'none', { min: 300 }],
    ['README unreadable', emptyFacts({ readme: { status: 'unknown', reason: 'unreadable: EACCES README.md' } }), 'unknown', 'readme.unreadable', 'none', { reason: 'unreadable: EACCES README.md' }],
    ['short README, declared description', withManifest(readme(20), { product: { name: 'x', description: DESCRIPTION } }), 'pass', 'declared.pass', 'declared', { fields: ['product.description'] }],
    ['no README, declared description', withManifest(emptyFacts(), { product: { name: 'x', description: DESCRIPTION } }), 'pass', 'declared.pass', 'declared', { fields: ['product.description'] }],
    ['no README, blank declared description', withManifest(emptyFacts(), { product: { name: 'x', description: '   ' } }), 'fail', 'readme.missing', 'none', {}],
    ['unreadable README, declared description still passes', withManifest(emptyFacts({ readme: { status: 'unknown', reason: 'unreadable: EIO' } }), { product: { description: DESCRIPTION } }), 'pass', 'declared.pass', 'declared', {}],
    ['unreadable README, nothing declared', withManifest(emptyFacts({ readme: { status: 'unknown', reason: 'too-large' } }), { product: { name: 'x' } }), 'unknown', 'readme.unreadable', 'none', {}],
  ] as const)('%s', (_name, facts, outcome, code, basis, args) => {
    const r = runCheck(readmeProse, facts, params);
    expect(decision(r)).toMatchObject({ outcome, code, basis, args });
  });

  it('a README passes the verified way even when a description is declared too', () => {
    const r = runCheck(readmeProse, withManifest(readme(400), { product: { description: DESCRIPTION } }), params);
    expect(decision(r)).toMatchObject({ outcome: 'pass', code: 'readme.pass', basis: 'verified' });
  });

  it('minChars comes from params', () => {
    expect(runCheck(readmeProse, readme(120), { minChars: 100 }).outcome).toBe('pass');
    expect(runCheck(readmeProse, readme(120), { minChars: 121 }).outcome).toBe('fail');
    expect(runCheck(readmeProse, readme(0), { minChars: 0 }).outcome).toBe('pass');
  });

  it('only the fields named in params count as a declaration', () => {
    const facts = withManifest(readme(10), { product: { description: DESCRIPTION } });
    expect(runCheck(readmeProse, facts, { minChars: 300 }).code).toBe('readme.too-short');
  });

  it.each([
    ['a repository path that does not exist', 'docs/about.md', 'declared.path-missing'],
    ['a path that climbs out of the repository', '../../etc/passwd', 'declared.path-outside'],
    ['an absolute path', '/etc/passwd', 'declared.path-outside'],
  ])('a declared description that is %s is not evidence', (_n, description, code) => {
    const r = runCheck(readmeProse, withManifest(emptyFacts(), { product: { description } }), params);
    expect(r).toMatchObject({ outcome: 'fail', code, args: { field: 'product.description', path: description } });
  });
});
