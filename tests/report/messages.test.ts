/**
 * Every code a check can return has Danish and English words with the same placeholders. Codes
 * are collected statically from src/checks/*.ts and dynamically from the parity table's outcomes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { messages } from '../../src/report/messages.js';
import { PARITY_CASES, perfectFacts } from '../checks/parityCases.js';
import { emptyFacts, loadTestCatalogue, NOW } from '../helpers/facts.js';

const SRC_DIR = new URL('../../src/', import.meta.url);
const catalogue = messages as Record<string, { en: string; da: string }>;

/**
 * Codes used anywhere in src/: `code: 'x'`, `code: cond ? 'a' : 'b'` (nested too), `{ code: 'x', …}`
 * in findings, and `message('x', …)` calls. Keys are codes, values the file that uses them.
 */
function staticCodes(): Map<string, string> {
  const found = new Map<string, string>();
  const files = readdirSync(SRC_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('messages.ts'));
  for (const file of files) {
    const text = readFileSync(new URL(file, SRC_DIR), 'utf8');
    for (const m of text.matchAll(/\bcode:\s*([^,}\n]+(?:\?[^,}\n]+:[^,}\n]+)?)|\bmessage\(([^,]+(?:\?[^,]+:[^,]+)?),/g)) {
      for (const lit of (m[1] ?? m[2])!.matchAll(/'([a-z0-9-]+\.[a-z0-9.-]+)'/g)) found.set(lit[1]!, file);
    }
  }
  return found;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message catalogue', () => {
  const codes = staticCodes();

  it('finds the codes of every check file (the scan itself works)', () => {
    expect(codes.size).toBeGreaterThan(60);
    for (const code of ['readme.pass', 'declared.path-outside', 'signed.lightweight', 'coverage.mismatch', 'org.declared-no-handover']) expect(codes.has(code)).toBe(true);
  });

  it('every code used in src/ has a message', () => {
    // Report notices are worded in src/report/ui.ts, not here.
    const NOTICE_CODES = new Set(['manifest.absent', 'report.used', 'report.unreadable', 'report.older-than-checklist', 'report.too-old', 'report.undated']);
    expect([...codes.keys()].filter((c) => !(c in catalogue) && !NOTICE_CODES.has(c)).map((c) => `${c} (${codes.get(c)})`)).toEqual([]);
  });

  it('every message has non-empty en and da', () => {
    const bad = Object.entries(catalogue).filter(([, t]) => !t.en?.trim() || !t.da?.trim()).map(([c]) => c);
    expect(bad).toEqual([]);
  });

  it('en and da use the same placeholders', () => {
    const bad = Object.entries(catalogue)
      .filter(([, t]) => placeholders(t.en).join() !== placeholders(t.da).join())
      .map(([c, t]) => `${c}: en {${placeholders(t.en)}} da {${placeholders(t.da)}}`);
    expect(bad).toEqual([]);
  });

  it('Danish texts differ from English ones', () => {
    // Templates made only of placeholders and punctuation are the same in both languages.
    const hasWords = (t: string) => /\p{L}{2,}/u.test(t.replace(/\{\w+\}/g, ''));
    expect(Object.entries(catalogue).filter(([, t]) => hasWords(t.en) && t.en.trim() === t.da.trim()).map(([c]) => c)).toEqual([]);
  });

  it('no message is unused in src/ (except the evaluator’s check.error)', () => {
    // A code counts as used when it appears as a quoted literal anywhere in src/ outside the catalogue.
    const files = readdirSync(SRC_DIR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('messages.ts'));
    const source = files.map((f) => readFileSync(new URL(f, SRC_DIR), 'utf8')).join('\n');
    const unused = Object.keys(catalogue).filter((c) => !codes.has(c) && !source.includes(`'${c}'`) && c !== 'check.error');
    expect(unused).toEqual([]);
  });
});

describe('codes reached at run time', () => {
  const seen = new Map<string, Set<string>>();
  beforeAll(async () => {
    const levels = await loadTestCatalogue();
    const perfect = await perfectFacts();
    const inputs = [emptyFacts(), perfect, ...Object.values(PARITY_CASES).flatMap((c) => [c.bad(perfect), ...(c.good ? [c.good(perfect)] : [])])];
    for (const facts of inputs) {
      for (const r of evaluate(facts, levels, { now: NOW }).requirements) {
        for (const { code, args } of [{ code: r.code, args: r.args }, ...r.findings]) {
          const names = seen.get(code) ?? new Set<string>();
          for (const k of Object.keys(args)) names.add(k);
          seen.set(code, names);
        }
      }
    }
  });

  it('every code the evaluator returned has a message', () => {
    expect([...seen.keys()].filter((c) => !(c in catalogue))).toEqual([]);
  });

  it('every placeholder of a returned code is filled by its args', () => {
    const missing: string[] = [];
    for (const [code, names] of seen) {
      const t = catalogue[code];
      if (!t) continue;
      for (const p of placeholders(t.en)) if (!names.has(p)) missing.push(`${code}: {${p}}`);
    }
    expect(missing).toEqual([]);
  });
});
