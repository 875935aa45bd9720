/**
 * GitHub Actions workflow commands: one annotation per requirement that is not met, on the file
 * the evidence points to (or the manifest). Must → `::error`, should → `::warning`, unknown →
 * `::notice`; one closing `::notice` states the level reached. Explained and not-applicable
 * requirements are settled and stay quiet.
 */
import { relative } from 'node:path';
import type { Lang } from '../levels/types.js';
import { message } from '../report/messages.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { phrase } from '../report/ui.js';
import { evidenceLocation } from './evidenceLocation.js';
import { summaryLine } from './text.js';
import type { Formatter } from './types.js';

type Command = 'error' | 'warning' | 'notice';

/** A command's message: `%`, CR and LF must be escaped or the runner cuts the message short. */
export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A property value (file, title): additionally `:` and `,`, which delimit properties. */
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function workflowCommand(command: Command, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export const formatGithub: Formatter = (report) => {
  const lines: string[] = [];
  for (const result of report.results) {
    for (const q of result.requirements) {
      const command = commandFor(q);
      if (command) lines.push(annotation(command, q, result, report.lang));
    }
    // Where os2.yaml/publiccode.yml and the repository disagree: a warning on the manifest.
    const manifest = result.manifest ? relative(result.path, result.manifest) : undefined;
    const title = message('consistency.heading', {}, report.lang);
    for (const f of result.consistency ?? []) lines.push(workflowCommand('warning', { file: manifest, title }, f.message));
    lines.push(workflowCommand('notice', { title: `os2level${result.productName ? ` · ${result.productName}` : ''}` }, summaryLine(result, report.lang)));
  }
  return lines.join('\n') + '\n';
};

function commandFor(q: ReportRequirement): Command | null {
  switch (q.outcome) {
    case 'fail':
    case 'error':
      return q.strength === 'must' ? 'error' : 'warning';
    case 'unknown':
      return 'notice';
    default:
      return null;
  }
}

function annotation(command: Command, q: ReportRequirement, result: RepositoryResult, lang: Lang): string {
  const where = evidenceLocation(q, result);
  const parts = [q.message, ...q.findings.map((f) => f.message)];
  if (q.explanation?.expired) parts.push(phrase('expired', lang, { date: q.explanation.expires, reason: q.explanation.reason }));
  parts.push(`${phrase('remedy', lang)}: ${q.remediation.trim()}`);
  return workflowCommand(command, { file: where?.path, line: where?.line, title: `${q.item ? `${q.item} · ` : ''}${q.id}: ${q.title}` }, parts.join('\n'));
}
