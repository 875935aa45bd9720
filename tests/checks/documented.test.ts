import { describe, expect, it } from 'vitest';
import { documented, type Params } from '../../src/checks/documented.js';
import type { Facts, Heading } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const files = (...paths: string[]): Partial<Facts> => ({ files: { source: 'git', paths: [...paths].sort(), symlinksOutside: [], truncated: false } });
const heading = (text: string, path = 'README.md', line = 3, depth = 2): Heading => ({ path, text, depth, line });
const docs = (over: Partial<Facts['docs']>): Facts['docs'] => ({ textFiles: [], officeFiles: [], siteConfigs: [], headings: [], architecture: null, ...over });

const install: Params = { headings: ['Install', 'Installation', 'Getting started', 'Kom i gang', 'Opsætning'], declared: ['documentation.install'] };
const technical: Params = { docsFolder: true, siteConfig: true, architecture: true, declared: ['documentation.technical'] };
const security: Params = { wellKnown: ['security'], headings: ['Security', 'Sikkerhed'], declared: ['security.description'] };
const guide: Params = { paths: ['**/*implement*.{md,pdf}', '**/*onboarding*.{md,pdf}'], headings: ['Implementering'], declared: ['documentation.implementationGuide'] };
const presentation: Params = { declared: ['documentation.presentationMaterial'] };

describe('documented: repository evidence', () => {
  it.each([
    ['an install heading in the README', install, emptyFacts({ docs: docs({ headings: [heading('Installation')] }) }), { count: 1, first: 'README.md:3 "Installation"' }],
    ['a Danish heading with markup', install, emptyFacts({ docs: docs({ headings: [heading('**Kom i gang**')] }) }), {}],
    ['a heading case-insensitively', install, emptyFacts({ docs: docs({ headings: [heading('GETTING STARTED with OS2demo', 'docs/index.md')] }) }), {}],
    ['a docs folder with Markdown', technical, emptyFacts({ docs: docs({ textFiles: ['README.md', 'docs/index.md'] }) }), { first: 'docs/index.md' }],
    ['a doc/ folder', technical, emptyFacts({ docs: docs({ textFiles: ['doc/setup.adoc'] }) }), {}],
    ['a docs-site configuration', technical, emptyFacts({ docs: docs({ siteConfigs: ['mkdocs.yml'] }) }), { first: 'mkdocs.yml' }],
    ['ARCHITECTURE.md', technical, emptyFacts({ docs: docs({ architecture: 'ARCHITECTURE.md' }) }), { first: 'ARCHITECTURE.md' }],
    ['a well-known SECURITY file', security, emptyFacts({ wellKnown: { security: [{ path: 'SECURITY.md', hasContact: false }] } }), { first: 'SECURITY.md' }],
    ['a file matching a path glob, in any folder and case', guide, emptyFacts(files('docs/Implementering/IMPLEMENTATION.md')), {}],
    ['a PDF matching a path glob', guide, emptyFacts(files('materiale/onboarding-guide.pdf')), { first: 'materiale/onboarding-guide.pdf' }],
  ] as const)('%s → pass documented.found', (_n, params, facts, args) => {
    expect(decision(runCheck(documented, facts, params))).toMatchObject({ outcome: 'pass', code: 'documented.found', basis: 'verified', args });
  });

  it.each([
    ['a heading that only contains the word inside another word', install, emptyFacts({ docs: docs({ headings: [heading('Reinstallationsguide')] }) })],
    ['README only, no docs folder', technical, emptyFacts({ docs: docs({ textFiles: ['README.md'] }) })],
    ['a docs folder name used elsewhere', technical, emptyFacts({ docs: docs({ textFiles: ['src/docs/x.md'] }) })],
    ['a path glob that does not match the extension', guide, emptyFacts(files('implementation.exe'))],
    ['nothing at all', security, emptyFacts()],
  ] as const)('%s → fail documented.missing', (_n, params, facts) => {
    expect(decision(runCheck(documented, facts, params))).toMatchObject({ outcome: 'fail', code: 'documented.missing', basis: 'none' });
  });

  it('documented.missing names what was looked for', () => {
    const r = runCheck(documented, emptyFacts(), security);
    expect(r.args).toEqual({ headings: ['Security', 'Sikkerhed'], files: ['SECURITY'], fields: ['security.description'], lookedFor: ['SECURITY', '"Security"', '"Sikkerhed"', 'os2.yaml security.description'] });
  });

  it('evidence is deduplicated and bounded, the count is of all finds', () => {
    const headings = Array.from({ length: 8 }, (_, i) => heading('Installation', `docs/p${i}.md`, 1));
    const r = runCheck(documented, emptyFacts({ docs: docs({ headings: [...headings, headings[0]!] }) }), install);
    expect(r.evidence).toHaveLength(5);
    expect(r.args?.count).toBe(9);
  });
});

describe('documented: declared evidence', () => {
  const withFiles = (...paths: string[]) => emptyFacts(files(...paths));
  it.each([
    ['a URL', withFiles(), 'https://os2demo.readthedocs.io/install/', 'pass', 'declared.pass', 'declared', { fields: ['documentation.install'] }],
    ['an existing repository path', withFiles('docs/install.md'), 'docs/install.md', 'pass', 'declared.pass', 'declared', {}],
    ['an existing path with ./', withFiles('docs/install.md'), './docs/install.md', 'pass', 'declared.pass', 'declared', {}],
    ['an existing folder', withFiles('docs/install/index.md'), 'docs/install/', 'pass', 'declared.pass', 'declared', {}],
    ['a path that is not in the repository', withFiles('docs/other.md'), 'docs/install.md', 'fail', 'declared.path-missing', 'declared', { field: 'documentation.install', path: 'docs/install.md' }],
    ['a path that climbs out', withFiles('docs/install.md'), '../../etc/passwd', 'fail', 'declared.path-outside', 'declared', { field: 'documentation.install', path: '../../etc/passwd' }],
    ['a path that climbs out after a real folder', withFiles('docs/install.md'), 'docs/../../secret.md', 'fail', 'declared.path-outside', 'declared', {}],
    ['an absolute path', withFiles('etc/passwd'), '/etc/passwd', 'fail', 'declared.path-outside', 'declared', {}],
    ['a blank string', withFiles(), '  ', 'fail', 'documented.missing', 'none', {}],
    ['a sentence (not a path)', withFiles(), 'See the wiki on our intranet.', 'pass', 'declared.pass', 'declared', {}],
  ] as const)('documentation.install = %s', (_n, facts, value, outcome, code, basis, args) => {
    const r = runCheck(documented, withManifest(facts, { documentation: { install: value } }), install);
    expect(decision(r)).toMatchObject({ outcome, code, basis, args });
  });

  it.each([
    ['a list of URLs', ['https://os2.eu/a.pdf', 'https://os2.eu/b.pdf'], 'pass', 'declared.pass'],
    ['a list with one missing path', ['https://os2.eu/a.pdf', 'docs/slides.pdf'], 'fail', 'declared.path-missing'],
    ['an empty list', [], 'fail', 'documented.missing'],
  ] as const)('declared-only requirement, %s → %s', (_n, value, outcome, code) => {
    const r = runCheck(documented, withManifest(emptyFacts(), { documentation: { presentationMaterial: value } }), presentation);
    expect(decision(r)).toMatchObject({ outcome, code });
  });

  it('repository evidence wins over a bad declaration', () => {
    const facts = withManifest(emptyFacts({ docs: docs({ headings: [heading('Installation')] }) }), { documentation: { install: '../x.md' } });
    expect(decision(runCheck(documented, facts, install))).toMatchObject({ outcome: 'pass', code: 'documented.found', basis: 'verified' });
  });

  it('no manifest and no evidence → documented.missing', () => {
    expect(runCheck(documented, emptyFacts(), presentation).code).toBe('documented.missing');
  });

  it('params must name at least one kind of evidence', async () => {
    const { paramsErrors } = await import('../helpers/facts.js');
    expect(paramsErrors(documented as never, {})).not.toEqual([]);
    expect(paramsErrors(documented as never, { wellKnown: ['nonsense'] })).not.toEqual([]);
  });
});
