/**
 * Questions about a file index (FileIndexFacts.paths) asked by name: is this file there, is
 * anything under this folder. collectFileIndex writes the index sorted, so each is a binary
 * search: a check asking about a few names costs nothing at 100,000 files. An index put together
 * unsorted (facts built by hand) is scanned instead, with the same answers. Pure: no I/O.
 */

/**
 * The order of a file index: by UTF-16 code unit (JavaScript's `<`), not locale, so it sorts the
 * same on every machine; the binary searches below assume it.
 */
export const compareIndexPaths = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whether each index array is in the order collectFileIndex writes (checked once per array). */
const sortedIndexes = new WeakMap<readonly string[], boolean>();

function isSortedIndex(paths: readonly string[]): boolean {
  let sorted = sortedIndexes.get(paths);
  if (sorted === undefined) {
    sorted = true;
    for (let i = 1; i < paths.length && sorted; i++) sorted = paths[i - 1]! <= paths[i]!;
    sortedIndexes.set(paths, sorted);
  }
  return sorted;
}

/** Records that `paths` is sorted (collectFileIndex sorts what it returns), so no check is needed. */
export function markSortedIndex(paths: readonly string[]): void {
  sortedIndexes.set(paths, true);
}

/** The position of `path` in the index, or -1. */
export function indexPosition(paths: readonly string[], path: string): number {
  if (!isSortedIndex(paths)) return paths.indexOf(path);
  const i = lowerBound(paths, path);
  return paths[i] === path ? i : -1;
}

/** The index's paths under the folder `dir` (starting `dir/`), in index order. */
export function pathsUnder(paths: readonly string[], dir: string): string[] {
  const prefix = `${dir}/`;
  if (!isSortedIndex(paths)) return paths.filter((p) => p.startsWith(prefix));
  const out: string[] = [];
  for (let i = lowerBound(paths, prefix); i < paths.length && paths[i]!.startsWith(prefix); i++) out.push(paths[i]!);
  return out;
}

/** The first position whose path is not below `key` (binary search; the index must be sorted). */
function lowerBound(paths: readonly string[], key: string): number {
  let lo = 0;
  let hi = paths.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (paths[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Whether the file index holds `path`: a binary search of the sorted index (a scan when an
 * index was put together unsorted), so a check asking about a few names costs nothing at
 * 100,000 files.
 */
export function indexHas(paths: readonly string[], path: string): boolean {
  if (!isSortedIndex(paths)) return paths.includes(path);
  return paths[lowerBound(paths, path)] === path;
}

/** Whether the file index holds any file under the folder `dir` (a path starting `dir/`). */
export function indexHasUnder(paths: readonly string[], dir: string): boolean {
  const prefix = `${dir}/`;
  if (!isSortedIndex(paths)) return paths.some((p) => p.startsWith(prefix));
  return paths[lowerBound(paths, prefix)]?.startsWith(prefix) ?? false;
}
