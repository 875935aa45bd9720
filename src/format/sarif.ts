/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDE viewers). One rule per requirement,
 * one result per requirement that is not met: `error` for must, `warning` for should, `note` when
 * the evidence could not be read. Explained and not-applicable requirements are results with an
 * accepted suppression carrying the justification, so they show as dismissed rather than vanish.
 *
 * The tool's `informationUri` is its README; each rule's `helpUri` is the README's section on the
 * requirement's area, whose table row describes how it is decided and met (GitHub's anchor for
 * the area heading). Every result has a region: the line (and column) of the evidence — a
 * manifest key, a CI step, a heading — or line 1 of a file that is evidence as a whole (a
 * coverage report, a file without a known line). Something absent is located at the manifest
 * that can declare it, or at the repository root when there is none; never at a file that does
 * not exist. No timestamps: the same report gives byte-identical output.
 */
import { pathToFileURL } from 'node:url';
import type { Lang, LevelCatalogue, Requirement } from '../levels/types.js';
import type { Report, ReportRequirement, RepositoryResult } from '../report/model.js';
import { areaLabel, levelName, phrase } from '../report/ui.js';
import { evidenceLocation } from './evidenceLocation.js';
import type { Formatter } from './types.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
/** The project's home: its README documents every requirement. */
export const PROJECT_URL = 'https://github.com/OS2offdig/os2level';
export const README_URL = `${PROJECT_URL}/blob/main/README.md`;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export const headingAnchor = (heading: string): string =>
  heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');

/** The README section that describes a requirement: its area's heading in the requirement tables. */
export const requirementHelpUri = (r: Pick<Requirement, 'area'>): string => `${README_URL}#${headingAnchor(areaLabel[r.area].en)}`;

type SarifLevel = 'error' | 'warning' | 'note';

export const formatSarif: Formatter = (report, { catalogue }) => {
  // Levels and strengths are those of the report's checklist generation, the same in every result.
  const effective = new Map((report.results[0]?.requirements ?? []).map((q) => [q.id, q]));
  const rules = catalogue.requirements.map((r) => rule({ ...r, ...pick(effective.get(r.id)) }, report.lang, catalogue.checklist.id));
  const ruleIndex = new Map(catalogue.requirements.map((r, i) => [r.id, i]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: report.results.map((result) => run(report, result, catalogue, rules, ruleIndex)),
  };
  return JSON.stringify(log, null, 2) + '\n';
};

function run(report: Report, result: RepositoryResult, catalogue: LevelCatalogue, rules: object[], ruleIndex: Map<string, number>): object {
  const root = pathToFileURL(result.path).href;
  return {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: README_URL,
        language: report.lang,
        rules,
      },
    },
    automationDetails: {
      description: { text: catalogue.name[report.lang] },
      id: `${report.tool.name}/${catalogue.id}/`,
    },
    originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
    language: report.lang,
    columnKind: 'unicodeCodePoints',
    results: result.requirements.filter(reported).map((q) => sarifResult(q, result, report.lang, ruleIndex)),
    properties: {
      productName: result.productName,
      achievedLevel: result.achievedLevel,
      nextLevel: result.nextLevel,
      targetLevel: result.targetLevel,
      asOf: report.asOf,
      catalogue: catalogue.id,
    },
  };
}

/** Requirements that are not met, including those explained or declared not applicable (suppressed). */
const reported = (q: ReportRequirement): boolean => q.outcome !== 'pass';

const pick = (q: ReportRequirement | undefined): Partial<Requirement> => (q ? { level: q.level, strength: q.strength } : {});

function rule(r: Requirement, lang: Lang, checklist: string): object {
  const remedy = phrase('remedy', lang);
  const item = r.refs?.[checklist] ?? null;
  const tagLine = [levelName(r.level, lang), phrase(r.strength, lang), item ? `OS2 ${item}` : null, r.source === 'interpretation' ? phrase('interpretation', lang) : null]
    .filter(Boolean)
    .join(' · ');
  return {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.title[lang] },
    helpUri: requirementHelpUri(r),
    fullDescription: { text: r.description[lang] },
    help: {
      text: `${remedy}: ${r.remediation[lang]}`,
      markdown: `**${remedy}:** ${r.remediation[lang]}\n\n${r.description[lang]}\n\n_${tagLine}_`,
    },
    defaultConfiguration: { level: levelFor(r.strength) },
    properties: {
      level: r.level,
      strength: r.strength,
      area: r.area,
      theme: r.theme,
      source: r.source,
      os2Item: item,
      checklist,
      os2Items: r.refs ?? {},
      tags: [...new Set([r.area, r.theme, r.strength, r.source])],
    },
  };
}

/** "versioning.os2-organisation" → "VersioningOs2Organisation" (SARIF wants a non-localised name). */
export const ruleName = (id: string): string =>
  id.split(/[.\-_]/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');

const levelFor = (strength: Requirement['strength']): SarifLevel => (strength === 'must' ? 'error' : 'warning');

function resultLevel(q: ReportRequirement): SarifLevel {
  const decided = q.outcome === 'explained' || q.outcome === 'not-applicable' ? q.checkOutcome : q.outcome;
  return decided === 'unknown' ? 'note' : levelFor(q.strength);
}

function sarifResult(q: ReportRequirement, result: RepositoryResult, lang: Lang, ruleIndex: Map<string, number>): object {
  const where = evidenceLocation(q, result);
  const text = [q.message, ...q.findings.map((f) => f.message)];
  if (q.explanation?.expired) text.push(phrase('expired', lang, { date: q.explanation.expires, reason: q.explanation.reason }));
  const suppression = suppressionOf(q, lang);
  return {
    ruleId: q.id,
    ruleIndex: ruleIndex.get(q.id) ?? -1,
    level: resultLevel(q),
    message: { text: (q.item ? `${q.item} · ` : '') + text.join(' ') },
    locations: [
      {
        physicalLocation: where
          ? {
              artifactLocation: { uri: where.path.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
              region: where.line ? { startLine: where.line, ...(where.column ? { startColumn: where.column } : {}) } : { startLine: 1 },
            }
          : // Nothing in the repository to point at: the repository root (a region too, which viewers expect of every location).
            { artifactLocation: { uri: '', uriBaseId: SRCROOT }, region: { startLine: 1 } },
      },
    ],
    partialFingerprints: { 'os2levelRequirement/v1': q.id },
    ...(suppression ? { suppressions: [suppression] } : {}),
    properties: { outcome: q.outcome, basis: q.basis, level: q.level, strength: q.strength, os2Item: q.item },
  };
}

function suppressionOf(q: ReportRequirement, lang: Lang): object | null {
  if (q.outcome === 'not-applicable' && q.notApplicable) {
    return { kind: 'external', status: 'accepted', justification: phrase('notApplicable', lang, { reason: q.notApplicable.reason }) };
  }
  if (q.outcome === 'explained' && q.explanation) {
    const e = q.explanation;
    const extra = [e.approvedBy && phrase('approvedBy', lang, { by: e.approvedBy }), e.expires && phrase('expires', lang, { date: e.expires })].filter(Boolean);
    return {
      kind: 'external',
      status: 'accepted',
      justification: phrase('explainedBy', lang, { reason: e.reason }) + (extra.length ? ` (${extra.join(', ')})` : ''),
    };
  }
  return null;
}
