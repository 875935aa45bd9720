/**
 * Loads and validates portfolio.yaml with the same machinery as os2.yaml: every problem at once,
 * as file:line:column with "did you mean" hints, raised as one InputError (exit code 2).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, type SourceProblem } from '../errors.js';
import type { LevelNumber } from '../levels/types.js';
import { loadYamlFile } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';
import type { GovernanceReportRef, Portfolio, PortfolioProduct } from './types.js';

const SCHEMA_URL = new URL('../../schemas/portfolio.schema.json', import.meta.url);
let schema: object | undefined;
export function portfolioSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

interface RawProduct {
  name: string;
  repositories: (string | { url: string; ref?: string; publicUrl?: string })[];
  officialLevel?: number | null;
  governanceReport?: string | { path: string } | { file: string };
  targetLevel?: number;
  contact?: string;
}

export async function loadPortfolio(path: string): Promise<Portfolio> {
  const loaded = await loadYamlFile(path, { what: 'a portfolio' });
  const problems: SourceProblem[] = validateAgainstSchema(portfolioSchema(), loaded);
  if (problems.length === 0) {
    const seen = new Map<string, number>();
    const products = (loaded.data as { products: RawProduct[] }).products;
    products.forEach((p, i) => {
      if (seen.has(p.name)) {
        const pointer = `/products/${i}/name`;
        problems.push({ file: loaded.file, ...loaded.locate(pointer), code: 'duplicate-product', message: `products: "${p.name}" is listed twice (also product ${seen.get(p.name)! + 1}); names must be unique`, path: pointer });
      } else seen.set(p.name, i);
    });
  }
  if (problems.length > 0) {
    problems.sort((a, b) => a.line - b.line || a.column - b.column);
    throw new InputError(`${path}: ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the portfolio`, problems, 'portfolio-invalid');
  }
  const raw = (loaded.data as { products: RawProduct[] }).products;
  const baseDir = dirname(resolve(path));
  return { source: path, baseDir, products: raw.map((p) => toProduct(p, baseDir)) };
}

function governanceReportOf(raw: RawProduct['governanceReport'], baseDir: string): GovernanceReportRef | null {
  if (raw === undefined) return null;
  if (typeof raw === 'string') return { kind: 'repository', path: raw };
  // A local file is named relative to the portfolio file, like local repository paths.
  return 'file' in raw ? { kind: 'file', path: resolve(baseDir, raw.file) } : { kind: 'repository', path: raw.path };
}

function toProduct(p: RawProduct, baseDir: string): PortfolioProduct {
  return {
    name: p.name,
    repositories: p.repositories.map((r) =>
      typeof r === 'string' ? { url: r, ref: null } : { url: r.url, ref: r.ref ?? null, ...(r.publicUrl ? { publicUrl: r.publicUrl } : {}) },
    ),
    officialLevel: (p.officialLevel ?? null) as LevelNumber | null,
    targetLevel: (p.targetLevel ?? null) as LevelNumber | null,
    contact: p.contact ?? null,
    governanceReport: governanceReportOf(p.governanceReport, baseDir),
  };
}
