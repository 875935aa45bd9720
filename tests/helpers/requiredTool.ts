/**
 * Tests that need a tool beyond Node.js and git (Chromium, coverage.py, Go, JaCoCo). On a developer
 * machine without the tool such a test is skipped with one line naming what to install; under
 * CI=true (which .ci/run sets, after installing every tool) a missing tool is a failure, so CI
 * never passes by skipping.
 */
const warned = new Set<string>();

export const inCi = (): boolean => process.env.CI === 'true' || process.env.CI === '1';

/** Reports a missing tool: throws under CI, else prints one line (once per tool) and returns. */
export function toolMissing(tool: string, install: string): void {
  const line = `${tool} is not available on this machine; install it with \`${install}\``;
  if (inCi()) throw new Error(`${line} (CI installs it in .ci/run)`);
  if (!warned.has(tool)) {
    warned.add(tool);
    process.stderr.write(`skipped: ${line}\n`);
  }
}

/** Inside a test: skip it (locally) or fail it (under CI) because `tool` is missing. */
export function skipWithout(ctx: { skip: (note?: string) => void }, tool: string, install: string): never {
  toolMissing(tool, install);
  ctx.skip(`${tool} missing`);
  throw new Error('unreachable: skip() ends the test');
}
