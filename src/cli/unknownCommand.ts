/**
 * `check` is the default command, so `os2level <dir>` checks a directory. A first word that is
 * neither a command nor anything on disk is a mistyped command, not a missing directory:
 * `os2level chek` says so, suggests `check`, and exits 2.
 */
import { existsSync } from 'node:fs';

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two short words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Commands close to `word`: within a third of its length in edits (at least one), or starting with it. */
export function similarCommands(word: string, commands: readonly string[]): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(1, Math.floor(w.length / 3));
  const scored = commands.map((c) => ({ c, d: editDistance(w, c) })).filter(({ c, d }) => d <= limit || (w.length >= 3 && c.startsWith(w)));
  return scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c)).map(({ c }) => c);
}

/**
 * The mistyped command in `args` (what follows the program name), or null: the first argument
 * when it is not an option, not a command, does not look like a path, and names nothing on disk.
 */
export function mistypedCommand(args: readonly string[], commands: readonly string[], exists: (p: string) => boolean = existsSync): string | null {
  const word = args[0];
  if (word === undefined || word === '' || word.startsWith('-') || commands.includes(word)) return null;
  if (/[\\/]/.test(word) || word.startsWith('.') || word.startsWith('~') || /^[a-z][a-z0-9+.-]*:/i.test(word)) return null;
  return exists(word) ? null : word;
}
