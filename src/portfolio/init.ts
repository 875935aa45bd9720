/**
 * `scan --init-portfolio DIR`: a portfolio file written from a directory of clones. Each
 * repository found under DIR (as `scan --dir` finds them) becomes a product named by its path,
 * located by its `origin` URL (credentials removed) or, without one, by its path relative to the
 * file, with the official level left empty for the secretariat to fill in.
 */
import { relative } from 'node:path';
import { stringify } from 'yaml';
import { localOriginUrl } from '../repo/fetch.js';
import { redactCredentials } from '../repo/redactCredentials.js';
import { discoverPortfolio, type DiscoveredPortfolio } from './discover.js';

/** An origin URL without its user name or token (a portfolio never holds credentials). */
function publicLocation(origin: string): string {
  if (/^https?:\/\//i.test(origin)) {
    try {
      const u = new URL(origin);
      u.username = '';
      u.password = '';
      return u.toString();
    } catch {
      /* not a URL after all: redacted below */
    }
  }
  return redactCredentials(origin);
}

export interface InitialPortfolio {
  /** The portfolio file's text (YAML, validated by schemas/portfolio.schema.json). */
  text: string;
  discovered: DiscoveredPortfolio;
}

/** `outputDir` is where the file will live: local paths are written relative to it. */
export async function initialPortfolio(dir: string, outputDir: string): Promise<InitialPortfolio> {
  const discovered = await discoverPortfolio(dir);
  const products = [];
  for (const p of discovered.products) {
    const path = p.repositories[0]!.url;
    const origin = await localOriginUrl(path);
    const local = relative(outputDir, path) || '.';
    products.push({ name: p.name, repositories: [origin ? publicLocation(origin) : local.startsWith('-') ? `./${local}` : local], officialLevel: null });
  }
  const header = [
    '# yaml-language-server: $schema=https://os2level.os2.eu/schemas/portfolio.schema.json',
    "# Written by `os2level scan --init-portfolio` from a directory of clones.",
    '# Fill in officialLevel (0 = minimum, 1-3 = N1-N3) where OS2 has assigned one; add governanceReport,',
    '# targetLevel and contact as needed.',
    '',
  ].join('\n');
  return { text: header + stringify({ schemaVersion: 1, products }, { nullStr: '' }), discovered };
}
