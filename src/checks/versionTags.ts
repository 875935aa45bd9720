import type { GitFacts, GitTag } from '../facts/types.js';
import { compareVersionTags } from '../facts/versions.js';

/** Version tags, newest first (by tag date, then by version). */
export function versionTagsNewestFirst(git: GitFacts): GitTag[] {
  return git.tags.filter((t) => t.isVersion).sort((a, b) => compareVersionTags(b, a));
}
