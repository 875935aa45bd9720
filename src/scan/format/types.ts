import type { ScanReport } from '../model.js';

export interface ScanFormatContext {
  /** ANSI colour, decided by the CLI (TTY, NO_COLOR, FORCE_COLOR, --no-color). */
  color: boolean;
}

/** A scan view: holds no policy; levels, gaps, area statuses and movement come decided in the report. */
export type ScanFormatter = (report: ScanReport, ctx: ScanFormatContext) => string;
