/** Progress on stderr: a redrawn bar on a terminal, one plain line per product otherwise. */
import type { ScanEntry } from './model.js';

export interface ScanProgress {
  planned(total: number): void;
  resumed(skipped: number): void;
  finished(entry: ScanEntry, durationMs: number): void;
  end(): void;
}

const levelText = (e: ScanEntry): string =>
  e.status === 'error' ? `error (${e.error.code})` : e.result.achievedLevel === null ? 'minimum not met' : e.result.achievedLevel === 0 ? 'minimum' : `N${e.result.achievedLevel}`;

export function createProgress(stream: NodeJS.WriteStream, tty: boolean): ScanProgress {
  const started = Date.now();
  let total = 0;
  let done = 0;
  let failed = 0;
  const elapsed = (): string => `${Math.round((Date.now() - started) / 1000)}s`;
  const bar = (): void => {
    const width = 30;
    const filled = total ? Math.round((done / total) * width) : 0;
    stream.write(`\r\x1b[K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} products, ${failed} failed, ${elapsed()}`);
  };
  return {
    planned(n) {
      total = n;
      if (tty) bar();
      else stream.write(`os2level: scanning ${n} products\n`);
    },
    resumed(skipped) {
      done += skipped;
      if (tty) bar();
      else stream.write(`os2level: resuming: ${skipped} products already done\n`);
    },
    finished(entry, ms) {
      done++;
      if (entry.status === 'error') failed++;
      if (tty) bar();
      else stream.write(`os2level: [${done}/${total}] ${entry.name}: ${levelText(entry)}${entry.status === 'ok' && entry.cached ? ' (cached)' : ''} ${(ms / 1000).toFixed(1)}s\n`);
    },
    end() {
      if (tty) stream.write(`\r\x1b[K${done}/${total} products, ${failed} failed, ${elapsed()}\n`);
    },
  };
}
