/** Shared by every check that accepts a declaration in os2.yaml as an alternative to repository evidence. */
import type { Facts } from '../facts/types.js';
import type { CheckResult, Evidence } from './types.js';
import { declaredPathStatus, getPath, isPresent, looksLikeRepoPath, manifestData, stringsIn } from './declaredValue.js';

export interface DeclaredResult {
  ok: boolean;
  /** Fields that were present and valid. */
  fields: string[];
  evidence: Evidence[];
  /** A declared repository path that does not exist (or leaves the repository): the first one found. */
  badPath: { field: string; path: string; status: 'missing' | 'outside' } | null;
}

/** Passes when any of `fields` holds a value, and every repository path in it exists. */
export function declaredEvidence(facts: Facts, fields: readonly string[]): DeclaredResult {
  const data = manifestData(facts);
  const result: DeclaredResult = { ok: false, fields: [], evidence: [], badPath: null };
  if (!data) return result;
  for (const field of fields) {
    const value = getPath(data, field);
    if (!isPresent(value)) continue;
    const bad = badDeclaredPath(facts, value);
    if (bad) {
      result.badPath ??= { field, ...bad };
      continue;
    }
    result.fields.push(field);
    result.evidence.push({ kind: 'declared', path: field, value: summarise(value) });
  }
  result.ok = result.fields.length > 0;
  return result;
}

export function badDeclaredPath(facts: Facts, value: unknown): { path: string; status: 'missing' | 'outside' } | null {
  for (const s of stringsIn(value)) {
    if (!looksLikeRepoPath(s)) continue;
    const status = declaredPathStatus(facts, s);
    if (status !== 'exists') return { path: s, status };
  }
  return null;
}

/** A short printable form of a declared value for evidence. */
export function summarise(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 120 ? s.slice(0, 117) + '…' : s;
}

/** The failure to report when the only declaration names a repository path that is missing or outside. */
export function declaredPathFailure(decl: DeclaredResult): CheckResult | null {
  if (decl.ok || !decl.badPath) return null;
  return {
    outcome: 'fail',
    code: decl.badPath.status === 'outside' ? 'declared.path-outside' : 'declared.path-missing',
    args: { field: decl.badPath.field, path: decl.badPath.path },
    evidence: [{ kind: 'declared', path: decl.badPath.field, value: decl.badPath.path }],
    basis: 'declared',
  };
}
