/** What every CI parser returns for one definition file: its steps, or why it could not be read. */
import type { CiStep } from '../facts/types.js';

export interface CiParse {
  steps: CiStep[];
  /** Set when the file is malformed; `steps` then holds what was read before the problem, usually nothing. */
  parseError?: string;
}
