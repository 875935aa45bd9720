#!/usr/bin/env node
// The CLI: the bundle written by `npm run build` (scripts/bundle.mjs), started through V8's code
// cache (src/cli/launch.ts). `--version` alone is answered here, from package.json, without
// loading the program (commander prints the same line).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  const { launch } = await import('../dist/cli/launch.js');
  await launch(process.argv);
}
