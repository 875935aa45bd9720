/**
 * Paths against globs, as the level file's params and the CI locations ask: picomatch's
 * semantics (`**` crosses folders, dotfiles included, a path equal to a glob as written matches),
 * compiled once per list.
 *
 * Over a whole file index (`matchingPaths`) almost no path reaches a glob's expression: a glob
 * that ends in a literal extension (`*.{md,pdf}`) is tried only on the paths that end so (one
 * expression of the list's extensions, anchored at the end); any other glob only on the paths
 * that hold its longest literal run (one expression of plain alternatives), all in one pass over
 * the index. Both filters are implied by the glob, so they never turn away a path the expression
 * would accept (tests/perf/globMatcher.test.ts holds this to picomatch over the catalogue's globs).
 */
import picomatch from 'picomatch';
import { indexPosition } from './indexLookup.js';

export interface GlobOptions {
  /** Match letter case exactly (CI file locations); by default case is ignored (documentation). */
  caseSensitive?: boolean;
}

interface CompiledGlob {
  glob: string;
  re: RegExp;
  /** Extensions (letters and digits after a last dot) every match ends in, or null. */
  extensions: string[] | null;
}

interface CompiledGlobs {
  literal: Set<string>;
  globs: CompiledGlob[];
  /** The globs with an extension, and one expression for every extension they end in. */
  bucketed: CompiledGlob[];
  endings: RegExp | null;
  /** The globs without an extension, and an expression every path they match satisfies (null: every path). */
  unbucketed: CompiledGlob[];
  prefilter: RegExp | null;
}

const compiledGlobs = new Map<string, CompiledGlobs>();

/**
 * Substrings every path a glob matches must contain: the glob's literal runs outside `*`, `?`,
 * `[…]` and `{…}`, with the slashes next to `**` left out (`a/` `**` `/b` matches `a/b`). Null for
 * syntax this reading does not follow (extglobs, groups, negation, escapes, unclosed brackets):
 * such a glob is tested by its expression on every path, as before.
 */
export function requiredLiterals(glob: string): string[] | null {
  if (/[\\()|!+@^$]/.test(glob)) return null;
  const runs: string[] = [];
  let run = '';
  const flush = (): void => {
    if (run !== '') runs.push(run);
    run = '';
  };
  let braces = 0;
  let bracket = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (bracket) {
      if (c === ']') bracket = false;
      continue;
    }
    if (braces > 0) {
      if (c === '{') braces++;
      else if (c === '}') braces--;
      continue;
    }
    if (c === '[') {
      flush();
      bracket = true;
    } else if (c === '{') {
      flush();
      braces = 1;
    } else if (c === '*' || c === '?') flush();
    else if (c === '/' && ((glob[i + 1] === '*' && glob[i + 2] === '*') || (glob[i - 1] === '*' && glob[i - 2] === '*'))) flush();
    else run += c;
  }
  flush();
  return bracket || braces > 0 ? null : runs;
}

function compileGlobs(globs: readonly string[], caseSensitive: boolean): CompiledGlobs {
  const key = `${caseSensitive ? 'c' : 'i'}\0${globs.join('\0')}`;
  let compiled = compiledGlobs.get(key);
  if (!compiled) {
    const options = { nocase: !caseSensitive, dot: true };
    const all = globs.map((glob): CompiledGlob => {
      const extensions = requiredExtensions(glob);
      return { glob, re: picomatch.makeRe(glob, options), extensions };
    });
    const bucketed = all.filter((g) => g.extensions !== null);
    const endings = bucketed.length === 0 ? null : new RegExp(`\\.(?:${[...new Set(bucketed.flatMap((g) => g.extensions!))].join('|')})$`, caseSensitive ? '' : 'i');
    const unbucketed = all.filter((g) => g.extensions === null);
    const longest = unbucketed.map((g) => (requiredLiterals(g.glob) ?? []).sort((a, b) => b.length - a.length)[0]);
    const prefilter =
      unbucketed.length === 0 || longest.some((l) => l === undefined)
        ? null
        : new RegExp(longest.map((l) => l!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), caseSensitive ? '' : 'i');
    compiled = { literal: new Set(globs), globs: all, bucketed, endings, unbucketed, prefilter };
    compiledGlobs.set(key, compiled);
  }
  return compiled;
}

/**
 * The extensions a glob's matches all end in: its last segment ends in `.ext` or `.{a,b,…}`
 * written literally (letters and digits only). Null otherwise, and for a negation, an extglob or
 * a group, whose matches need not end as written.
 */
export function requiredExtensions(glob: string): string[] | null {
  if (glob.startsWith('!') || /[()|]/.test(glob)) return null;
  const m = /\.(?:([A-Za-z0-9]+)|\{([A-Za-z0-9]+(?:,[A-Za-z0-9]+)*)\})$/.exec(glob);
  if (!m) return null;
  // The dot must be literal: not inside brackets or braces, not escaped.
  const before = glob.slice(0, m.index);
  if (before.endsWith('\\') || /\[[^\]]*$/.test(before) || (before.split('{').length - before.split('}').length) !== 0) return null;
  return m[1] !== undefined ? [m[1]] : m[2]!.split(',');
}

const anyMatches = (globs: readonly CompiledGlob[], path: string): boolean => globs.some((g) => g.re.test(path));

/** Case-insensitive (by default) matcher for one path at a time. */
export function globMatcher(globs: readonly string[], opts: GlobOptions = {}): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  const c = compileGlobs(globs, opts.caseSensitive === true);
  return (path) => c.literal.has(path) || anyMatches(c.globs, path);
}

/** The paths of `paths` (a file index) that match any of `globs`, in their order. */
export function matchingPaths(paths: readonly string[], globs: readonly string[], opts: GlobOptions = {}): string[] {
  if (globs.length === 0) return [];
  const c = compileGlobs(globs, opts.caseSensitive === true);
  // A path written exactly as a glob matches it: looked up, not tested on every path.
  const literalHits = new Set<number>();
  for (const glob of c.literal) {
    const i = indexPosition(paths, glob);
    if (i >= 0) literalHits.add(i);
  }
  const { bucketed, endings, unbucketed, prefilter } = c;
  const out: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i]!;
    if (
      literalHits.has(i) ||
      (endings !== null && endings.test(path) && anyMatches(bucketed, path)) ||
      (unbucketed.length > 0 && (prefilter === null || prefilter.test(path)) && anyMatches(unbucketed, path))
    ) {
      out.push(path);
    }
  }
  return out;
}
