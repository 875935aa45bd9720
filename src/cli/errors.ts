/** Printing inputs that could not be used: every problem as file:line:column on stderr. */
import { InputError, formatProblem } from '../errors.js';
import { redactCredentials } from '../repo/redactCredentials.js';

// Diagnostics quote inputs (portfolio URLs, git's own messages), so each line passes the one redaction step.
const say = (line: string): void => void process.stderr.write(`${redactCredentials(line)}\n`);

export function printError(e: unknown): void {
  if (e instanceof InputError) {
    say(`os2level: ${e.message}`);
    for (const p of e.problems) say(formatProblem(p));
    return;
  }
  const err = e as NodeJS.ErrnoException;
  const detail = err?.code ? `${err.code}: ${err.message}` : String(err?.stack ?? err);
  say(`os2level: could not run: ${detail}`);
}
