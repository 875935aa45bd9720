import type { LevelCatalogue } from '../levels/types.js';
import type { Report } from '../report/model.js';

export interface FormatContext {
  /** Emit ANSI colour (decided by the CLI from the TTY, NO_COLOR, FORCE_COLOR and --no-color). */
  color: boolean;
  /** Also list requirements that are met. */
  verbose: boolean;
  /**
   * The catalogue the report was built from: views that speak OS2's checklist (numbering per
   * template version) or repeat a requirement's full description read it here.
   */
  catalogue: LevelCatalogue;
}

/** A formatter is a view: it holds no policy and decides nothing. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
