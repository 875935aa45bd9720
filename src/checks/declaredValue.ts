/** Reading declared values from the manifest by dotted path, and deciding whether they say anything. */
import type { Facts } from '../facts/types.js';
import { indexHas, indexHasUnder } from '../facts/indexLookup.js';

export function manifestData(facts: Facts): Record<string, unknown> | null {
  return facts.manifest.status === 'loaded' ? facts.manifest.data : null;
}

export function getPath(data: unknown, dotted: string): unknown {
  let cur: unknown = data;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A value says something when it is a non-blank string, a number, a boolean, or a non-empty list/object of such. */
export function isPresent(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (Array.isArray(value)) return value.some(isPresent);
  if (typeof value === 'object') return Object.values(value as object).some(isPresent);
  return false;
}

const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
// Extensions that make "a.b.md" a file name rather than a host name.
const FILE_EXTENSIONS = new Set(['md', 'markdown', 'mdx', 'rst', 'adoc', 'txt', 'yml', 'yaml', 'json', 'xml', 'html', 'htm', 'pdf', 'docx', 'doc', 'odt', 'pptx', 'odp', 'png', 'svg', 'jpg', 'csv', 'toml', 'ini', 'sh', 'py', 'js', 'ts']);

/**
 * A declared string that names a repository file rather than a URL or a sentence: no scheme, no
 * whitespace, and shaped like a path (a `/` or a file extension).
 */
export function looksLikeRepoPath(value: string): boolean {
  const v = value.trim();
  if (!v || URL_RE.test(v) || /\s/.test(v) || v.includes('@') || v.startsWith('mailto:')) return false;
  // "1.500.000" is an amount; "forum.os2.eu" or "www.os2.eu/x" is a host, not a file.
  if (/^\d[\d.,]*$/.test(v)) return false;
  const first = v.split('/')[0]!;
  const lastLabel = first.slice(first.lastIndexOf('.') + 1).toLowerCase();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/i.test(first) && /^[a-z]{2,6}$/.test(lastLabel) && !FILE_EXTENSIONS.has(lastLabel)) return false;
  return v.includes('/') || /\.[a-z0-9]{1,6}$/i.test(v);
}

/** Every string inside a declared value (for path checks and evidence). */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

export type DeclaredPathStatus = 'exists' | 'missing' | 'outside';

/** Status of a declared repository path against the tracked-file index (a folder counts when files sit under it). */
export function declaredPathStatus(facts: Facts, value: string): DeclaredPathStatus {
  const p = value.trim().replace(/^\.\//, '').replace(/\/+$/, '');
  if (p.startsWith('/') || p.split('/').includes('..')) return 'outside';
  const paths = facts.files.paths;
  return indexHas(paths, p) || indexHasUnder(paths, p) ? 'exists' : 'missing';
}
