import { isoDay, isWithinMonths } from './time.js';
import { defineCheck } from './types.js';
import { gitUnknown } from './gitUnknown.js';

/** docs.fresh: README or docs changed recently. */
export const docsFresh = defineCheck<{ withinMonths: number }>({
  paramsSchema: { type: 'object', required: ['withinMonths'], additionalProperties: false, properties: { withinMonths: { type: 'integer', minimum: 1 } } },
  run({ facts, now }, { withinMonths }) {
    if (facts.git.status !== 'known') return gitUnknown(facts);
    const last = facts.git.value.docsLastChanged;
    if (!last) return { outcome: 'fail', code: 'fresh.never', args: { months: withinMonths }, evidence: [{ kind: 'looked-for', value: 'README*, docs/' }], basis: 'verified' };
    const ok = isWithinMonths(last, now, withinMonths);
    return {
      outcome: ok ? 'pass' : 'fail', code: ok ? 'fresh.pass' : 'fresh.stale', args: { date: isoDay(last), months: withinMonths },
      evidence: [{ kind: 'git', value: isoDay(last) }], basis: 'verified',
    };
  },
});
