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
  /**
   * The gate (`--min-level`, `--strict`): the CI views (GitHub, JUnit) lead with, and fail only on,
   * what blocks it. Without a gate level each repository's next level is the gate.
   */
  gate?: { minLevel?: number; strict?: boolean };
  /** Wrap the text view at this many columns (the terminal's width); absent = no wrapping. */
  width?: number;
  /** The text view as one line per checklist item. */
  compact?: boolean;
}

/** A formatter is a view: it holds no policy and decides nothing. */
export type Formatter = (report: Report, ctx: FormatContext) => string;
