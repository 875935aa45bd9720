/**
 * JUnit XML for CI test views (GitLab, Jenkins, Azure DevOps): one testsuite per OS2 theme, one
 * testcase per checklist item (and one per requirement that decides no item of the checklist).
 *
 * The test view agrees with the gate: a case is a `failure` only when it fails the gate level
 * (`--min-level`, else the next level) — a must requirement at or below that level not met, or not
 * decidable (a blocking `unknown` fails with its reason), and should requirements too under
 * `--strict`. What is not met only above the gate is `skipped` with a message saying so; an item
 * declared not relevant is `skipped` with the reason; everything else passes (a should not met at
 * or below the gate passes, noted in `system-out`).
 */
import { SATISFIES } from '../evaluate/types.js';
import type { Lang } from '../levels/types.js';
import type { Report, ReportRequirement, RepositoryResult } from '../report/model.js';
import { levelName, outcomeLabel, phrase, THEMES, themeLabel } from '../report/ui.js';
import { documentationOf } from './checklist.js';
import { evidenceLocation } from './evidenceLocation.js';
import { atOrBelow, blocksGate, gateOf, type GateView } from './gate.js';
import type { FormatContext, Formatter } from './types.js';

interface Case {
  classname: string;
  name: string;
  properties: [string, string | number | null][];
  requirements: ReportRequirement[];
  verdict: Verdict;
}

type Verdict =
  | { kind: 'pass'; notes: string[] }
  | { kind: 'failure'; message: string; type: string; body: string }
  | { kind: 'skipped'; message: string };

interface Suite {
  name: string;
  key: string;
  cases: Case[];
}

export const formatJunit: Formatter = (report, ctx) => {
  const lang = report.lang;
  const suites: { suite: Suite; result: RepositoryResult }[] = [];
  for (const result of report.results) {
    const prefix = report.results.length > 1 ? `${result.productName ?? result.path} · ` : '';
    const gate = gateOf(result, ctx);
    const byId = new Map(result.requirements.map((q) => [q.id, q]));
    for (const theme of THEMES) {
      const cases = result.items.filter((i) => i.theme === theme).map((item): Case => {
        const requirements = item.requirements.flatMap((id) => byId.get(id) ?? []);
        return {
          classname: `${theme}.${item.id}`,
          name: `${item.id}: ${item.title}`,
          properties: [
            ['level', levelName(item.level, lang)], ['strength', item.strength], ['status', item.status],
            ['requirements', item.requirements.join(', ')], ['checklist', report.checklist.id],
          ],
          requirements,
          verdict: verdictOf(requirements, gate, lang, item.status === 'not-relevant'),
        };
      });
      if (cases.length) suites.push({ suite: { name: `${prefix}${themeLabel[theme][lang]}`, key: theme, cases }, result });
    }
    const outside = result.requirements.filter((q) => q.item === null).map((q): Case => ({
      classname: `outside.${q.id}`,
      name: `${q.id}: ${q.title}`,
      properties: [['level', levelName(q.level, lang)], ['strength', q.strength], ['outcome', q.outcome], ['source', q.source]],
      requirements: [q],
      verdict: verdictOf([q], gate, lang, q.outcome === 'not-applicable'),
    }));
    if (outside.length) suites.push({ suite: { name: `${prefix}${phrase('outsideChecklist', lang, { checklist: report.checklist.id })}`, key: 'outside', cases: outside }, result });
  }
  const all = suites.flatMap((s) => s.suite.cases);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attrs({ name: report.tool.name, ...counts(all) })}>`];
  suites.forEach(({ suite, result }, i) => out.push(...formatSuite(suite, result, i, report, ctx)));
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};

/** How one case reads against the gate; see the header. */
function verdictOf(requirements: ReportRequirement[], gate: GateView, lang: Lang, notRelevant: boolean): Verdict {
  const blocking = requirements.filter((q) => blocksGate(q, gate));
  if (blocking.length) {
    const first = blocking[0]!;
    const type = blocking.some((q) => q.outcome === 'error') ? 'error' : blocking.some((q) => q.outcome === 'unknown') && blocking.every((q) => q.outcome !== 'fail') ? 'unknown' : first.strength;
    const body = blocking.flatMap((q) => [
      `${q.id} [${levelName(q.level, lang)} ${phrase(q.strength, lang)}] ${reasonOf(q, lang)}`,
      ...q.findings.map((f) => `  ${f.message}`),
      `  ${phrase('remedy', lang)}: ${q.remediation.trim()}`,
      `  ${phrase('explainHint', lang, { id: q.id })}`,
      '',
    ]);
    return { kind: 'failure', message: blocking.length === 1 ? reasonOf(first, lang) : blocking.map((q) => `${q.id}: ${reasonOf(q, lang)}`).join(' · '), type, body: body.join('\n').trimEnd() };
  }
  if (notRelevant) {
    const reasons = requirements.map((q) => documentationOf(q, lang));
    return { kind: 'skipped', message: [...new Set(reasons)].join(' · ') };
  }
  const open = requirements.filter((q) => !SATISFIES.has(q.outcome));
  const above = open.filter((q) => gate.level !== null && q.level > gate.level);
  if (above.length && gate.level !== null) {
    return {
      kind: 'skipped',
      message: phrase('junitAboveGate', lang, {
        gate: levelName(gate.level, lang),
        ids: above.map((q) => `${q.id} (${levelName(q.level, lang)}, ${outcomeLabel[q.outcome][lang]})`).join(', '),
      }),
    };
  }
  const notes = open.filter((q) => atOrBelow(q, gate)).map((q) => phrase('junitNotGated', lang, { id: q.id, reason: reasonOf(q, lang) }));
  return { kind: 'pass', notes };
}

/** A requirement's finding; a check that could not decide says so first. */
const reasonOf = (q: ReportRequirement, lang: Lang): string =>
  q.outcome === 'unknown' || q.outcome === 'error' ? `${outcomeLabel[q.outcome][lang]}: ${q.message}` : documentationOf(q, lang);

function counts(cases: Case[]): Record<string, number> {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.verdict.kind === 'failure').length,
    errors: 0,
    skipped: cases.filter((c) => c.verdict.kind === 'skipped').length,
  };
}

function formatSuite(suite: Suite, result: RepositoryResult, id: number, report: Report, ctx: FormatContext): string[] {
  const gate = gateOf(result, ctx);
  const out = [`  <testsuite${attrs({ name: suite.name, id, ...counts(suite.cases) })}>`];
  out.push('    <properties>');
  const props: [string, string][] = [['theme', suite.key], ['repository', result.path], ['asOf', report.asOf], ['gateLevel', levelName(gate.level, report.lang)]];
  for (const [name, value] of props) out.push(`      <property${attrs({ name, value })}/>`);
  out.push('    </properties>');
  for (const c of suite.cases) out.push(...formatCase(c, result, report.lang));
  out.push('  </testsuite>');
  return out;
}

function formatCase(c: Case, result: RepositoryResult, lang: Lang): string[] {
  // The case points where its first open requirement does (else its first requirement).
  const lead = c.requirements.find((q) => !SATISFIES.has(q.outcome)) ?? c.requirements[0];
  const where = lead ? evidenceLocation(lead, result) : null;
  const head = `    <testcase${attrs({ classname: c.classname, name: c.name, ...(where ? { file: where.path, ...(where.line ? { line: where.line } : {}) } : {}) })}>`;
  const out = [head, '      <properties>'];
  for (const [name, value] of c.properties) if (value !== null && value !== '') out.push(`        <property${attrs({ name, value })}/>`);
  out.push('      </properties>');
  const v = c.verdict;
  if (v.kind === 'failure') out.push(`      <failure${attrs({ message: v.message, type: v.type })}>${text(v.body)}</failure>`);
  else if (v.kind === 'skipped') out.push(`      <skipped${attrs({ message: v.message })}/>`);
  else if (v.notes.length) out.push(`      <system-out>${text(v.notes.join('\n'))}</system-out>`);
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

