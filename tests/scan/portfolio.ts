/**
 * A portfolio of real local git repositories for scan tests, served as file:// remotes: products
 * at known levels, one spanning two repositories, and locations that must fail or be refused.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { createRepo, tempDir, type TestRepo } from '../helpers/gitRepo.js';
import { createN1Product, createN2Product, MPL_TEXT, n1Manifest, n2Manifest, productReadme } from '../helpers/products.js';

export const XSS_NAME = '<img src=x onerror=alert(1)>';

export interface TestPortfolio {
  dir: string;
  file: string;
  marker: string;
  repos: Record<string, TestRepo>;
  names: string[];
}

const README = productReadme('OS2split', false);

/**
 * Served from a local path, a repository has no code host to show its OS2 organisation or issue
 * tracker; the fixtures declare both, as a product hosted elsewhere would.
 */
const hostedElsewhere = <T extends Record<string, any>>(m: T): T => ({
  ...m,
  repository: { url: 'https://github.com/OS2offdig/os2example', organisation: 'OS2offdig', handover: { date: '2024-01-01', reference: 'https://os2.eu/handover' } },
  issueTracker: { url: 'https://github.com/OS2offdig/os2example/issues' },
});

export function buildPortfolio(opts: { xss?: boolean } = {}): TestPortfolio {
  const dir = tempDir('os2level-portfolio-');
  const n1 = createN1Product(hostedElsewhere(n1Manifest()));
  const n2 = createN2Product(hostedElsewhere(n2Manifest()));
  // Code in one repository, the manifest and the technical docs in another: only their union reaches N1.
  const code = createRepo({
    'README.md': README,
    'LICENSE': MPL_TEXT,
    'SECURITY.md': '# Security\n\nReport vulnerabilities to security@os2split.dk.\n',
    'src/app.py': 'print("hello")\n',
    'tests/test_app.py': 'def test_app():\n    assert True\n',
  });
  code.remote('origin', 'https://github.com/OS2offdig/os2split.git');
  code.commit('Code #1');
  const docs = createRepo({
    'docs/architecture.md': '# Architecture\n\nA web front end and an API over PostgreSQL.\n',
    'os2.yaml': stringify(hostedElsewhere({ ...n1Manifest(), product: { ...n1Manifest().product, name: 'OS2split' } })),
  });
  docs.commit('Docs #2');
  const plain = join(dir, 'plain');
  mkdirSync(plain);
  writeFileSync(join(plain, 'README.md'), '# not a repository\n');
  const marker = join(tempDir(), 'pwned');
  const products: Record<string, unknown>[] = [
    { name: 'OS2booking', repositories: [`file://${n1.dir}`], officialLevel: 1, contact: 'Anne Jensen <anne@example.dk>' },
    { name: 'OS2n2', repositories: [{ url: `file://${n2.dir}` }], officialLevel: 1, targetLevel: 3 },
    { name: 'OS2split', repositories: [`file://${code.dir}`, `file://${docs.dir}`] },
    { name: 'OS2split-code-only', repositories: [`file://${code.dir}`] },
    { name: 'Missing', repositories: [`file://${join(dir, 'does-not-exist')}`] },
    { name: 'NotARepository', repositories: [`file://${plain}`] },
    { name: 'Hostile', repositories: [`ext::sh -c touch% ${marker}`] },
    { name: 'Option', repositories: [`--upload-pack=touch ${marker}`] },
    { name: 'Credentials', repositories: ['https://user:s3cret-token@example.com/os2/x.git'] },
  ];
  if (opts.xss) products.push({ name: XSS_NAME, repositories: [`file://${n1.dir}`] });
  const file = join(dir, 'portfolio.yaml');
  writeFileSync(file, stringify({ schemaVersion: 1, products }));
  return { dir, file, marker, repos: { n1, n2, code, docs }, names: products.map((p) => p.name as string).sort() };
}
