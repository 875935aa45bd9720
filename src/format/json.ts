import type { Formatter } from './types.js';

/** The report as its versioned JSON contract (schemas/report.schema.json). */
export const formatJson: Formatter = (report) => JSON.stringify(report, null, 2) + '\n';
