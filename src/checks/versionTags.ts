import type { GitFacts, GitTag } from '../facts/types.js';
import { compareVersionTags } from '../facts/versions.js';
import type { CheckResult } from './types.js';

/** Version tags, newest first (by tag date, then by version). */
export function versionTagsNewestFirst(git: GitFacts): GitTag[] {
  return git.tags.filter((t) => t.isVersion).sort((a, b) => compareVersionTags(b, a));
}

/** No version tags: a shallow or partial clone may simply not have fetched them, so that is unknown. */
export function noVersionTags(git: GitFacts): CheckResult {
  if (git.partialHistory) return { outcome: 'unknown', code: 'git.partial', evidence: [], basis: 'none' };
  return { outcome: 'fail', code: 'releases.none', args: { tags: git.tags.length }, evidence: [], basis: 'verified' };
}
