/**
 * The product's own governance report in a hand-built report, as the evaluator records it: each
 * answered item's requirements carry the report's answer; where the repository and os2.yaml left a
 * declarable requirement open, "Ja" passes it and "Ikke relevant" with a reason makes it not
 * applicable (`used`), as src/evaluate/evaluate.ts does.
 */
import { itemStatus } from '../../src/evaluate/evaluate.js';
import type { ReportStatus } from '../../src/governanceReport/types.js';
import type { Report } from '../../src/report/model.js';
import { unanswered } from '../../src/format/formAnswer.js';

export const OWN_PATH = 'docs/GOVERNANCE_REPORT.md';

export interface OwnAnswer {
  item: string;
  status: ReportStatus;
  statusText: string;
  documentation?: string;
  line: number;
}

export function withProductReport(report: Report, answers: OwnAnswer[], date: string | null = '2026-04-01'): Report {
  const result = report.results[0]!;
  for (const a of answers) {
    const documentation = a.documentation ?? '';
    for (const q of result.requirements.filter((x) => x.item === a.item)) {
      const base = { path: OWN_PATH, line: a.line, item: a.item, status: a.status, statusText: a.statusText, documentation, references: [], date };
      const open = unanswered(q);
      if (open && a.status === 'met') {
        Object.assign(q, {
          outcome: 'pass', basis: 'declared', code: 'report.declared', message: `Declared in the governance report ${OWN_PATH}:${a.line} (${a.item}: "${a.statusText}").`,
          evidence: [{ kind: 'report', path: OWN_PATH, line: a.line, value: documentation || a.statusText }], reportAnswer: { ...base, used: true },
        });
      } else if (open && a.status === 'not-relevant' && documentation) {
        Object.assign(q, { outcome: 'not-applicable', notApplicable: { reason: documentation }, reportAnswer: { ...base, used: true } });
      } else q.reportAnswer = { ...base, used: false };
    }
    const item = result.items.find((i) => i.id === a.item)!;
    item.status = itemStatus(item.requirements.map((id) => result.requirements.find((q) => q.id === id)!));
  }
  result.governanceReport = {
    path: OWN_PATH, source: 'repository', problem: null, generation: report.checklist.id, form: 'self-evaluation', productName: 'OS2example',
    date, ageDays: 30, stale: [], maxAgeDays: 730, tally: { read: answers.length, placeholder: 0, 'not-filled': 0, unreadable: 0 },
    decided: result.requirements.filter((q) => q.reportAnswer?.used).map((q) => q.id),
  };
  return report;
}
