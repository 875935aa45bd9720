/**
 * Hand-built Facts for check and evaluator tests: the pipeline's middle is pure, so its tests start
 * from a Facts record, not from a repository on disk. `emptyFacts()` is an empty directory that is
 * not a git repository; builders add just what a case needs.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import * as formatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { loadLevels } from '../../src/levels/load.js';
import type { LevelCatalogue, Requirement } from '../../src/levels/types.js';
import type { ChecklistGeneration } from '../../src/checklist/types.js';
import { parseVersionTag } from '../../src/facts/versions.js';
import type { CheckContext, CheckDefinition, CheckResult } from '../../src/checks/types.js';
import type { Facts, GitCommit, GitFacts, GitTag, WellKnownFacts } from '../../src/facts/types.js';

/** "Now" for every time-based rule in tests. */
export const NOW = new Date('2026-06-01T12:00:00Z');

/** ISO date `months` calendar months (and `days` days) before NOW. */
export function monthsAgo(months: number, days = 0): string {
  const d = new Date(NOW.getTime());
  d.setUTCMonth(d.getUTCMonth() - months);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString();
}

export const emptyWellKnown = (): WellKnownFacts => ({
  readme: [],
  licence: [],
  security: [],
  contributing: [],
  changelog: [],
  codeOfConduct: [],
  issueTemplates: [],
  dependencyUpdates: [],
  lintConfigs: [],
  interfaceSpecs: [],
  containers: [],
  governanceReports: [],
});

/** A shallow-merged override: nested records given here replace the defaults whole. */
export type FactsOverrides = Partial<Omit<Facts, 'wellKnown'>> & { wellKnown?: Partial<WellKnownFacts> };

/** The facts of an empty directory that is not a git repository and has no os2.yaml. */
export function emptyFacts(overrides: FactsOverrides = {}): Facts {
  const { wellKnown, ...rest } = overrides;
  return {
    factsVersion: 2,
    root: '/repo',
    files: { source: 'walk', paths: [], symlinksOutside: [], truncated: false },
    wellKnown: { ...emptyWellKnown(), ...wellKnown },
    readme: { status: 'unknown', reason: 'no-readme' },
    docs: { textFiles: [], officeFiles: [], siteConfigs: [], headings: [], architecture: null, placeholders: [] },
    licence: { status: 'known', value: { path: null, spdx: null, others: [] } },
    git: { status: 'unknown', reason: 'not-a-repository' },
    ci: { files: [], steps: [] },
    tests: { byEcosystem: {}, sample: [], total: 0 },
    coverage: { reports: [], failures: [], linePercent: null, branchPercent: null, declaredPercent: null, declaredReportUrl: null },
    publiccode: null,
    changelog: null,
    manifest: { status: 'absent', lookedFor: '/repo/os2.yaml' },
    ...rest,
  };
}

/** The same facts with a loaded os2.yaml holding `data`. */
export function withManifest(facts: Facts, data: Record<string, unknown>): Facts {
  return { ...facts, manifest: { status: 'loaded', path: `${facts.root}/os2.yaml`, data } };
}

/** Facts of a readable git repository (files indexed by git) with the given git facts. */
export function inGit(facts: Facts, partial: Partial<GitFacts> = {}): Facts {
  return { ...facts, files: { ...facts.files, source: 'git' }, git: { status: 'known', value: gitFacts(partial) } };
}

/** Git facts of a repository with one recent commit on `main` and nothing else. */
export function gitFacts(partial: Partial<GitFacts> = {}): GitFacts {
  const recentCommits = partial.recentCommits ?? [commit('Initial commit', monthsAgo(1))];
  return {
    head: 'main',
    detached: false,
    defaultBranch: 'main',
    commitCount: recentCommits.length,
    firstCommitDate: recentCommits.at(-1)?.date ?? null,
    lastCommitDate: recentCommits[0]?.date ?? null,
    recentCommits,
    tags: [],
    remotes: [],
    branches: [],
    partialHistory: false,
    docsLastChanged: null,
    ...partial,
  };
}

let hashCounter = 0;
export function commit(subject: string, date: string, parents = 1): GitCommit {
  hashCounter++;
  return { hash: hashCounter.toString(16).padStart(40, '0'), date, subject, parents };
}

/** A tag; `isVersion`/`isSemver` come from the real tag-name parser unless given. */
export function tag(name: string, date: string | null, opts: Partial<Omit<GitTag, 'name' | 'date'>> = {}): GitTag {
  const parsed = parseVersionTag(name);
  return { name, date, annotated: false, signed: false, isVersion: parsed.isVersion, isSemver: parsed.isSemver, ...opts };
}

/** A remote parsed the way the git collector does for forge URLs. */
export function remote(url: string, name = 'origin'): GitFacts['remotes'][number] {
  const m = /^https?:\/\/([^/]+)\/([^/]+)\/([^/]+?)(?:\.git)?$/.exec(url) ?? /^git@([^:]+):([^/]+)\/([^/]+?)(?:\.git)?$/.exec(url);
  return { name, url, host: m?.[1] ?? null, owner: m?.[2] ?? null, repo: m?.[3] ?? null };
}

let catalogue: Promise<LevelCatalogue> | undefined;
/** The shipped catalogue (levels/os2-2018.yaml), loaded and validated once per test file. */
export function loadTestCatalogue(): Promise<LevelCatalogue> {
  catalogue ??= loadLevels();
  return catalogue;
}

/**
 * A checklist generation giving every requirement an item of its own, at the requirement's level
 * and strength: evaluation over it is the plain requirement rule, for tests of catalogues of their own.
 */
export function checklistOf(requirements: readonly Requirement[], id = 'test'): ChecklistGeneration {
  return {
    id,
    from: '2026-01-01',
    source: { da: 'test', en: 'test' },
    items: requirements.map((r, i) => ({
      id: `F${i + 1}`, theme: r.theme, level: r.level, strength: r.strength, title: r.title,
      parts: [{ id: r.id, level: r.level, strength: r.strength }],
    })),
  };
}

/** A catalogue of the given requirements, each on an item of its own (see checklistOf). */
export function catalogueOf(base: LevelCatalogue, requirements: Requirement[], id = base.id): LevelCatalogue {
  const checklist = checklistOf(requirements);
  return { ...base, id, requirements, checklist, checklists: { default: checklist.id, aliases: {}, generations: [checklist] } };
}

/** A small catalogue for running single checks: only `organisations` matter to them. */
export const STUB_CATALOGUE: LevelCatalogue = {
  schemaVersion: 1,
  id: 'stub',
  name: { da: 'Test', en: 'Test' },
  path: '<stub>',
  levels: [0, 1, 2, 3].map((level) => ({ level: level as 0 | 1 | 2 | 3, name: { da: `N${level}`, en: `L${level}` } })),
  organisations: ['OS2mo', 'os2display', 'OS2offdig'],
  sandboxOrganisations: ['OS2sandbox'],
  requirements: [],
  checklist: checklistOf([]),
  checklists: { default: 'test', aliases: {}, generations: [checklistOf([])] },
};

/** The context a check runs in. */
export function ctx(facts: Facts, now: Date = NOW, catalogue: LevelCatalogue = STUB_CATALOGUE): CheckContext {
  return { facts, catalogue, now };
}

/** What the outcome tables compare: the decision, not the evidence pointers or wording. */
export function decision(r: CheckResult): Pick<CheckResult, 'outcome' | 'code' | 'basis'> & { args: CheckResult['args'] } {
  return { outcome: r.outcome, code: r.code, basis: r.basis, args: r.args ?? {} };
}

// ajv-formats is CommonJS: its plugin is the namespace's default or the default's default.
const addFormats: FormatsPlugin =
  ((formatsModule as { default?: unknown }).default as { default?: FormatsPlugin }).default ??
  ((formatsModule as { default?: unknown }).default as FormatsPlugin);
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates params against a check's `paramsSchema` (draft 2020-12, with formats); returns ajv's errors. */
export function paramsErrors(check: CheckDefinition<never>, params: unknown): string[] {
  let validate = compiled.get(check.paramsSchema);
  if (!validate) {
    validate = ajv.compile(check.paramsSchema);
    compiled.set(check.paramsSchema, validate);
  }
  return validate(params) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/**
 * Runs a check the way the evaluator does, after checking that the test's params are ones the
 * level file could give (so a table cannot test an input the loader would refuse).
 */
export function runCheck<P>(check: CheckDefinition<P>, facts: Facts, params: P, now: Date = NOW, catalogue: LevelCatalogue = STUB_CATALOGUE): CheckResult {
  const errors = paramsErrors(check as unknown as CheckDefinition<never>, params);
  if (errors.length) throw new Error(`invalid params for the check: ${errors.join('; ')}`);
  return check.run(ctx(facts, now, catalogue), params);
}

/** Facts of a directory whose files git lists but whose history could not be read. */
export function unreadableGit(facts: Facts = emptyFacts(), reason = 'git log failed: fatal: bad object HEAD'): Facts {
  return { ...facts, files: { ...facts.files, source: 'git' }, git: { status: 'unknown', reason } };
}
