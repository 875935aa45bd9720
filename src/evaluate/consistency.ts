/**
 * Consistency findings: where what os2.yaml (or publiccode.yml) declares and what the repository
 * shows disagree, with both values. Pure: facts, catalogue, "now" and the requirement outcomes in;
 * codes with arguments out. Disagreements a requirement already decides (the licence, declared
 * versus measured coverage) are lifted from that requirement's outcome, never decided twice.
 */
import { parseCalendarDate } from '../manifest/calendarDate.js';
import { declaredPathStatus, getPath, looksLikeRepoPath, manifestData, stringsIn } from '../checks/declaredValue.js';
import type { MessageArgs } from '../checks/types.js';
import type { Facts, GitRemote } from '../facts/types.js';
import type { LevelCatalogue } from '../levels/types.js';
import type { RequirementOutcome } from './types.js';

export interface ConsistencyFinding {
  code: string;
  args: MessageArgs;
}

/**
 * Manifest fields that may hold a repository path (the schema's `pathOrUrl`/`pathOrUrlList`, plus
 * free-text fields the schema allows to be "a path or URL describing it"). `[]` walks a list.
 * tests/consistency checks this list against schemas/os2-manifest.schema.json.
 */
/** Declared paths to files a build writes: not expected among the tracked files (see the coverage facts instead). */
const BUILD_OUTPUT_FIELDS: ReadonlySet<string> = new Set(['quality.coverage.report']);

export const PATH_FIELDS: readonly string[] = [
  'repository.handover.reference',
  'licence.boardDecision.url',
  'legal.procurement.document',
  'legal.lawfulness.dataProcessingAgreements',
  'security.description',
  'relevance.lineManagement.document',
  'documentation.install',
  'documentation.technical',
  'documentation.interfaces',
  'documentation.implementationGuide',
  'documentation.trainingMaterial',
  'documentation.presentationMaterial',
  'documentation.strategicCommunication',
  'documentation.politicalCommunication',
  'documentation.os2Channels',
  'documentation.architectureFramework',
  'quality.coverage.report',
  'quality.thirdPartyReviews[].report',
  'operations.monitoring',
  'operations.deployment',
  'operations.backup',
  'operations.implementationPlan.document',
  'governance.projectModel.document',
  'governance.board.informed.minutes',
  'governance.board.approved.minutes',
  'governance.board.approvedSteeringGroup.minutes',
  'governance.steeringGroup.mandate',
  'governance.coordinationGroup.mandate',
  'governance.joiningAgreement',
  'governance.funding.agreement',
];

export function consistencyFindings(
  facts: Facts,
  _catalogue: LevelCatalogue,
  now: Date,
  requirements: readonly RequirementOutcome[],
): ConsistencyFinding[] {
  const manifest = manifestData(facts);
  return [
    ...licenceFindings(requirements),
    ...(manifest ? organisationFindings(facts, manifest) : []),
    ...(manifest ? repositoryUrlFindings(facts, manifest) : []),
    ...coverageFindings(requirements),
    ...(manifest ? participantFindings(facts, manifest) : []),
    ...(manifest ? pathFindings(facts, manifest) : []),
    ...contractFindings(facts, now),
    ...stableWithoutReleaseFindings(facts),
  ];
}

/** legal.licence-consistent decides the licence disagreement; this only points at it. */
function licenceFindings(requirements: readonly RequirementOutcome[]): ConsistencyFinding[] {
  const req = requirements.find((r) => r.id === 'legal.licence-consistent');
  if (!req || req.code !== 'consistent.mismatch') return [];
  return [{ code: 'consistency.licence', args: { requirement: req.id, source: req.args.source, declared: req.args.declared, detected: req.args.spdx } }];
}

/** tests.coverage (and tests.coverage-high) decide the coverage disagreement; lifted once. */
function coverageFindings(requirements: readonly RequirementOutcome[]): ConsistencyFinding[] {
  for (const req of requirements) {
    const f = req.findings.find((x) => x.code === 'coverage.mismatch');
    if (f) return [{ code: 'consistency.coverage', args: { requirement: req.id, declared: f.args.declared, measured: f.args.measured } }];
  }
  return [];
}

const remotesOf = (facts: Facts): GitRemote[] => (facts.git.status === 'known' ? facts.git.value.remotes : []);

function organisationFindings(facts: Facts, manifest: Record<string, unknown>): ConsistencyFinding[] {
  const declared = getPath(manifest, 'repository.organisation');
  if (typeof declared !== 'string' || !declared.trim()) return [];
  const owners = [...new Set(remotesOf(facts).map((r) => r.owner).filter((o): o is string => !!o))];
  if (owners.length === 0 || owners.some((o) => o.toLowerCase() === declared.trim().toLowerCase())) return [];
  return [{ code: 'consistency.organisation', args: { declared: declared.trim(), remote: owners } }];
}

/** A URL reduced to host/path for comparison: scheme, credentials, `.git`, case and slashes do not matter. */
export function comparableRepoUrl(url: string): string {
  let u = url.trim();
  const scp = /^(?:[^@/]+@)?([^:/]+):(?!\/)(.+)$/.exec(u); // git@host:owner/repo
  if (scp && !/^[a-z][a-z0-9+.-]*:\/\//i.test(u)) u = `${scp[1]}/${scp[2]}`;
  else u = u.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^[^@/]+@/, '');
  return u.replace(/:\d+\//, '/').replace(/\/+$/, '').replace(/\.git$/i, '').replace(/\/+$/, '').toLowerCase();
}

function repositoryUrlFindings(facts: Facts, manifest: Record<string, unknown>): ConsistencyFinding[] {
  const declared = getPath(manifest, 'repository.url');
  if (typeof declared !== 'string' || !declared.trim()) return [];
  const remotes = remotesOf(facts);
  if (remotes.length === 0) return [];
  const want = comparableRepoUrl(declared);
  if (remotes.some((r) => comparableRepoUrl(r.url) === want)) return [];
  return [{ code: 'consistency.repository-url', args: { declared: declared.trim(), remote: remotes.map((r) => r.url) } }];
}

const nameKey = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The manifest's users (relevance.usedBy, else governance.participants) against publiccode.yml `usedBy`. */
function participantFindings(facts: Facts, manifest: Record<string, unknown>): ConsistencyFinding[] {
  if (facts.publiccode?.status !== 'known' || facts.publiccode.value.parseError) return [];
  const pc = facts.publiccode.value;
  if (pc.usedBy.length === 0) return [];
  const field = isStringList(getPath(manifest, 'relevance.usedBy')) ? 'relevance.usedBy' : 'governance.participants';
  const declared = getPath(manifest, field);
  if (!isStringList(declared)) return [];
  const mine = new Set(declared.map(nameKey));
  const theirs = new Set(pc.usedBy.map(nameKey));
  const onlyManifest = declared.filter((n) => !theirs.has(nameKey(n)));
  const onlyPubliccode = pc.usedBy.filter((n) => !mine.has(nameKey(n)));
  if (onlyManifest.length === 0 && onlyPubliccode.length === 0) return [];
  return [{ code: 'consistency.participants', args: { field, path: pc.path, onlyManifest, onlyPubliccode } }];
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');

/** Values at a field path, where `[]` walks every element of a list. */
function valuesAt(data: unknown, field: string): { field: string; value: unknown }[] {
  const [head, ...rest] = field.split('[].');
  const value = getPath(data, head!);
  if (rest.length === 0) return value === undefined ? [] : [{ field: head!, value }];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, i) => valuesAt(item, rest.join('[].')).map((v) => ({ field: `${head}[${i}].${v.field}`, value: v.value })));
}

function pathFindings(facts: Facts, manifest: Record<string, unknown>): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  for (const spec of PATH_FIELDS) {
    for (const { field, value } of valuesAt(manifest, spec)) {
      for (const s of stringsIn(value)) {
        if (!looksLikeRepoPath(s)) continue;
        const status = declaredPathStatus(facts, s);
        // A coverage report is build output, normally untracked; only one that leaves the repository is a disagreement.
        if (status === 'missing' && BUILD_OUTPUT_FIELDS.has(spec)) continue;
        if (status !== 'exists') out.push({ code: status === 'outside' ? 'consistency.path-outside' : 'consistency.path-missing', args: { field, path: s.trim() } });
      }
    }
  }
  return out;
}

/** A maintenance contract ends at the end of its `until` day. */
function contractFindings(facts: Facts, now: Date): ConsistencyFinding[] {
  if (facts.publiccode?.status !== 'known') return [];
  const pc = facts.publiccode.value;
  const today = now.toISOString().slice(0, 10);
  return pc.contractors
    .filter((c) => parseCalendarDate(c.until) !== null && c.until!.slice(0, 10) < today)
    .map((c) => ({ code: 'consistency.contract-expired', args: { path: pc.path, contractor: c.name, until: c.until!.slice(0, 10) } }));
}

/** `developmentStatus: stable` promises a release; with readable, complete history and no version tag there is none. */
function stableWithoutReleaseFindings(facts: Facts): ConsistencyFinding[] {
  if (facts.publiccode?.status !== 'known' || facts.publiccode.value.developmentStatus?.trim().toLowerCase() !== 'stable') return [];
  if (facts.git.status !== 'known' || facts.git.value.partialHistory) return [];
  if (facts.git.value.tags.some((t) => t.isVersion)) return [];
  return [{ code: 'consistency.stable-unreleased', args: { path: facts.publiccode.value.path, tags: facts.git.value.tags.length } }];
}
