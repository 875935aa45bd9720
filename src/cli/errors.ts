/** Printing inputs that could not be used: every problem as file:line:column on stderr. */
import { InputError, formatProblem } from '../errors.js';

export function printError(e: unknown): void {
  if (e instanceof InputError) {
    process.stderr.write(`os2level: ${e.message}\n`);
    for (const p of e.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return;
  }
  const err = e as NodeJS.ErrnoException;
  const detail = err?.code ? `${err.code}: ${err.message}` : String(err?.stack ?? err);
  process.stderr.write(`os2level: could not run: ${detail}\n`);
}
