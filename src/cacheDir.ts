/**
 * Where os2level keeps what it may throw away: `$XDG_CACHE_HOME/os2level`, else
 * `~/.cache/os2level`. The scan cache (clones, facts, journals) and the compiled-code cache of
 * the CLI (src/cli/launch.ts) live below it. Imports nothing heavy: the launcher reads it first.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() !== '' ? env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'os2level');
}
