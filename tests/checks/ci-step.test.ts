import { describe, expect, it } from 'vitest';
import { ciStep } from '../../src/checks/ciStep.js';
import type { CiFacts, CiStep, CiStepKind } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck } from '../helpers/facts.js';

const GHA = '.github/workflows/ci.yml';
const step = (command: string, kinds: CiStepKind[], file = GHA, job: string | null = 'build'): CiStep => ({ file, system: 'github-actions', job, command, kinds, line: 12 });
const ci = (files: CiFacts['files'], steps: CiStep[]) => emptyFacts({ ci: { files, steps } });
const gha = { path: GHA, system: 'github-actions' as const };
const gitlab = { path: '.gitlab-ci.yml', system: 'gitlab-ci' as const };

describe('ci-step', () => {
  it.each([
    ['a test step', ci([gha], [step('npm ci', ['other']), step('npm test', ['test'])]), 'test', 'pass', 'ci.pass', 'verified', { stepKind: 'test', file: GHA, job: 'build', command: 'npm test', count: 1 }],
    ['a step with two kinds', ci([gha], [step('npm run test:coverage', ['test', 'coverage'])]), 'coverage', 'pass', 'ci.pass', 'verified', {}],
    ['a job-less step', ci([gha], [step('trivy fs .', ['security-scan'], GHA, null)]), 'security-scan', 'pass', 'ci.pass', 'verified', { job: '—' }],
    ['lint only, test wanted', ci([gha], [step('npm run lint', ['lint'])]), 'test', 'fail', 'ci.no-step', 'verified', { stepKind: 'test', files: [GHA] }],
    ['tests only, security scan wanted', ci([gha], [step('npm test', ['test'])]), 'security-scan', 'fail', 'ci.no-step', 'verified', {}],
    ['no CI definitions', ci([], []), 'test', 'fail', 'ci.none', 'verified', { stepKind: 'test' }],
    ['every CI file unparsable', ci([{ ...gha, parseError: 'bad indentation at 3:4' }], []), 'test', 'unknown', 'ci.unparsable', 'none', { files: [GHA], reason: 'bad indentation at 3:4' }],
    ['a step found in the parsable file wins', ci([{ ...gitlab, parseError: 'x' }, gha], [step('pytest', ['test'])]), 'test', 'pass', 'ci.pass', 'verified', {}],
  ] as const)('%s', (_n, facts, stepKind, outcome, code, basis, args) => {
    expect(decision(runCheck(ciStep, facts, { stepKind }))).toMatchObject({ outcome, code, basis, args });
  });

  it('other is not a step kind the level file may ask for', async () => {
    const { paramsErrors } = await import('../helpers/facts.js');
    expect(paramsErrors(ciStep as never, { stepKind: 'other' })).not.toEqual([]);
    expect(paramsErrors(ciStep as never, {})).not.toEqual([]);
  });

  // Honest outcomes: the unparsable file may hold the test step, so "no step" is not known.
  it('one unparsable and one step-less CI file → unknown, not fail', () => {
    const facts = ci([{ ...gitlab, parseError: 'x' }, gha], [step('npm run lint', ['lint'])]);
    expect(runCheck(ciStep, facts, { stepKind: 'test' }).outcome).toBe('unknown');
  });
});
