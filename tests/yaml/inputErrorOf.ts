/** The InputError a call raises; fails the test when it raises nothing or something else. */
import { InputError } from '../../src/errors.js';

export async function inputErrorOf(run: () => unknown): Promise<InputError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw new Error(`expected an InputError, got ${String(e)}`);
  }
  throw new Error('expected an InputError, got none');
}

/** `[code, line, column]` triples, easy to compare exactly. */
export const codesAt = (e: InputError): [string, number, number][] => e.problems.map((p) => [p.code, p.line, p.column]);
