/**
 * Tag name → version. Strict SemVer 2.0.0 (read by the `semver` package; an optional `v`/`V`
 * prefix allowed) is `isSemver`;
 * looser dotted versions that real OS2 products use (`12.1.4.1`, `5.2.0rc1`, `release-1.2.3`,
 * `OS2mo-12.3`, `v.1.5.2`) count as versions but not SemVer. A single number is not a version:
 * `release-candidate-1` names a build, not a release line.
 */
import semver from 'semver';
import type { GitTag } from './types.js';

export interface ParsedVersionTag {
  isVersion: boolean;
  isSemver: boolean;
  /** The version without any prefix (`v1.2.3` → `1.2.3`, `OS2mo-12.3` → `12.3`). */
  normalised?: string;
}

// Optional product/channel prefix ending in - _ or /, optional `v` or `v.`, at least two dotted
// numbers, then an optional qualifier (`rc1`, `-beta.2`, `.post1`, `+build`).
const LOOSE = /^(?:[A-Za-z][\w.]*?[-_/])?(?:[vV]\.?)?(\d+(?:\.\d+)+(?:[-+_.]?[0-9A-Za-z][0-9A-Za-z.+_-]*)?)$/;

export function parseVersionTag(name: string): ParsedVersionTag {
  // SemVer 2.0.0 as the `semver` package reads it strictly; a `V` prefix is as good as `v`.
  const strict = semver.parse(/^V\d/.test(name) ? name.slice(1) : name);
  if (strict && !/^=/.test(name)) return { isVersion: true, isSemver: true, normalised: strict.raw.replace(/^v/, '') };
  const loose = LOOSE.exec(name);
  if (loose) return { isVersion: true, isSemver: false, normalised: loose[1]! };
  return { isVersion: false, isSemver: false };
}

const splitVersion = (v: string): { core: number[]; qualifier: string } => {
  const withoutBuild = v.split('+')[0]!;
  const m = /^(\d+(?:\.\d+)*)(.*)$/.exec(withoutBuild);
  if (!m) return { core: [], qualifier: withoutBuild };
  return { core: m[1]!.split('.').map(Number), qualifier: m[2]!.replace(/^[-_.]/, '') };
};

/** Natural order of qualifiers: `rc2` < `rc10`, numbers below words as in SemVer. */
const compareQualifiers = (a: string, b: string): number => {
  const ta = a.match(/\d+|[A-Za-z]+/g) ?? [];
  const tb = b.match(/\d+|[A-Za-z]+/g) ?? [];
  for (let i = 0; i < Math.max(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      if (Number(x) !== Number(y)) return Number(x) - Number(y);
    } else if (nx !== ny) return nx ? -1 : 1;
    else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Orders two normalised versions: dotted numbers numerically; a qualifier marks a pre-release; build metadata is ignored. */
export function compareVersions(a: string, b: string): number {
  // Two SemVer versions are ordered by SemVer's own rules (pre-releases, identifiers).
  if (semver.valid(a) && semver.valid(b)) return semver.compare(a, b);
  const va = splitVersion(a);
  const vb = splitVersion(b);
  for (let i = 0; i < Math.max(va.core.length, vb.core.length); i++) {
    const d = (va.core[i] ?? 0) - (vb.core[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (va.qualifier === vb.qualifier) return 0;
  // `.post1` follows its release (PEP 440); any other qualifier precedes it.
  const post = (q: string): boolean => /^post/i.test(q);
  if (va.qualifier === '') return post(vb.qualifier) ? -1 : 1;
  if (vb.qualifier === '') return post(va.qualifier) ? 1 : -1;
  return Math.sign(compareQualifiers(va.qualifier, vb.qualifier));
}

/**
 * Orders version tags oldest first: by tag date when both have one and they differ (what was
 * released last), else by version (tags made on the same commit, or dates unknown).
 */
export function compareVersionTags(a: Pick<GitTag, 'name' | 'date'>, b: Pick<GitTag, 'name' | 'date'>): number {
  const da = a.date === null ? NaN : Date.parse(a.date);
  const db = b.date === null ? NaN : Date.parse(b.date);
  if (!Number.isNaN(da) && !Number.isNaN(db) && da !== db) return da < db ? -1 : 1;
  const byVersion = compareVersions(parseVersionTag(a.name).normalised ?? '', parseVersionTag(b.name).normalised ?? '');
  return byVersion !== 0 ? byVersion : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The newest tag that is a version, or null when there is none. */
export function newestVersionTag<T extends Pick<GitTag, 'name' | 'date' | 'isVersion'>>(tags: readonly T[]): T | null {
  let newest: T | null = null;
  for (const tag of tags) {
    if (tag.isVersion && (newest === null || compareVersionTags(tag, newest) > 0)) newest = tag;
  }
  return newest;
}
