/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps): one testsuite per area, one
 * testcase per requirement. Not met (fail, or a check that broke) is a `failure`; not applicable,
 * unknown and explained are `skipped` with the reason, because none of them is a verdict on the
 * code. Whether the pipeline fails is the exit code's business, not this file's.
 */
import type { Lang } from '../levels/types.js';
import type { ReportRequirement, RepositoryResult } from '../report/model.js';
import { AREAS, areaLabel, levelName, outcomeLabel, phrase } from '../report/ui.js';
import { documentationOf } from './checklist.js';
import { evidenceLocation } from './evidenceLocation.js';
import type { Formatter } from './types.js';

interface Suite {
  name: string;
  area: string;
  cases: ReportRequirement[];
}

export const formatJunit: Formatter = (report) => {
  const lang = report.lang;
  const suites: { suite: Suite; result: RepositoryResult }[] = [];
  for (const result of report.results) {
    const prefix = report.results.length > 1 ? `${result.productName ?? result.path} · ` : '';
    for (const area of AREAS) {
      const cases = result.requirements.filter((q) => q.area === area);
      if (cases.length) suites.push({ suite: { name: `${prefix}${areaLabel[area][lang]}`, area, cases }, result });
    }
  }
  const all = suites.flatMap((s) => s.suite.cases);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: report.tool.name, ...counts(all) })}>`];
  suites.forEach(({ suite, result }, i) => out.push(...formatSuite(suite, result, i, lang, report.asOf)));
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

const isFailure = (q: ReportRequirement): boolean => q.outcome === 'fail' || q.outcome === 'error';
const isSkipped = (q: ReportRequirement): boolean => q.outcome === 'not-applicable' || q.outcome === 'unknown' || q.outcome === 'explained';

function counts(cases: ReportRequirement[]): Record<string, number> {
  return { tests: cases.length, failures: cases.filter(isFailure).length, errors: 0, skipped: cases.filter(isSkipped).length };
}

function formatSuite(suite: Suite, result: RepositoryResult, id: number, lang: Lang, asOf: string): string[] {
  const out = [`  <testsuite${attrs({ name: suite.name, id, ...counts(suite.cases) })}>`];
  out.push('    <properties>');
  for (const [name, value] of [['area', suite.area], ['repository', result.path], ['asOf', asOf]] as const) {
    out.push(`      <property${attrs({ name, value })}/>`);
  }
  out.push('    </properties>');
  for (const q of suite.cases) out.push(...formatCase(q, result, lang));
  out.push('  </testsuite>');
  return out;
}

function formatCase(q: ReportRequirement, result: RepositoryResult, lang: Lang): string[] {
  const where = evidenceLocation(q, result);
  const head = `    <testcase${attrs({ classname: `${q.area}.${q.id}`, name: `${q.id}: ${q.title}`, ...(where ? { file: where.path, ...(where.line ? { line: where.line } : {}) } : {}) })}>`;
  const out = [head, '      <properties>'];
  const props: [string, string | number | null][] = [
    ['level', levelName(q.level, lang)], ['strength', q.strength], ['source', q.source], ['os2Item', q.item], ['outcome', q.outcome], ['basis', q.basis],
  ];
  for (const [name, value] of props) if (value !== null) out.push(`        <property${attrs({ name, value })}/>`);
  out.push('      </properties>');
  if (isFailure(q)) {
    const body = [documentationOf(q, lang), ...q.findings.map((f) => f.message), '', `${phrase('remedy', lang)}: ${q.remediation.trim()}`];
    out.push(`      <failure${attrs({ message: q.message, type: q.outcome === 'error' ? 'error' : q.strength })}>${text(body.join('\n'))}</failure>`);
  } else if (isSkipped(q)) {
    const reason = q.outcome === 'unknown' ? `${outcomeLabel.unknown[lang]}: ${q.message}` : documentationOf(q, lang);
    out.push(`      <skipped${attrs({ message: reason })}/>`);
  }
  out.push('    </testcase>');
  return out;
}

/** Characters XML 1.0 cannot carry at all (control characters other than tab, newline, return; lone surrogates). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Element text. */
export function text(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One attribute value; newlines and tabs as character references so parsers keep them. */
export function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values).map(([k, v]) => ` ${k}="${attr(String(v))}"`).join('');
}
