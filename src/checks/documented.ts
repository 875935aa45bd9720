import type { WellKnownFacts } from '../facts/types.js';
import { declaredEvidence, declaredPathFailure } from './declaredEvidence.js';
import { placeholderFindings, stillPlaceholder, withoutPlaceholders } from './placeholders.js';
import { matchingPaths } from '../facts/globs.js';
import { matchingHeadings } from './textMatch.js';
import { defineCheck, type Evidence } from './types.js';

export const WELL_KNOWN_KEYS = [
  'readme', 'licence', 'security', 'contributing', 'changelog', 'codeOfConduct', 'issueTemplates',
  'dependencyUpdates', 'lintConfigs', 'interfaceSpecs', 'containers', 'governanceReports',
] as const satisfies readonly (keyof WellKnownFacts)[];

export interface Params {
  headings?: string[];
  paths?: string[];
  wellKnown?: (keyof WellKnownFacts)[];
  docsFolder?: boolean;
  siteConfig?: boolean;
  architecture?: boolean;
  declared?: string[];
}

const DOCS_FOLDER = /^(docs?|documentation)\//i;
const MAX_EVIDENCE = 5;

/** Passes when any listed kind of evidence is in the repository, or when it is declared. */
export const documented = defineCheck<Params>({
  paramsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      headings: { type: 'array', items: { type: 'string', minLength: 1 } },
      paths: { type: 'array', items: { type: 'string', minLength: 1 } },
      wellKnown: { type: 'array', items: { enum: [...WELL_KNOWN_KEYS] } },
      docsFolder: { type: 'boolean' },
      siteConfig: { type: 'boolean' },
      architecture: { type: 'boolean' },
      declared: { type: 'array', items: { type: 'string' } },
    },
  },
  run({ facts }, p) {
    const found: Evidence[] = [];
    for (const key of p.wellKnown ?? []) {
      for (const f of facts.wellKnown[key]) found.push({ kind: 'file', path: f.path });
    }
    if (p.paths?.length) {
      for (const path of matchingPaths(facts.files.paths, p.paths)) found.push({ kind: 'file', path });
    }
    if (p.headings?.length) {
      for (const h of matchingHeadings(facts.docs.headings, p.headings)) {
        found.push({ kind: 'heading', path: h.path, line: h.line, value: h.text });
      }
    }
    if (p.docsFolder) {
      const docs = facts.docs.textFiles.filter((f) => DOCS_FOLDER.test(f));
      for (const path of docs) found.push({ kind: 'file', path });
    }
    if (p.siteConfig) for (const path of facts.docs.siteConfigs) found.push({ kind: 'file', path });
    if (p.architecture && facts.docs.architecture) found.push({ kind: 'file', path: facts.docs.architecture });

    // A file or section that is still a template placeholder is not evidence.
    const { real, placeholders } = withoutPlaceholders(facts, dedupe(found));
    if (real.length > 0) {
      const shown = [...real.slice(0, MAX_EVIDENCE), ...dedupe(found).filter((e) => !real.includes(e))].slice(0, MAX_EVIDENCE);
      return {
        outcome: 'pass', code: 'documented.found', args: { count: found.length - (dedupe(found).length - real.length), first: label(real[0]!) }, evidence: shown, basis: 'verified',
        findings: placeholderFindings(facts, dedupe(found)),
      };
    }
    const decl = declaredEvidence(facts, p.declared ?? []);
    if (decl.ok) return { outcome: 'pass', code: 'declared.pass', args: { fields: decl.fields }, evidence: decl.evidence, basis: 'declared' };
    if (placeholders.length > 0) return stillPlaceholder(placeholders, dedupe(found).slice(0, MAX_EVIDENCE));
    const badPath = declaredPathFailure(decl);
    if (badPath) return badPath;
    const lookedFor: Evidence[] = [
      ...(p.wellKnown ?? []).map((k): Evidence => ({ kind: 'looked-for', value: `file:${k}` })),
      ...(p.paths ?? []).map((g): Evidence => ({ kind: 'looked-for', value: g })),
      ...(p.docsFolder ? [{ kind: 'looked-for', value: 'docs/' } as Evidence] : []),
      ...(p.headings?.length ? [{ kind: 'looked-for', value: `heading:${p.headings.slice(0, 6).join('|')}` } as Evidence] : []),
      ...(p.declared ?? []).map((f): Evidence => ({ kind: 'looked-for', path: f, value: `os2.yaml:${f}` })),
    ];
    return {
      outcome: 'fail',
      code: 'documented.missing',
      args: {
        headings: (p.headings ?? []).slice(0, 6),
        files: [...(p.wellKnown ?? []).map(wellKnownLabel), ...(p.paths ?? []), ...(p.docsFolder ? ['docs/'] : [])].slice(0, 6),
        fields: p.declared ?? [],
        // One list for the sentence: files as they are, headings in quotes, manifest fields prefixed.
        lookedFor: [
          ...(p.wellKnown ?? []).map(wellKnownLabel), ...(p.paths ?? []).slice(0, 3), ...(p.docsFolder ? ['docs/'] : []),
          ...(p.siteConfig ? ['mkdocs.yml/conf.py/…'] : []), ...(p.architecture ? ['ARCHITECTURE.md'] : []),
          ...(p.headings ?? []).slice(0, 4).map((h) => `"${h}"`), ...(p.declared ?? []).map((f) => `os2.yaml ${f}`),
        ],
      },
      evidence: lookedFor,
      basis: 'none',
    };
  },
});

const WELL_KNOWN_LABEL: Record<(typeof WELL_KNOWN_KEYS)[number], string> = {
  readme: 'README', licence: 'LICENSE', security: 'SECURITY', contributing: 'CONTRIBUTING', changelog: 'CHANGELOG',
  codeOfConduct: 'CODE_OF_CONDUCT', issueTemplates: '.github/ISSUE_TEMPLATE', dependencyUpdates: 'dependabot.yml/renovate.json',
  lintConfigs: 'linter/formatter config', interfaceSpecs: 'OpenAPI/AsyncAPI/GraphQL/WSDL', containers: 'Dockerfile/compose/Helm',
  governanceReports: 'governance report',
};
const wellKnownLabel = (k: keyof WellKnownFacts): string => WELL_KNOWN_LABEL[k];

const label = (e: Evidence): string => (e.kind === 'heading' ? `${e.path}:${e.line} "${e.value}"` : String(e.path));

function dedupe(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const k = `${e.kind}|${e.path}|${e.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
