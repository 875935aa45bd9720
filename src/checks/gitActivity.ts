import { gitUnknown } from './gitUnknown.js';
import { isoDay, isWithinMonths } from './time.js';
import { defineCheck } from './types.js';

/** versioning.active: recent commits, and not mostly bulk uploads. */
export const gitActivity = defineCheck<{ withinMonths: number; maxBulkRatio: number; bulkPatterns: string[] }>({
  paramsSchema: {
    type: 'object', required: ['withinMonths', 'maxBulkRatio', 'bulkPatterns'], additionalProperties: false,
    properties: {
      withinMonths: { type: 'integer', minimum: 1 },
      maxBulkRatio: { type: 'number', minimum: 0, maximum: 1 },
      bulkPatterns: { type: 'array', items: { type: 'string', format: 'regex' } },
    },
  },
  run({ facts, now }, p) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const git = facts.git.value;
    if (git.commitCount === 0) return { outcome: 'fail', code: 'git.no-commits', evidence: [], basis: 'verified' };
    if (!isWithinMonths(git.lastCommitDate, now, p.withinMonths)) {
      return { outcome: 'fail', code: 'activity.stale', args: { date: isoDay(git.lastCommitDate), months: p.withinMonths }, evidence: [{ kind: 'git', value: isoDay(git.lastCommitDate) }], basis: 'verified' };
    }
    const patterns = p.bulkPatterns.map((s) => new RegExp(s, 'i'));
    const commits = git.recentCommits;
    const bulk = commits.filter((c) => patterns.some((re) => re.test(c.subject))).length;
    const ratio = commits.length ? bulk / commits.length : 0;
    const args = { date: isoDay(git.lastCommitDate), bulk, sample: commits.length, percent: Math.round(ratio * 100) };
    if (commits.length >= 5 && ratio > p.maxBulkRatio) {
      return { outcome: 'fail', code: 'activity.bulk', args, evidence: [{ kind: 'git', value: `${bulk}/${commits.length}` }], basis: 'verified' };
    }
    return { outcome: 'pass', code: 'activity.pass', args, evidence: [{ kind: 'git', value: isoDay(git.lastCommitDate) }], basis: 'verified' };
  },
});
