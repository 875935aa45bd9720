import type { ScanFormatter } from './types.js';

/** The scan report as described by schemas/scan.schema.json. */
export const formatScanJson: ScanFormatter = (report) => JSON.stringify(report, null, 2) + '\n';
