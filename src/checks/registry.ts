/** The closed set of check kinds a level file may name. File name = kind (camel-cased). */
import { changelogCurrent } from './changelogCurrent.js';
import { ciStep } from './ciStep.js';
import { coverage } from './coverage.js';
import { declared } from './declared.js';
import { docsFresh } from './docsFresh.js';
import { docsOpenFormat } from './docsOpenFormat.js';
import { documented } from './documented.js';
import { gitActivity } from './gitActivity.js';
import { gitRepository } from './gitRepository.js';
import { issueReferences } from './issueReferences.js';
import { issueTracker } from './issueTracker.js';
import { licenceAllowed } from './licenceAllowed.js';
import { licenceConsistent } from './licenceConsistent.js';
import { licenceOsi } from './licenceOsi.js';
import { linksTo } from './linksTo.js';
import { operationsSetup } from './operationsSetup.js';
import { os2Organisation } from './os2Organisation.js';
import { readmeProse } from './readmeProse.js';
import { releases } from './releases.js';
import { securityDisclosure } from './securityDisclosure.js';
import { semver } from './semver.js';
import { signedTags } from './signedTags.js';
import { singleMainline } from './singleMainline.js';
import { testsPresent } from './testsPresent.js';
import type { CheckDefinition } from './types.js';

// Each definition is typed by its own params; the registry erases that to the level file's plain objects.
type AnyCheck = CheckDefinition<never>;

export const checks = {
  'readme-prose': readmeProse,
  documented,
  'docs-open-format': docsOpenFormat,
  'docs-fresh': docsFresh,
  'links-to': linksTo,
  declared,
  'git-repository': gitRepository,
  'git-activity': gitActivity,
  'os2-organisation': os2Organisation,
  'issue-tracker': issueTracker,
  'issue-references': issueReferences,
  'single-mainline': singleMainline,
  releases,
  semver,
  'changelog-current': changelogCurrent,
  'signed-tags': signedTags,
  'tests-present': testsPresent,
  'ci-step': ciStep,
  coverage,
  'operations-setup': operationsSetup,
  'licence-osi': licenceOsi,
  'licence-allowed': licenceAllowed,
  'licence-consistent': licenceConsistent,
  'security-disclosure': securityDisclosure,
} satisfies Record<string, AnyCheck>;

export type CheckKind = keyof typeof checks;
export const checkKinds = Object.keys(checks) as CheckKind[];

export function getCheck(kind: string): CheckDefinition<Record<string, unknown>> | undefined {
  return Object.prototype.hasOwnProperty.call(checks, kind)
    ? (checks[kind as CheckKind] as unknown as CheckDefinition<Record<string, unknown>>)
    : undefined;
}
