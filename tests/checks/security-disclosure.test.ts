import { describe, expect, it } from 'vitest';
import { securityDisclosure } from '../../src/checks/securityDisclosure.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const sec = (...files: [string, boolean][]) =>
  emptyFacts({ wellKnown: { security: files.map(([path, hasContact]) => ({ path, hasContact })) }, files: { source: 'git', paths: ['SECURITY.md', 'docs/security.md'], symlinksOutside: [], truncated: false } });

describe('security-disclosure', () => {
  it.each([
    ['SECURITY.md with a contact', sec(['SECURITY.md', true]), 'pass', 'disclosure.pass', 'verified', { path: 'SECURITY.md' }],
    ['the second file has the contact', sec(['SECURITY.md', false], ['.github/SECURITY.md', true]), 'pass', 'disclosure.pass', 'verified', { path: '.github/SECURITY.md' }],
    ['SECURITY.md without a contact', sec(['SECURITY.md', false]), 'fail', 'disclosure.no-contact', 'verified', { path: 'SECURITY.md' }],
    ['no SECURITY file', sec(), 'fail', 'disclosure.missing', 'none', {}],
    ['no file, declared e-mail', withManifest(sec(), { security: { contact: 'security@os2demo.dk' } }), 'pass', 'declared.pass', 'declared', { fields: ['security.contact'] }],
    ['file without contact, declared URL', withManifest(sec(['SECURITY.md', false]), { security: { contact: 'https://os2demo.dk/security' } }), 'pass', 'declared.pass', 'declared', {}],
    ['declared contact is an existing repository file', withManifest(sec(), { security: { contact: 'docs/security.md' } }), 'pass', 'declared.pass', 'declared', {}],
    ['declared contact path that does not exist', withManifest(sec(), { security: { contact: 'docs/report.md' } }), 'fail', 'declared.path-missing', 'declared', { field: 'security.contact' }],
    ['declared contact path outside the repository', withManifest(sec(), { security: { contact: '../../etc/passwd' } }), 'fail', 'declared.path-outside', 'declared', {}],
    ['only security.description is declared', withManifest(sec(), { security: { description: 'docs/security.md' } }), 'fail', 'disclosure.missing', 'none', {}],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(securityDisclosure, facts, {}))).toMatchObject({ outcome, code, basis, args });
  });
});
