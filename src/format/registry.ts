/** Every output format, by the name `--format` and `--report` accept. The CLI's choices come from these keys. */
import type { Lang } from '../levels/types.js';
import { formatGithub } from './github.js';
import { formatGovernanceReport } from './governanceReport.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatOs2Evaluation } from './os2Evaluation.js';
import { formatOs2SelfAssessment, formatOs2SelfAssessmentMarkdown } from './os2SelfAssessment.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const formatters = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  github: formatGithub,
  'os2-self-assessment': formatOs2SelfAssessment,
  'os2-self-assessment-md': formatOs2SelfAssessmentMarkdown,
  'governance-report': formatGovernanceReport,
  'os2-evaluation': formatOs2Evaluation,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;
export const formatNames = Object.keys(formatters) as FormatName[];

export const isFormatName = (name: string): name is FormatName => Object.hasOwn(formatters, name);

/**
 * Formats that are OS2's own Danish forms speak Danish unless --lang says otherwise; every other
 * format follows --lang or the locale.
 */
export const defaultLangOf: Partial<Record<FormatName, Lang>> = {
  'governance-report': 'da',
  'os2-self-assessment': 'da',
  'os2-self-assessment-md': 'da',
  'os2-evaluation': 'da',
};

/**
 * Formats read by people or shown as annotations: the CLI makes every string of the report
 * printable (control characters escaped, src/cli/printable.ts) before handing it to these. JSON
 * stays a faithful copy of the data (JSON.stringify escapes C0 controls itself).
 */
export const printableFormats: ReadonlySet<FormatName> = new Set<FormatName>(['text', 'markdown', 'github', 'junit', 'sarif', 'os2-self-assessment', 'os2-self-assessment-md', 'governance-report', 'os2-evaluation']);
