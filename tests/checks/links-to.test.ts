import { describe, expect, it } from 'vitest';
import { linksTo, type Params } from '../../src/checks/linksTo.js';
import type { Facts } from '../../src/facts/types.js';
import { decision, emptyFacts, paramsErrors, runCheck, withManifest } from '../helpers/facts.js';

const P: Params = { hosts: ['os2.eu'], declaredUrls: ['product.website'], declared: ['documentation.os2Channels'] };
const link = (url: string, path = 'README.md', line = 4) => ({ path, line, host: new URL(url).hostname, url });
const withLinks = (...links: ReturnType<typeof link>[]): Facts => {
  const f = emptyFacts();
  return { ...f, docs: { ...f.docs, links } };
};
const manifest = (data: Record<string, unknown>, f: Facts = emptyFacts()) => withManifest(f, { schemaVersion: 1, product: { name: 'x' }, ...data });

describe('links-to', () => {
  it.each([
    ['a README link to os2.eu', withLinks(link('https://os2.eu/produkt/os2mo')), 'pass', 'links.found', 'verified'],
    ['a link to a sub-site (www., faq.)', withLinks(link('https://faq.os2.eu/x', 'docs/index.md')), 'pass', 'links.found', 'verified'],
    ['a look-alike host is not OS2', withLinks(link('https://os2.eu.example.com/x'), link('https://notos2.eu/')), 'fail', 'links.none', 'none'],
    ['links elsewhere only', withLinks(link('https://github.com/OS2mo/os2mo')), 'fail', 'links.none', 'none'],
    ['product.website on os2.eu', manifest({ product: { name: 'x', website: 'https://www.os2.eu/os2mo' } }), 'pass', 'links.declared', 'declared'],
    ['product.website elsewhere', manifest({ product: { name: 'x', website: 'https://os2mo.dk' } }), 'fail', 'links.none', 'none'],
    ['channels declared in os2.yaml', manifest({ documentation: { os2Channels: ['https://nyhedsbrev.example/os2mo'] } }), 'pass', 'declared.pass', 'declared'],
    ['nothing at all', emptyFacts(), 'fail', 'links.none', 'none'],
  ] as const)('%s', (_n, f, outcome, code, basis) => {
    expect(decision(runCheck(linksTo, f, P))).toMatchObject({ outcome, code, basis });
  });

  it('points at the file and line of each link, five at most', () => {
    const r = runCheck(linksTo, withLinks(...Array.from({ length: 8 }, (_, i) => link(`https://os2.eu/${i}`, `docs/${i}.md`, i + 1))), P);
    expect(r.evidence).toHaveLength(5);
    expect(r.evidence[0]).toEqual({ kind: 'file', path: 'docs/0.md', line: 1, value: 'https://os2.eu/0' });
    expect(r.args).toMatchObject({ count: 8 });
  });

  it('a repository link outranks a declaration', () => {
    const f = manifest({ product: { name: 'x', website: 'https://www.os2.eu/os2mo' } }, withLinks(link('https://os2.eu/a')));
    expect(runCheck(linksTo, f, P).basis).toBe('verified');
  });

  it('accepts only host lists', () => {
    expect(paramsErrors(linksTo, { hosts: [] })).not.toEqual([]);
    expect(paramsErrors(linksTo, {})).not.toEqual([]);
    expect(paramsErrors(linksTo, { hosts: ['https://os2.eu'] })).not.toEqual([]);
    expect(paramsErrors(linksTo, P)).toEqual([]);
  });
});
