/**
 * The one stderr diagnostics printer: inputs that could not be used (every problem as
 * file:line:column), output failures, and lines the commands report. Every line is made printable
 * first, since paths, names and messages can come from a scanned repository.
 */
import { InputError, formatProblem } from '../errors.js';
import { OutputError } from './output.js';
import { printable } from './printable.js';
import { redactCredentials } from '../repo/redactCredentials.js';

/**
 * One or more lines on stderr: credentials redacted (diagnostics quote portfolio URLs and git's
 * own messages) and control characters escaped.
 */
export function printDiagnostic(text: string): void {
  process.stderr.write(`${printable(redactCredentials(text.replace(/\n$/, '')))}\n`);
}

export function printError(e: unknown): void {
  if (e instanceof InputError) {
    printDiagnostic(`os2level: ${e.message}`);
    for (const p of e.problems) printDiagnostic(formatProblem(p));
    return;
  }
  if (e instanceof OutputError) {
    // One line: a full disk or a vanished FIFO reader is a condition, not a bug.
    printDiagnostic(`os2level: could not write ${e.target}: ${e.message}`);
    return;
  }
  const err = e as NodeJS.ErrnoException;
  const detail = err?.code ? `${err.code}: ${err.message}` : String(err?.stack ?? err);
  printDiagnostic(`os2level: could not run: ${detail}`);
}
