import { describe, expect, it } from 'vitest';
import { compareVersions, compareVersionTags, newestVersionTag, parseVersionTag } from '../../src/facts/versions.js';

describe('parseVersionTag', () => {
  it.each([
    // name, isVersion, isSemver, normalised
    ['v1.2.3', true, true, '1.2.3'],
    ['V1.2.3', true, true, '1.2.3'],
    ['1.2.3', true, true, '1.2.3'],
    ['1.2.3-beta.1+build.5', true, true, '1.2.3-beta.1+build.5'],
    ['v10.0.0-rc.1', true, true, '10.0.0-rc.1'],
    ['v.1.5.2', true, false, '1.5.2'],
    ['5.2.0rc1', true, false, '5.2.0rc1'],
    ['12.1.4.1', true, false, '12.1.4.1'],
    ['v1.2', true, false, '1.2'],
    ['release-1.2.3', true, false, '1.2.3'],
    ['OS2mo-12.3', true, false, '12.3'],
    ['releases/2.0.1', true, false, '2.0.1'],
    ['01.2.3', true, false, '01.2.3'],
    ['1.2.3-01', true, false, '1.2.3-01'],
    ['release-candidate-1', false, false, undefined],
    ['latest', false, false, undefined],
    ['stable', false, false, undefined],
    ['foo', false, false, undefined],
    ['v1', false, false, undefined],
    ['1.2.', false, false, undefined],
    ['', false, false, undefined],
  ])('%j → version %s, semver %s', (name, isVersion, isSemver, normalised) => {
    expect(parseVersionTag(name)).toEqual({ isVersion, isSemver, ...(normalised !== undefined ? { normalised } : {}) });
  });
});

describe('compareVersions', () => {
  it.each([
    ['1.2.3', '1.2.4', -1],
    ['1.10.0', '1.9.9', 1],
    ['1.2', '1.2.0', 0],
    ['12.1.4.1', '12.1.4', 1],
    ['5.2.0rc1', '5.2.0', -1],
    ['5.2.0rc2', '5.2.0rc10', -1],
    ['1.0.0-alpha', '1.0.0-alpha.1', -1],
    ['1.0.0-alpha.1', '1.0.0-beta', -1],
    ['1.0.0-1', '1.0.0-alpha', -1],
    ['1.0.0+build.1', '1.0.0+build.2', 0],
    ['1.0.0.post1', '1.0.0', 1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(Math.sign(compareVersions(a, b))).toBe(expected);
    expect(Math.sign(compareVersions(b, a))).toBe(-expected || 0);
  });
});

describe('newestVersionTag', () => {
  const tag = (name: string, date: string | null) => ({ name, date, isVersion: parseVersionTag(name).isVersion });

  it('prefers the most recently dated tag over the highest number', () => {
    // A maintenance release of an old line made after the current one is the newest release.
    const tags = [tag('v2.0.0', '2025-01-01T00:00:00Z'), tag('v1.9.1', '2025-06-01T00:00:00Z'), tag('latest', '2026-01-01T00:00:00Z')];
    expect(newestVersionTag(tags)?.name).toBe('v1.9.1');
  });

  it('falls back to version order for equal or unknown dates', () => {
    expect(newestVersionTag([tag('v1.10.0', '2025-01-01T00:00:00Z'), tag('v1.9.0', '2025-01-01T00:00:00Z')])?.name).toBe('v1.10.0');
    expect(newestVersionTag([tag('v1.0.0', null), tag('v1.0.1', null)])?.name).toBe('v1.0.1');
    expect(compareVersionTags(tag('5.2.0rc1', null), tag('5.2.0', null))).toBeLessThan(0);
  });

  it('is null without version tags', () => {
    expect(newestVersionTag([tag('latest', null), tag('stable', '2025-01-01T00:00:00Z')])).toBeNull();
    expect(newestVersionTag([])).toBeNull();
  });
});
