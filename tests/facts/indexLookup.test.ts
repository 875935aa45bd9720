/** Looking names up in a file index: the same answers by binary search (sorted) and by scan (unsorted). */
import { describe, expect, it } from 'vitest';
import { indexHas, indexHasUnder, indexPosition, markSortedIndex, pathsUnder } from '../../src/facts/indexLookup.js';

const PATHS = ['.github/workflows/ci.yml', 'README.md', 'docs/a.md', 'docs/sub/b.md', 'docs-old/c.md', 'src/a.ts', 'src/a.ts.bak', 'æøå/x.md', '😀/y'];

describe('index lookups', () => {
  const sorted = [...PATHS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const unsorted = [...sorted].reverse();
  const names = [...PATHS, 'docs', 'docs/sub', 'src', 'src/a', 'README', 'readme.md', '', '.github', '.github/workflows', 'æøå', '😀', 'zzz', 'docs-old', 'doc'];

  it('agree with a plain scan, sorted or not', () => {
    for (const paths of [sorted, unsorted, [], ['one']]) {
      for (const n of names) {
        expect(indexHas(paths, n), `${n} in ${paths.length}`).toBe(paths.includes(n));
        expect(indexHasUnder(paths, n), `${n}/ in ${paths.length}`).toBe(paths.some((p) => p.startsWith(`${n}/`)));
        expect(indexPosition(paths, n), `position of ${n}`).toBe(paths.indexOf(n));
        expect(pathsUnder(paths, n), `under ${n}`).toEqual(paths.filter((p) => p.startsWith(`${n}/`)));
      }
    }
  });

  it('an index marked sorted is searched without a check', () => {
    const paths = ['a', 'b/c', 'b/d', 'e'];
    markSortedIndex(paths);
    expect(pathsUnder(paths, 'b')).toEqual(['b/c', 'b/d']);
    expect(indexPosition(paths, 'e')).toBe(3);
  });

  it('finds a name among 100,000 paths', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `src/m${Math.floor(i / 1000)}/f${i}.ts`).sort();
    expect(indexHas(many, 'src/m5/f5123.ts')).toBe(true);
    expect(indexHas(many, 'src/m5/f5123.js')).toBe(false);
    expect(indexHasUnder(many, 'src/m99')).toBe(true);
    expect(indexHasUnder(many, 'src/m9')).toBe(true);
    expect(indexHasUnder(many, 'src/m100')).toBe(false);
  });
});
