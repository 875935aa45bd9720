import type { Facts } from '../facts/types.js';
import type { CheckResult } from './types.js';

/**
 * The answer of a history-based check when git facts are missing: outside git that is a known
 * absence (fail), otherwise the history could not be read (unknown, with the reason).
 */
export function gitUnknown(facts: Facts): CheckResult {
  if (facts.files.source === 'walk') {
    return { outcome: 'fail', code: 'git.not-repository', evidence: [{ kind: 'looked-for', value: '.git' }], basis: 'verified' };
  }
  const reason = facts.git.status === 'unknown' ? facts.git.reason : 'unknown';
  return { outcome: 'unknown', code: 'git.unreadable', args: { reason }, evidence: [], basis: 'none' };
}
