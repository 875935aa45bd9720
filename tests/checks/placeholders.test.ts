/** A file or section that is still an `os2level fix` placeholder is no evidence: "still a placeholder". */
import { describe, expect, it } from 'vitest';
import { documented } from '../../src/checks/documented.js';
import type { Facts, Heading } from '../../src/facts/types.js';
import { emptyFacts, runCheck } from '../helpers/facts.js';

const heading = (text: string, line: number, path = 'README.md'): Heading => ({ path, text, depth: 2, line });
const docs = (over: Partial<Facts['docs']>): Facts['docs'] => ({ textFiles: [], officeFiles: [], siteConfigs: [], headings: [], architecture: null, placeholders: [], ...over });
const install = { headings: ['Installation'] };

describe('placeholder findings', () => {
  it('a heading whose section holds a placeholder fails: still a placeholder', () => {
    const facts = emptyFacts({ docs: docs({ headings: [heading('Installation', 10), heading('Usage', 20)], placeholders: [{ path: 'README.md', line: 12 }] }) });
    const r = runCheck(documented, facts, install);
    expect(r.outcome).toBe('fail');
    expect(r.code).toBe('placeholder.only');
    expect(r.args).toEqual({ places: ['README.md:10'] });
  });

  it('real evidence next to a placeholder passes, with a finding naming the placeholder', () => {
    const facts = emptyFacts({ docs: docs({ headings: [heading('Installation', 10), heading('Usage', 20), heading('Installation', 5, 'docs/install.md')], placeholders: [{ path: 'README.md', line: 12 }] }) });
    const r = runCheck(documented, facts, install);
    expect(r.outcome).toBe('pass');
    expect(r.findings).toEqual([{ code: 'documented.placeholder', args: { places: ['README.md:10'] } }]);
  });

  it('a placeholder in another section does not taint the heading', () => {
    const facts = emptyFacts({ docs: docs({ headings: [heading('Installation', 10), heading('Usage', 20)], placeholders: [{ path: 'README.md', line: 22 }] }) });
    expect(runCheck(documented, facts, install).findings).toEqual([]);
  });

  it('a docs file holding a placeholder is named', () => {
    const facts = emptyFacts({ docs: docs({ textFiles: ['docs/architecture.md'], placeholders: [{ path: 'docs/architecture.md', line: 5 }] }) });
    const r = runCheck(documented, facts, { docsFolder: true });
    expect(r.outcome).toBe('fail');
    expect(r.args).toEqual({ places: ['docs/architecture.md'] });
  });
});
