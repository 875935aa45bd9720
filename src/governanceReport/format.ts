/** What an import did or would do, as text for a person or JSON for a script. Words only; no policy. */
import type { Lang } from '../levels/types.js';
import type { MergeResult } from './merge.js';
import { IMPORT_WORDS as W, PROBLEM_TEXT, SKIP_TEXT, fillIn } from './messages.js';
import type { ImportAction, ImportPlan } from './plan.js';

export interface ImportOutcome {
  plan: ImportPlan;
  /** The manifest the plan was merged with (or would be). */
  manifestPath: string;
  merge: MergeResult;
  written: boolean;
  created: boolean;
  force: boolean;
  /** `init`: conflicts are values the repository showed, which win; `import`: values the manifest has. */
  context?: 'import' | 'init';
}

const show = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(v.length > 90 ? `${v.slice(0, 87)}...` : v) : JSON.stringify(v));

function actionLines(a: ImportAction): string[] {
  return a.values.map((v) => `  ${a.row.ref.padEnd(4)} ${a.ids.join(', ').padEnd(36)} ${v.path.join('.')}: ${show(v.value)}`);
}

export function formatImportText(o: ImportOutcome, lang: Lang): string {
  const { plan } = o;
  const r = plan.report;
  const file = o.manifestPath;
  const out: string[] = [];
  const basis = W[r.versionBasis][lang];
  const form = r.form === 'self-evaluation' ? `, ${W.selfEvaluation[lang]}` : '';
  out.push(`${W.report[lang]}${r.productName ? `: ${r.productName}` : ''} — ${W.version[lang]} ${r.version} (${basis}${form}), ${r.rows.length} ${W.rows[lang]}`, '');
  const applied = o.merge.applied;
  out.push(fillIn((o.written ? W.carried : W.wouldCarry)[lang], { file }));
  out.push(...(applied.length ? applied.flatMap(actionLines) : [`  ${W.nothing[lang]}`]));
  if (o.merge.unchanged.length) out.push('', fillIn(W.unchanged[lang], { file }), ...o.merge.unchanged.flatMap(actionLines));
  if (o.merge.conflicts.length) {
    const heading = o.context === 'init' ? W.repositoryWins : o.force ? W.replaced : W.conflicts;
    out.push('', fillIn(heading[lang], { file }));
    for (const c of o.merge.conflicts) {
      const proposed = c.proposed === undefined ? W.removed[lang] : show(c.proposed);
      out.push(`  ${c.action.row.ref.padEnd(4)} ${c.path.join('.')}: ${show(c.existing)} ≠ ${proposed}`);
    }
  }
  out.push('', W.notCarried[lang]);
  if (!plan.skipped.length) out.push(`  ${W.nothing[lang]}`);
  for (const s of plan.skipped) {
    const what = s.row.problem ? PROBLEM_TEXT[s.row.problem.code][lang] : SKIP_TEXT[s.code][lang];
    const ids = s.row.problem ? (s.ids.length ? ` (${W.candidates[lang]}: ${s.ids.join(', ')})` : '') : s.ids.length ? ` [${s.ids.join(', ')}]` : '';
    const detail = s.detail.length ? `: ${s.detail.join(', ')}` : '';
    out.push(`  ${s.row.ref.padEnd(4)} ${W.line[lang]} ${s.row.line}: ${what}${detail}${ids} — "${s.row.text.slice(0, 60)}"`);
  }
  return out.join('\n') + '\n';
}

/** The machine view: the parsed rows, the plan and what the merge did, by codes and paths. */
export function formatImportJson(o: ImportOutcome): string {
  const action = (a: ImportAction) => ({ kind: a.kind, ref: a.row.ref, line: a.row.line, ids: a.ids, values: a.values.map((v) => ({ path: v.path.join('.'), value: v.value })) });
  return JSON.stringify(
    {
      manifest: o.manifestPath,
      written: o.written,
      created: o.created,
      version: o.plan.report.version,
      versionBasis: o.plan.report.versionBasis,
      form: o.plan.report.form,
      productName: o.plan.report.productName,
      rows: o.plan.report.rows,
      applied: o.merge.applied.map(action),
      unchanged: o.merge.unchanged.map(action),
      conflicts: o.merge.conflicts.map((c) => ({ ref: c.action.row.ref, path: c.path.join('.'), existing: c.existing, proposed: c.proposed ?? null })),
      skipped: o.plan.skipped.map((s) => ({ ref: s.row.ref, line: s.row.line, code: s.code, problem: s.row.problem?.code ?? null, ids: s.ids, detail: s.detail })),
    },
    null,
    2,
  ) + '\n';
}
