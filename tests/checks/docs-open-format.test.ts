import { describe, expect, it } from 'vitest';
import { docsOpenFormat } from '../../src/checks/docsOpenFormat.js';
import { decision, emptyFacts, runCheck } from '../helpers/facts.js';

const facts = (textFiles: string[], officeFiles: string[], readme = false) =>
  emptyFacts({
    docs: { textFiles, officeFiles, siteConfigs: [], headings: [], architecture: null },
    wellKnown: { readme: readme ? [{ path: 'README.md' }] : [] },
  });

describe('docs-open-format', () => {
  it.each([
    ['no documentation at all', facts([], []), 'pass', 'open-format.pass', { text: 0, office: 0 }],
    ['Markdown only', facts(['README.md', 'docs/a.md'], []), 'pass', 'open-format.pass', { text: 2, office: 0 }],
    ['Markdown next to as many PDFs', facts(['docs/a.md', 'docs/b.md'], ['a.pdf', 'b.docx']), 'pass', 'open-format.pass', { text: 2, office: 2 }],
    ['a couple of .txt files next to mostly office documents', facts(['docs/notes.txt', 'docs/readme.txt'], ['docs/a.docx', 'docs/b.docx', 'docs/c.pdf', 'docs/d.pdf', 'docs/e.docx']), 'fail', 'open-format.mostly-office', { percent: 29, text: 2, office: 5 }],
    ['a README file plus a single PDF', facts([], ['docs/manual.pdf'], true), 'pass', 'open-format.pass', { office: 1 }],
    ['office files only', facts([], ['docs/a.docx', 'docs/b.pdf']), 'fail', 'open-format.office-only', { office: 2, files: ['docs/a.docx', 'docs/b.pdf'] }],
    ['a single PDF and no README', facts([], ['docs/manual.pdf']), 'fail', 'open-format.office-only', { office: 1 }],
    ['README plus two office documents', facts([], ['a.odt', 'b.doc'], true), 'fail', 'open-format.mostly-office', { percent: 33, office: 2 }],
  ] as const)('%s', (_n, f, outcome, code, args) => {
    expect(decision(runCheck(docsOpenFormat, f, {}))).toMatchObject({ outcome, code, basis: 'verified', args });
  });

  it('lists at most five office files', () => {
    const office = Array.from({ length: 9 }, (_, i) => `docs/${i}.docx`);
    const r = runCheck(docsOpenFormat, facts([], office), {});
    expect(r.args?.office).toBe(9);
    expect(r.args?.files).toHaveLength(5);
  });
});
