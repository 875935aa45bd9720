/** Every scan output format, by the name `scan --format` and `--report` accept. */
import { formatScanCsv } from './csv.js';
import { formatScanHtml } from './html.js';
import { formatScanJson } from './json.js';
import { formatScanMarkdown } from './markdown.js';
import { formatScanTable } from './table.js';
import type { ScanFormatter } from './types.js';

export const scanFormatters = {
  table: formatScanTable,
  json: formatScanJson,
  csv: formatScanCsv,
  markdown: formatScanMarkdown,
  html: formatScanHtml,
} satisfies Record<string, ScanFormatter>;

export type ScanFormatName = keyof typeof scanFormatters;
export const scanFormatNames = Object.keys(scanFormatters) as ScanFormatName[];
export const isScanFormatName = (name: string): name is ScanFormatName => Object.hasOwn(scanFormatters, name);

/** Scan views read by people: the CLI makes every string of the scan report printable first (src/cli/printable.ts). */
export const printableScanFormats: ReadonlySet<ScanFormatName> = new Set<ScanFormatName>(['table', 'markdown', 'csv', 'html']);
