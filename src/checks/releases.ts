import { gitUnknown } from './gitUnknown.js';
import { isoDay, isWithinMonths } from './time.js';
import { defineCheck } from './types.js';
import { versionTagsNewestFirst } from './versionTags.js';

/** versioning.releases: version tags exist and one is recent. */
export const releases = defineCheck<{ withinMonths: number }>({
  paramsSchema: { type: 'object', required: ['withinMonths'], additionalProperties: false, properties: { withinMonths: { type: 'integer', minimum: 1 } } },
  run({ facts, now }, { withinMonths }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const tags = versionTagsNewestFirst(facts.git.value);
    const newest = tags[0];
    if (!newest) {
      if (facts.git.value.partialHistory) return { outcome: 'unknown', code: 'git.partial', evidence: [], basis: 'none' };
      return { outcome: 'fail', code: 'releases.none', args: { tags: facts.git.value.tags.length }, evidence: [{ kind: 'looked-for', value: 'tags: v1.2.3' }], basis: 'verified' };
    }
    const args = { tag: newest.name, date: isoDay(newest.date), months: withinMonths, count: tags.length };
    const evidence = [{ kind: 'git' as const, value: `${newest.name} ${isoDay(newest.date)}` }];
    if (isWithinMonths(newest.date, now, withinMonths)) return { outcome: 'pass', code: 'releases.pass', args, evidence, basis: 'verified' };
    return { outcome: 'fail', code: 'releases.stale', args, evidence, basis: 'verified' };
  },
});
