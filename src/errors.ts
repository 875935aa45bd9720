/**
 * Broken inputs (bad YAML, schema violations, missing or unreadable files) are not findings about a
 * repository: they stop the run with exit code 2. Every such input raises `InputError`, carrying
 * one `SourceProblem` per thing wrong so the user can fix them all in one pass.
 */

export interface SourceProblem {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Stable machine code, e.g. `yaml-syntax`, `schema-type`, `unknown-requirement-id`. */
  code: string;
  message: string;
  /** JSON pointer of the instance the problem is about, when it concerns a value. */
  path?: string;
}

export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: SourceProblem[] = [],
    readonly code = 'input-error',
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** `file:line:column: message`, the shape editors and CI annotations recognise. */
export function formatProblem(p: SourceProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
