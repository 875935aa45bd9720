import type { GitFacts, GitTag } from '../facts/types.js';

/** Version tags, newest first: by date, and by name for tags without a date. */
export function versionTagsNewestFirst(git: GitFacts): GitTag[] {
  return git.tags
    .filter((t) => t.isVersion)
    .sort((a, b) => (Date.parse(b.date ?? '') || 0) - (Date.parse(a.date ?? '') || 0) || b.name.localeCompare(a.name, 'en', { numeric: true }));
}
