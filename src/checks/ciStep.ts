import type { CiStepKind } from '../facts/types.js';
import { defineCheck } from './types.js';

const STEP_KINDS = ['test', 'lint', 'security-scan', 'container-build', 'coverage'] as const satisfies readonly CiStepKind[];

/** tests.ci / tests.security-scanning: a CI definition has a step of the given kind. */
export const ciStep = defineCheck<{ stepKind: (typeof STEP_KINDS)[number] }>({
  paramsSchema: { type: 'object', required: ['stepKind'], additionalProperties: false, properties: { stepKind: { enum: [...STEP_KINDS] } } },
  run({ facts }, { stepKind }) {
    const { files, steps } = facts.ci;
    const hits = steps.filter((s) => s.kinds.includes(stepKind));
    if (hits.length) {
      const first = hits[0]!;
      return {
        outcome: 'pass', code: 'ci.pass', args: { stepKind, file: first.file, job: first.job ?? '—', command: first.command, count: hits.length },
        evidence: hits.slice(0, 5).map((s) => ({ kind: 'ci' as const, path: s.file, ...(s.line ? { line: s.line } : {}), value: `${s.job ?? ''}: ${s.command}` })),
        basis: 'verified',
      };
    }
    if (files.length === 0) return { outcome: 'fail', code: 'ci.none', args: { stepKind }, evidence: [{ kind: 'looked-for', value: '.github/workflows, .gitlab-ci.yml, Jenkinsfile, …' }], basis: 'verified' };
    // A file that could not be parsed may hold the step, so "no such step" is not known then.
    const broken = files.filter((f) => f.parseError);
    if (broken.length > 0) {
      return { outcome: 'unknown', code: 'ci.unparsable', args: { stepKind, files: broken.map((f) => f.path), reason: broken[0]!.parseError! }, evidence: broken.map((f) => ({ kind: 'file' as const, path: f.path })), basis: 'none' };
    }
    return { outcome: 'fail', code: 'ci.no-step', args: { stepKind, files: files.map((f) => f.path).slice(0, 5) }, evidence: files.slice(0, 5).map((f) => ({ kind: 'file' as const, path: f.path })), basis: 'verified' };
  },
});
