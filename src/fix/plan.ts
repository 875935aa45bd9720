/**
 * Which files `os2level fix --to-level N` writes, decided purely from the evaluation, the facts and
 * templates/fixes.yaml. Only requirements that fail at or below N are addressed; a file that exists
 * is never replaced, a section whose heading a file already has is never added again, so a second
 * run plans nothing.
 */
import type { Evaluation } from '../evaluate/types.js';
import { markdownHeadings, parseMarkdown } from '../markdown/parse.js';
import type { Facts } from '../facts/types.js';
import { countPlaceholders, renderTemplate, type TemplateValues } from './render.js';
import type { FixData, FixNote, FixPlan, FixSpec, PlannedFile } from './types.js';

interface Draft {
  path: string;
  action: 'create' | 'append';
  base: string;
  sections: string[];
  requirements: string[];
}

export function planFixes(
  facts: Facts, evaluation: Evaluation, data: FixData, templates: Record<string, string>, values: TemplateValues, toLevel: number,
): FixPlan {
  const inScope = evaluation.requirements
    .filter((r) => r.level <= toLevel && r.outcome === 'fail')
    .map((r) => r.id);
  const scope = new Set(inScope);
  const drafts = new Map<string, Draft>();
  const notes: FixNote[] = [];
  const template = (name: string): string => {
    const t = templates[name];
    if (t === undefined) throw new Error(`missing fix template ${name}`);
    return t;
  };

  for (const spec of data.fixes) {
    if (!scope.has(spec.requirement)) continue;
    const existing = existingFile(facts, spec);
    if (existing) {
      if (!spec.section) {
        if (spec.needs === 'securityContact' && values.securityContact === undefined) notes.push({ code: 'fix.needs-contact', args: { path: existing } });
        continue;
      }
      const section = renderTemplate(template(spec.section), values);
      if (hasHeading(facts, existing, section) || draftHas(drafts.get(existing), section)) continue;
      const draft = getDraft(drafts, existing, 'append', '');
      draft.sections.push(section);
      draft.requirements.push(spec.requirement);
      continue;
    }
    const isReadme = spec.file === 'README.md';
    const base = isReadme ? renderTemplate(template(data.readme), values) : renderTemplate(template(spec.template ?? spec.section!), values);
    const draft = getDraft(drafts, spec.file, 'create', base);
    if (isReadme && draft.sections.length === 0) {
      const purpose = data.fixes.find((f) => f.file === 'README.md' && f.needs === 'description');
      if (purpose?.section) draft.sections.push(renderTemplate(template(purpose.section), values));
    }
    if (spec.section && (isReadme || spec.template)) {
      const section = renderTemplate(template(spec.section), values);
      if (!draftHas(draft, section)) draft.sections.push(section);
    }
    draft.requirements.push(spec.requirement);
  }

  for (const spec of data.fixes) {
    if (!scope.has(spec.requirement) || !spec.needs) continue;
    if (spec.needs === 'securityContact' && values.securityContact === undefined && !notes.some((n) => n.code === 'fix.needs-contact')) {
      notes.push({ code: 'fix.needs-contact', args: { path: existingFile(facts, spec) ?? spec.file } });
    }
    if (spec.needs === 'description' && values.description === undefined) notes.push({ code: 'fix.needs-description', args: { path: existingFile(facts, spec) ?? spec.file } });
  }
  const closable = new Set(data.fixes.map((f) => f.requirement));
  const notByFile = inScope.filter((id) => !closable.has(id));
  if (notByFile.length) notes.push({ code: 'fix.not-by-file', args: { ids: notByFile } });

  const files: PlannedFile[] = [...drafts.values()].map((d) => {
    const content = d.action === 'create' ? [d.base.trimEnd(), ...d.sections.map((s) => s.trimEnd())].join('\n\n') + '\n' : d.sections.map((s) => s.trimEnd()).join('\n\n') + '\n';
    return { path: d.path, action: d.action, content, requirements: [...new Set(d.requirements)], placeholders: countPlaceholders(content) };
  });
  return { inScope, files, notes };
}

function getDraft(drafts: Map<string, Draft>, path: string, action: Draft['action'], base: string): Draft {
  let d = drafts.get(path);
  if (!d) {
    d = { path, action, base, sections: [], requirements: [] };
    drafts.set(path, d);
  }
  return d;
}

/** The file a fix targets when it exists: the README that was read, a well-known file of the kind, or the exact path. */
function existingFile(facts: Facts, spec: FixSpec): string | null {
  if (spec.file === 'README.md') {
    if (facts.readme.status === 'known') return facts.readme.value.path;
    const root = facts.wellKnown.readme.find((f) => !f.path.includes('/'));
    if (root) return root.path;
  }
  if (spec.wellKnown) {
    const found = facts.wellKnown[spec.wellKnown][0];
    if (found) return found.path;
  }
  const lower = spec.file.toLowerCase();
  return facts.files.paths.find((p) => p.toLowerCase() === lower) ?? null;
}

/** The first heading of a Markdown template section, read by the one Markdown reader. */
const headingOf = (section: string): string | null => markdownHeadings(parseMarkdown(section))[0]?.text ?? null;
const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

function hasHeading(facts: Facts, path: string, section: string): boolean {
  const h = headingOf(section);
  return h !== null && facts.docs.headings.some((x) => x.path === path && norm(x.text) === norm(h));
}

function draftHas(draft: Draft | undefined, section: string): boolean {
  const h = headingOf(section);
  return !!draft && h !== null && draft.sections.some((s) => headingOf(s) === h);
}
