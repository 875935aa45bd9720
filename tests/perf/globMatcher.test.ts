/**
 * globMatcher joins picomatch's regular expressions into one; it must accept exactly the paths
 * picomatch accepts, for every glob list the catalogue uses and for awkward globs and paths.
 */
import { execFileSync } from 'node:child_process';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/checks/textMatch.js';
import { loadLevels } from '../../src/levels/load.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

/** Every array of strings under a `paths` or `docPaths` key in the catalogue's check parameters. */
function catalogueGlobLists(value: unknown, key = ''): string[][] {
  if (Array.isArray(value)) {
    if ((key === 'paths' || key === 'docPaths') && value.every((v) => typeof v === 'string')) return [value as string[]];
    return value.flatMap((v) => catalogueGlobLists(v));
  }
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => catalogueGlobLists(v, k));
  return [];
}

const AWKWARD_GLOBS = [
  ['a[b].md'], ['!**/*.md'], ['docs/**', '*.{md,rst}'], ['**/.github/**/*.y?(a)ml'], ['README*'], ['**/user*guide*.pdf'],
  ['*.MD'], ['src/**/!(*.test).ts'], ['**'], ['(a|b).txt'],
];
const AWKWARD_PATHS = [
  'a[b].md', 'ab.md', 'README', 'readme.md', 'docs/x/y.rst', 'x.md', '.github/workflows/ci.yml', '.github/workflows/ci.yaml',
  'a/b/User-Guide.PDF', 'src/a.ts', 'src/a.test.ts', 'X.md', 'a.txt', '(a|b).txt', 'docs', 'docs/', './x.md', 'æøå/ÆØÅ.md',
  'dir with space/file name.md', '..', '.hidden/.x.md',
];

describe('globMatcher', () => {
  it('agrees with picomatch on every glob list of the catalogue, over this repository and awkward paths', async () => {
    const lists = catalogueGlobLists((await loadLevels()).requirements.map((r) => r.check));
    expect(lists.length).toBeGreaterThan(2);
    const paths = [...execFileSync('git', ['ls-files', '-z'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean), ...AWKWARD_PATHS];
    const candidates = paths.flatMap((p) => [p, p.toUpperCase(), `docs/${p}`, `a/b/${p.split('/').pop()}`]);
    let matched = 0;
    for (const globs of [...lists, ...AWKWARD_GLOBS]) {
      const ours = globMatcher(globs);
      const theirs = picomatch(globs, { nocase: true, dot: true });
      for (const p of candidates) {
        expect(ours(p), `${JSON.stringify(globs)} on ${p}`).toBe(theirs(p));
        if (theirs(p)) matched++;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('matches nothing without globs, and reuses the compiled matcher for the same list', () => {
    expect(globMatcher([])('anything')).toBe(false);
    expect(globMatcher(['*.md', 'docs/**'])).toBe(globMatcher(['*.md', 'docs/**']));
  });
});
