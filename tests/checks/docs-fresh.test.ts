import { describe, expect, it } from 'vitest';
import { docsFresh } from '../../src/checks/docsFresh.js';
import { decision, emptyFacts, inGit, monthsAgo, NOW, runCheck, unreadableGit } from '../helpers/facts.js';

const changed = (docsLastChanged: string | null) => inGit(emptyFacts(), { docsLastChanged });

describe('docs-fresh', () => {
  it.each([
    ['changed yesterday', changed('2026-05-31T09:00:00Z'), 'pass', 'fresh.pass', 'verified', { date: '2026-05-31', months: 12 }],
    ['changed exactly 12 months before now', changed('2025-06-01T12:00:00Z'), 'pass', 'fresh.pass', 'verified', { date: '2025-06-01' }],
    ['changed one second too early', changed('2025-06-01T11:59:59Z'), 'fail', 'fresh.stale', 'verified', { date: '2025-06-01', months: 12 }],
    ['changed two years ago', changed(monthsAgo(24)), 'fail', 'fresh.stale', 'verified', {}],
    ['never changed', changed(null), 'fail', 'fresh.never', 'verified', { months: 12 }],
    ['not a git repository', emptyFacts(), 'fail', 'git.not-repository', 'verified', {}],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none', { reason: 'git log failed: fatal: bad object HEAD' }],
  ] as const)('%s', (_n, f, outcome, code, basis, args) => {
    expect(decision(runCheck(docsFresh, f, { withinMonths: 12 }))).toMatchObject({ outcome, code, basis, args });
  });

  it('the window comes from params and is measured against the given now', () => {
    const f = changed(monthsAgo(7));
    expect(runCheck(docsFresh, f, { withinMonths: 6 }).outcome).toBe('fail');
    expect(runCheck(docsFresh, f, { withinMonths: 8 }).outcome).toBe('pass');
    const later = new Date(NOW.getTime() + 2 * 365 * 86_400_000);
    expect(runCheck(docsFresh, f, { withinMonths: 8 }, later).outcome).toBe('fail');
  });
});
