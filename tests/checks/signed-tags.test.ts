import { describe, expect, it } from 'vitest';
import { signedTags } from '../../src/checks/signedTags.js';
import type { GitTag } from '../../src/facts/types.js';
import { decision, emptyFacts, inGit, monthsAgo, runCheck, tag, unreadableGit } from '../helpers/facts.js';

const tagged = (...tags: GitTag[]) => inGit(emptyFacts(), { tags });
const signed = { annotated: true, signed: true };

describe('signed-tags', () => {
  it.each([
    ['newest tag signed', tagged(tag('v1.0.0', monthsAgo(5)), tag('v1.1.0', monthsAgo(1), signed)), 'pass', 'signed.pass', 'verified', { tag: 'v1.1.0' }],
    ['newest tag annotated, unsigned', tagged(tag('v1.0.0', monthsAgo(5), signed), tag('v1.1.0', monthsAgo(1), { annotated: true })), 'fail', 'signed.unsigned', 'verified', { tag: 'v1.1.0' }],
    ['newest tag lightweight', tagged(tag('v1.1.0', monthsAgo(1))), 'fail', 'signed.lightweight', 'verified', { tag: 'v1.1.0' }],
    ['a signed non-version tag does not count', tagged(tag('nightly', monthsAgo(0), signed), tag('v1.1.0', monthsAgo(1))), 'fail', 'signed.lightweight', 'verified', {}],
    ['no version tags', tagged(), 'fail', 'releases.none', 'verified', { tags: 0 }],
    ['not a git repository', emptyFacts(), 'fail', 'git.not-repository', 'verified', {}],
    ['git unreadable', unreadableGit(), 'unknown', 'git.unreadable', 'none', {}],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(signedTags, facts, {}))).toMatchObject({ outcome, code, basis, args });
  });
});
