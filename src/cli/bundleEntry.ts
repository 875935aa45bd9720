/**
 * The entry the CLI bundle is built from (scripts/bundle.mjs → dist/bundle/os2level.cjs).
 * bin/os2level.js starts it through src/cli/launch.ts; dist/cli/main.js is the same program unbundled.
 */
import { guardStdout } from './output.js';
import { runCli } from './program.js';

export async function main(argv: string[]): Promise<void> {
  guardStdout();
  process.exitCode = await runCli(argv);
}
