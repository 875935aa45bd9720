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
  return a.values.map((v) => `  ${a.item.id.padEnd(4)} ${a.ids.join(', ').padEnd(36)} ${v.path.join('.')}: ${show(v.value)}`);
}

export function formatImportText(o: ImportOutcome, lang: Lang): string {
  const { plan } = o;
  const r = plan.report;
  const file = o.manifestPath;
  const out: string[] = [];
  const basis = W[r.generationBasis][lang];
  const form = r.form === 'self-evaluation' ? `, ${W.selfEvaluation[lang]}` : '';
  const dated = r.date ? `, ${fillIn(W.dated[lang], { date: r.date })}` : '';
  const blank = r.blank ? `, ${W.blank[lang]}` : '';
  out.push(`${W.report[lang]}${r.productName ? `: ${r.productName}` : ''} — ${W.version[lang]} ${r.generation} (${basis}${form}${dated}${blank}), ${r.items.length} ${W.rows[lang]}`);
  out.push(`  ${fillIn(W.states[lang], { read: r.tally.read, placeholder: r.tally.placeholder, notFilled: r.tally['not-filled'], unreadable: r.tally.unreadable })}`, '');
  const applied = o.merge.applied;
  out.push(fillIn((o.written ? W.carried : W.wouldCarry)[lang], { file }));
  out.push(...(applied.length ? applied.flatMap(actionLines) : [`  ${W.nothing[lang]}`]));
  if (o.merge.unchanged.length) out.push('', fillIn(W.unchanged[lang], { file }), ...o.merge.unchanged.flatMap(actionLines));
  if (o.merge.conflicts.length) {
    const heading = o.context === 'init' ? W.repositoryWins : o.force ? W.replaced : W.conflicts;
    out.push('', fillIn(heading[lang], { file }));
    for (const c of o.merge.conflicts) {
      const proposed = c.proposed === undefined ? W.removed[lang] : show(c.proposed);
      out.push(`  ${c.action.item.id.padEnd(4)} ${c.path.join('.')}: ${show(c.existing)} ≠ ${proposed}`);
    }
  }
  out.push('', W.notCarried[lang]);
  if (!plan.skipped.length) out.push(`  ${W.nothing[lang]}`);
  for (const s of plan.skipped) {
    const what = s.code === 'unreadable' && s.item.problem ? PROBLEM_TEXT[s.item.problem][lang] : SKIP_TEXT[s.code][lang];
    const ids = s.ids.length ? ` [${s.ids.join(', ')}]` : '';
    const detail = s.detail.length && s.code !== 'unreadable' ? `: ${s.detail.join(', ')}` : '';
    out.push(`  ${s.item.id.padEnd(4)} ${W.line[lang]} ${s.item.line}: ${what}${detail}${ids}`);
  }
  return out.join('\n') + '\n';
}

/** The machine view: the items read, the plan and what the merge did, by codes and paths. */
export function formatImportJson(o: ImportOutcome): string {
  const action = (a: ImportAction) => ({ kind: a.kind, item: a.item.id, line: a.item.line, ids: a.ids, values: a.values.map((v) => ({ path: v.path.join('.'), value: v.value })) });
  const r = o.plan.report;
  return JSON.stringify(
    {
      manifest: o.manifestPath,
      written: o.written,
      created: o.created,
      generation: r.generation,
      generationBasis: r.generationBasis,
      form: r.form,
      layout: r.layout,
      productName: r.productName,
      date: r.date,
      blank: r.blank,
      tally: r.tally,
      items: r.items,
      applied: o.merge.applied.map(action),
      unchanged: o.merge.unchanged.map(action),
      conflicts: o.merge.conflicts.map((c) => ({ item: c.action.item.id, path: c.path.join('.'), existing: c.existing, proposed: c.proposed ?? null })),
      skipped: o.plan.skipped.map((s) => ({ item: s.item.id, line: s.item.line, code: s.code, problem: s.item.problem ?? null, ids: s.ids, detail: s.detail })),
    },
    null,
    2,
  ) + '\n';
}
