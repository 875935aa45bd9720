import { gitUnknown } from './gitUnknown.js';
import { defineCheck } from './types.js';

// `#123`, `GH-12`, `ABC-123` (Jira style, upper case only so "utf-8" does not count), or an issue URL.
const REFERENCE = [/(^|[\s(\[])#\d+\b/, /\bGH-\d+\b/i, /\/(issues|-\/issues|browse)\/[A-Z0-9-]*\d+/i];
const JIRA_KEY = /\b([A-Z][A-Z0-9]{1,9})-\d+\b/g;
// Upper-case names of standards and algorithms that look like issue keys: "UTF-8", "SHA-256", "ISO-8601".
const NOT_ISSUE_KEYS = new Set(['UTF', 'SHA', 'ISO', 'RFC', 'CVE', 'CWE', 'TLS', 'SSL', 'HTTP', 'AES', 'RSA', 'MD', 'PEP', 'ECMA', 'ES', 'EN', 'DS', 'JSR', 'IPV', 'OAUTH', 'UTC', 'GMT', 'WCAG']);

export const referencesIssue = (subject: string): boolean =>
  REFERENCE.some((re) => re.test(subject)) || [...subject.matchAll(JIRA_KEY)].some((m) => !NOT_ISSUE_KEYS.has(m[1]!));

/** versioning.issue-references: changes point to the issues they address. */
export const issueReferences = defineCheck<{ sample: number; minRatio: number }>({
  paramsSchema: {
    type: 'object', required: ['sample', 'minRatio'], additionalProperties: false,
    properties: { sample: { type: 'integer', minimum: 1 }, minRatio: { type: 'number', minimum: 0, maximum: 1 } },
  },
  run({ facts }, { sample, minRatio }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const commits = facts.git.value.recentCommits.filter((c) => c.parents <= 1).slice(0, sample);
    if (commits.length === 0) return { outcome: 'fail', code: 'git.no-commits', evidence: [], basis: 'verified' };
    const hits = commits.filter((c) => referencesIssue(c.subject)).length;
    const percent = Math.round((hits / commits.length) * 100);
    const args = { hits, sample: commits.length, percent, min: Math.round(minRatio * 100) };
    const ok = hits / commits.length >= minRatio;
    return { outcome: ok ? 'pass' : 'fail', code: ok ? 'refs.pass' : 'refs.low', args, evidence: [{ kind: 'git', value: `${hits}/${commits.length}` }], basis: 'verified' };
  },
});
