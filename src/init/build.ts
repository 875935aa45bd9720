/**
 * The manifest `init` proposes, built from the collected facts and the answers to its questions.
 * Pure: facts in, a YAML document out. Only what the repository shows (or the user answered) is
 * filled in; the rest becomes commented-out hints.
 */
import { basename } from 'node:path';
import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { matchingHeadings } from '../checks/textMatch.js';
import { codeHostRemotes } from '../facts/remotes.js';
import type { Facts, GitRemote } from '../facts/types.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { HEADER, SECTION_COMMENTS, SECTION_ORDER, TARGET_LEVEL_HINT, hintsFor, type Section } from './comments.js';

export interface InitAnswers {
  targetLevel?: 0 | 1 | 2 | 3;
  lead?: { name: string; organisation?: string };
  participants?: string[];
}

/** Where each filled-in value came from, for the summary `init` prints. */
export interface FilledField {
  path: string;
  source: string;
}

export interface InitManifest {
  data: Record<string, unknown>;
  filled: FilledField[];
}

const WEB_HOSTS = /^(github\.com|gitlab\.com|codeberg\.org|bitbucket\.org|gitlab\.[\w.-]+|git\.[\w.-]+|gitea\.[\w.-]+)$/i;

/** The remote that names the product's home: `origin`, else the first with a host. */
export function homeRemote(facts: Facts): GitRemote | null {
  if (facts.git.status !== 'known') return null;
  return codeHostRemotes(facts.git.value.remotes)[0] ?? null;
}

/** The browsable https URL of a remote (credentials were already removed when the facts were read). */
export function webUrl(remote: GitRemote): string | null {
  if (!remote.host || !remote.owner || !remote.repo || !WEB_HOSTS.test(remote.host)) return null;
  return `https://${remote.host.toLowerCase()}/${remote.owner}/${remote.repo.replace(/\.git$/, '')}`;
}

function issueTracker(remote: GitRemote, url: string): string | null {
  const host = remote.host!.toLowerCase();
  if (host === 'github.com') return `${url}/issues`;
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return `${url}/-/issues`;
  return null;
}

const headingsOf = (catalogue: LevelCatalogue, id: string): string[] => {
  const params = catalogue.requirements.find((r) => r.id === id)?.check.params as { headings?: unknown } | undefined;
  return Array.isArray(params?.headings) ? params.headings.filter((h): h is string => typeof h === 'string') : [];
};

const ARCHITECTURE_HEADINGS = ['Architecture', 'Arkitektur', 'Technical documentation', 'Teknisk dokumentation', 'Components', 'Komponenter'];

/**
 * The longest text init copies from the repository into one field: a README whose "first
 * paragraph" is the whole megabyte must not make an os2.yaml that `validate` then refuses.
 */
export const MAX_COPIED_CHARS = 2000;

function boundCopied(value: unknown): unknown {
  if (typeof value !== 'string' || value.length <= MAX_COPIED_CHARS) return value;
  const cut = value.slice(0, MAX_COPIED_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_COPIED_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

/** The manifest data init fills in from the repository and the answers. */
export function initManifestData(facts: Facts, catalogue: LevelCatalogue, answers: InitAnswers = {}): InitManifest {
  const filled: FilledField[] = [];
  const data: Record<string, any> = { schemaVersion: 1 };
  const set = (path: string, value: unknown, source: string): void => {
    value = boundCopied(value);
    const keys = path.split('.');
    let at = data;
    for (const k of keys.slice(0, -1)) at = at[k] ??= {};
    at[keys.at(-1)!] = value;
    filled.push({ path, source });
  };
  const readme = facts.readme.status === 'known' ? facts.readme.value : null;
  const publiccode = facts.publiccode?.status === 'known' && !facts.publiccode.value.parseError ? facts.publiccode.value : null;

  if (readme?.title) set('product.name', readme.title, readme.path);
  else if (publiccode?.name) set('product.name', publiccode.name, publiccode.path);
  else set('product.name', basename(facts.root), 'directory name');
  if (readme?.firstParagraph) set('product.description', readme.firstParagraph, readme.path);
  else if (publiccode?.description) set('product.description', publiccode.description, publiccode.path);
  if (answers.targetLevel !== undefined) set('product.targetLevel', answers.targetLevel, 'answer');

  const remote = homeRemote(facts);
  const url = remote ? webUrl(remote) : null;
  if (remote && url) {
    set('repository.url', url, `git remote ${remote.name}`);
    set('repository.organisation', remote.owner, `git remote ${remote.name}`);
  }

  const spdx = facts.licence.status === 'known' ? facts.licence.value.spdx : null;
  if (spdx) set('licence.code', spdx, facts.licence.status === 'known' ? facts.licence.value.path ?? 'licence' : 'licence');
  else if (publiccode?.license) set('licence.code', publiccode.license, publiccode.path);

  const tracker = remote && url ? issueTracker(remote, url) : null;
  if (tracker) set('issueTracker.url', tracker, `git remote ${remote!.name}`);

  const install = matchingHeadings(facts.docs.headings, headingsOf(catalogue, 'docs.install'))[0];
  if (install) set('documentation.install', install.path, `heading "${install.text}"`);
  const technical = facts.docs.architecture ?? matchingHeadings(facts.docs.headings, ARCHITECTURE_HEADINGS).find((h) => h.path !== readme?.path)?.path ?? null;
  if (technical) set('documentation.technical', technical, 'documentation files');

  const coverage = facts.coverage.reports.map((r) => r.path).filter((p) => facts.files.paths.includes(p));
  if (coverage.length === 1) set('quality.coverage.report', coverage[0], 'coverage report');
  else if (coverage.length > 1) set('quality.coverage.report', coverage, 'coverage reports');

  if (publiccode?.usedBy.length) set('relevance.usedBy', publiccode.usedBy, publiccode.path);
  if (publiccode?.contractors.length) set('operations.maintainers', publiccode.contractors.map((c) => c.name), `${publiccode.path} maintenance.contractors`);

  if (answers.lead?.name) set('governance.lead', answers.lead.organisation ? { name: answers.lead.name, organisation: answers.lead.organisation } : { name: answers.lead.name }, 'answer');
  if (answers.participants?.length) set('governance.participants', answers.participants, 'answer');
  return { data, filled };
}

/** Puts the top-level sections in the order people expect, and writes each section's comment. */
export function decorate(doc: Document, lang: Lang): void {
  const root = doc.contents;
  if (!isMap(root)) return;
  const map = root as YAMLMap;
  const keyName = (key: unknown): string => (isScalar(key) ? String(key.value) : String(key));
  const rank = (key: unknown): number => {
    const i = SECTION_ORDER.indexOf(keyName(key) as Section);
    return i < 0 ? SECTION_ORDER.length : i;
  };
  map.items.sort((a, b) => rank(a.key) - rank(b.key));
  for (const pair of map.items) {
    // Keys added with setIn may be plain strings; a comment needs a node.
    if (!isScalar(pair.key)) pair.key = doc.createNode(keyName(pair.key));
    const comment = SECTION_COMMENTS[keyName(pair.key) as Section];
    if (comment && isScalar(pair.key)) pair.key.commentBefore = comment[lang];
  }
  doc.commentBefore = HEADER[lang];
  const present = new Set(map.items.map((p) => keyName(p.key)));
  const product = doc.getIn(['product'], true);
  // Inside the existing product mapping, so removing the # never makes a second `product:` key.
  if (isMap(product) && !product.has('targetLevel') && product.items.length) {
    const first = product.items[0]!;
    if (!isScalar(first.key)) first.key = doc.createNode(keyName(first.key));
    (first.key as { commentBefore?: string | null }).commentBefore = TARGET_LEVEL_HINT[lang];
  }
  doc.comment = hintsFor(present, lang);
}

export function newManifestDocument(data: Record<string, unknown>): Document {
  return new Document(data);
}
