/**
 * matchingPaths tries a glob's expression only on the paths with the extension it ends in, or
 * that hold its longest literal run; globMatcher tests one path. Both must accept exactly the
 * paths picomatch accepts, for every glob list the catalogue uses and for awkward globs and
 * paths, with and without letter case.
 */
import { execFileSync } from 'node:child_process';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher, matchingPaths, requiredExtensions, requiredLiterals } from '../../src/facts/globs.js';
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
  ['*.MD'], ['src/**/!(*.test).ts'], ['**'], ['(a|b).txt'], ['x.{md,txt}'], ['docs/*.[m]d'], ['**/*.{md,rst}', 'README*'], ['+(a|b).md'],
];
const AWKWARD_PATHS = [
  'a[b].md', 'ab.md', 'README', 'readme.md', 'docs/x/y.rst', 'x.md', '.github/workflows/ci.yml', '.github/workflows/ci.yaml',
  'a/b/User-Guide.PDF', 'src/a.ts', 'src/a.test.ts', 'X.md', 'a.txt', '(a|b).txt', 'docs', 'docs/', './x.md', 'æøå/ÆØÅ.md',
  'dir with space/file name.md', '..', '.hidden/.x.md', 'x.{md,txt}', 'x.md', 'docs/a.md', 'a.md', 'b.md', 'ab.md', '.md', 'md', 'docs/.md',
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
      expect(matchingPaths(candidates, globs)).toEqual(candidates.filter((p) => theirs(p)));
      for (const p of candidates) {
        expect(ours(p), `${JSON.stringify(globs)} on ${p}`).toBe(theirs(p));
        if (theirs(p)) matched++;
      }
    }
    expect(matched).toBeGreaterThan(100);
  });

  it('agrees with picomatch case-sensitively too, on the CI locations and the awkward globs', () => {
    const globs = [
      ['{{,.}azure-pipelines.{yml,yaml},{,.}azure-pipelines/**/*.{yml,yaml},.azure/pipelines/**/*.{yml,yaml}}'], ['.github/workflows/*.{yml,yaml}'],
      ['{.woodpecker.{yml,yaml},.woodpecker/*.{yml,yaml}}'], ['Jenkinsfile'], ...AWKWARD_GLOBS,
    ];
    const paths = [...AWKWARD_PATHS, 'azure-pipelines.yml', '.azure-pipelines.yaml', 'Azure-Pipelines.yml', 'azure-pipelines/a/b.yml', '.azure/pipelines/x.yaml',
      '.github/workflows/ci.yml', '.GITHUB/workflows/ci.yml', '.woodpecker/a.yml', '.woodpecker.yaml', 'Jenkinsfile', 'jenkinsfile', 'a/Jenkinsfile'];
    for (const g of globs) {
      const ours = globMatcher(g, { caseSensitive: true });
      const theirs = picomatch(g, { dot: true });
      for (const p of paths) expect(ours(p), `${JSON.stringify(g)} on ${p}`).toBe(theirs(p));
      expect(matchingPaths(paths, g, { caseSensitive: true })).toEqual(paths.filter((p) => theirs(p)));
      expect(matchingPaths(paths, g)).toEqual(paths.filter((p) => picomatch(g, { dot: true, nocase: true })(p)));
    }
  });

  it('reads the literal runs a glob needs, and gives up on syntax it does not follow', () => {
    expect(requiredLiterals('**/*user*guide*.{md,pdf}')).toEqual(['user', 'guide', '.']);
    expect(requiredLiterals('docs/**/x.md')).toEqual(['docs', 'x.md']);
    expect(requiredLiterals('a[bc]d/e?f')).toEqual(['a', 'd/e', 'f']);
    expect(requiredLiterals('{,.}azure-pipelines.{yml,yaml}')).toEqual(['azure-pipelines.']);
    for (const g of ['!*.md', 'src/**/!(*.test).ts', '(a|b).txt', 'a\\*b', 'a[b', 'a{b', '**/.github/**/*.y?(a)ml']) expect(requiredLiterals(g), g).toBeNull();
  });

  it('reads the extensions a glob\'s matches end in, and none for a negation, extglob or bracket', () => {
    expect(requiredExtensions('**/*.{md,pdf}')).toEqual(['md', 'pdf']);
    expect(requiredExtensions('*.MD')).toEqual(['MD']);
    expect(requiredExtensions('.github/workflows/*.{yml,yaml}')).toEqual(['yml', 'yaml']);
    for (const g of ['!**/*.md', '+(a|b).md', 'docs/**', 'README*', 'a[.]md', 'a{b.md,c}.txt.{x,}', '*.md/**', 'x.m?']) expect(requiredExtensions(g), g).toBeNull();
  });

  it('case-insensitive matching finds the same paths as picomatch, in any script', () => {
    const paths = ['docs/ΣΥΣΤΗΜΑ.md', 'docs/συστημας.md', 'docs/ſecurity.md', 'docs/STRASSE.md', 'docs/straße.md', 'docs/Kelvin.md', 'docs/İnstall.md'];
    for (const g of [['**/*σ*.md'], ['**/*ς*.md'], ['**/*security*'], ['**/*straße*'], ['**/*k*'], ['**/*i̇*'], ['**/*install*']]) {
      const theirs = picomatch(g, { dot: true, nocase: true });
      expect(matchingPaths(paths, g), JSON.stringify(g)).toEqual(paths.filter((p) => theirs(p)));
    }
  });

  it('matches nothing without globs, and reuses the compiled matcher for the same list', () => {
    expect(globMatcher([])('anything')).toBe(false);
    expect(matchingPaths(['a.md'], [])).toEqual([]);
  });
});
