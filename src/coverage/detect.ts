/**
 * Which coverage format a file is in, from its first bytes, with the file name as the tie-breaker
 * when the content is not conclusive. Also the registry of one streaming parser per format.
 */
import type { CoverageReportFacts } from '../facts/types.js';
import { parseClover } from './clover.js';
import { parseCobertura } from './cobertura.js';
import { parseGoProfile } from './goProfile.js';
import { parseIstanbulFinal, parseIstanbulSummary } from './istanbul.js';
import { parseJacoco } from './jacoco.js';
import { parseLcov } from './lcov.js';
import type { CoverageParser } from './outcome.js';

export type CoverageFormat = CoverageReportFacts['format'];

export const COVERAGE_PARSERS = {
  lcov: parseLcov,
  cobertura: parseCobertura,
  jacoco: parseJacoco,
  clover: parseClover,
  'istanbul-summary': parseIstanbulSummary,
  'istanbul-final': parseIstanbulFinal,
  go: parseGoProfile,
} as const satisfies Record<CoverageFormat, CoverageParser>;

/** Bytes of the file's start that `detectFormat` looks at. */
export const HEAD_BYTES = 4096;

export function detectFormat(fileName: string, head: Buffer): CoverageFormat | null {
  const name = fileName.toLowerCase().split(/[\\/]/).pop() ?? '';
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('<')) {
    const coverageTag = /<coverage\b[^>]*>/.exec(text)?.[0];
    if (coverageTag && /\bclover=/.test(coverageTag)) return 'clover';
    if (coverageTag && /\b(?:line-rate|lines-valid|lines-covered)=/.test(coverageTag)) return 'cobertura';
    if (/<report\b|JACOCO\/\/DTD/.test(text)) return 'jacoco';
    if (/<project\b/.test(text) && coverageTag) return 'clover';
    if (coverageTag) return 'cobertura';
    return name.includes('jacoco') ? 'jacoco' : name.includes('clover') ? 'clover' : name.endsWith('.xml') ? 'cobertura' : null;
  }
  if (text.startsWith('{')) {
    if (/^\{\s*"total"\s*:/.test(text) || name.includes('summary')) return 'istanbul-summary';
    return 'istanbul-final';
  }
  if (/^mode: (?:set|count|atomic)\b/.test(text)) return 'go';
  if (/^(?:TN|SF|VER):/m.test(text.slice(0, 200))) return 'lcov';
  if (name.endsWith('.info') || name.endsWith('.lcov') || name === 'lcov.info') return 'lcov';
  if (name.endsWith('.out') || name.endsWith('.coverprofile')) return 'go';
  if (name.endsWith('.xml')) return 'cobertura';
  if (name.endsWith('.json')) return name.includes('summary') ? 'istanbul-summary' : 'istanbul-final';
  return null;
}
