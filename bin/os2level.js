#!/usr/bin/env node
// The CLI, bundled by `npm run build` (scripts/bundle.mjs). `--version` alone is answered here,
// from package.json, without loading the program (commander prints the same line).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/bundle/os2level.js');
}
