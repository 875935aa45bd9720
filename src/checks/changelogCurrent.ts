import { parseVersionTag } from '../facts/versions.js';
import { gitUnknown } from './gitUnknown.js';
import { defineCheck } from './types.js';
import { noVersionTags, versionTagsNewestFirst } from './versionTags.js';

// The version without any product prefix: `OS2mo-12.3` → `12.3` (a prefix may itself hold digits).
const bare = (v: string): string => parseVersionTag(v).normalised ?? v.replace(/^[^0-9]*/, '');

/** versioning.changelog-current: the newest version tag appears in the changelog. */
export const changelogCurrent = defineCheck<Record<string, never>>({
  paramsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ facts }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const newest = versionTagsNewestFirst(facts.git.value)[0];
    if (!newest) return noVersionTags(facts.git.value);
    const log = facts.changelog;
    if (!log) return { outcome: 'fail', code: 'changelog.missing', args: { tag: newest.name }, evidence: [{ kind: 'looked-for', value: 'CHANGELOG*' }], basis: 'verified' };
    if (log.status !== 'known') return { outcome: 'unknown', code: 'changelog.unreadable', args: { reason: log.reason }, evidence: [], basis: 'none' };
    const want = bare(newest.name);
    const hit = log.value.versions.some((v) => bare(v) === want);
    return {
      outcome: hit ? 'pass' : 'fail', code: hit ? 'changelog.current' : 'changelog.behind',
      args: { tag: newest.name, path: log.value.path, latest: log.value.versions[0] ?? '—' },
      evidence: [{ kind: 'file', path: log.value.path }, { kind: 'git', value: newest.name }], basis: 'verified',
    };
  },
});
