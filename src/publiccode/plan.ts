/**
 * What `os2level publiccode` writes into publiccode.yml, decided purely from the facts, the existing
 * file's values and the options. os2level only fills gaps: a field the file already holds is never
 * replaced by what os2level would write; a disagreement is reported (`publiccode.differs`) and the
 * file keeps its value. `--prefer-os2yaml` lets values declared in os2.yaml replace the file's
 * (never values guessed from the README, git or the licence text); an explicit option
 * (`--platform`, `--software-type`, `--maintenance-type`) is the person's own choice and is written.
 * Fields only the product can say (categories, features, localisation, contractors) are reported.
 */
import { getPath, manifestData } from '../checks/declaredValue.js';
import { isoDay, isWithinMonths } from '../checks/time.js';
import type { MessageArgs } from '../checks/types.js';
import { versionTagsNewestFirst } from '../checks/versionTags.js';
import { codeHostRemotes } from '../facts/remotes.js';
import type { Facts } from '../facts/types.js';
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { isDeepStrictEqual } from 'node:util';
import semver from 'semver';
import { parseSpdx, spdxFamily, spdxLicences } from '../facts/spdx.js';
import { canonicalSpdx } from './spdx.js';

export const PUBLICCODE_VERSION = '0.4';
const SHORT_MAX = 150;
const LONG_MIN = 150;
const DEFAULT_RELEASE_MONTHS = 12;

export type YamlPath = (string | number)[];

export interface PubliccodeEdit {
  path: YamlPath;
  value: unknown;
  /** Where the value comes from, e.g. `os2.yaml:product.name` or `git:v1.2.0`. */
  from: string;
}

export interface PubliccodeNote {
  code: string;
  args: MessageArgs;
}

export interface PubliccodePlan {
  edits: PubliccodeEdit[];
  notes: PubliccodeNote[];
}

export interface PubliccodeOptions {
  lang: Lang;
  /** Values declared in os2.yaml replace the file's (values guessed from the repository never do). */
  preferOs2yaml?: boolean;
  now: Date;
  platforms?: string[];
  softwareType?: string;
  maintenanceType?: string;
}

const asString = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const asStringList = (v: unknown): string[] | null =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.trim()) ? (v as string[]).map((s) => s.trim()) : null;
const isPresent = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'string' && !v.trim()) && !(Array.isArray(v) && v.length === 0);

export function planPubliccode(facts: Facts, catalogue: LevelCatalogue, existing: Record<string, unknown> | null, opts: PubliccodeOptions): PubliccodePlan {
  const m = manifestData(facts) ?? {};
  const ex = existing ?? {};
  const edits: PubliccodeEdit[] = [];
  const notes: PubliccodeNote[] = [];
  const set = (path: YamlPath, value: unknown, from: string): void => {
    const current = getPath(ex, path.join('.'));
    if (!isPresent(current)) {
      edits.push({ path, value, from });
      return;
    }
    if (agree(path, current, value)) return;
    const replaceable = from.startsWith('option:') || (opts.preferOs2yaml === true && from.startsWith('os2.yaml:'));
    if (replaceable) edits.push({ path, value, from });
    else notes.push({ code: 'publiccode.differs', args: { field: path.join('.'), current: shown(current), proposed: shown(value), from } });
  };
  const cannotKnow = (field: string): void => {
    notes.push({ code: 'publiccode.cannot-know', args: { field } });
  };

  // publiccodeYmlVersion: never downgrade a newer file.
  const version = asString(getPath(ex, 'publiccodeYmlVersion'));
  if (!version || compareVersions(version, PUBLICCODE_VERSION) < 0) set(['publiccodeYmlVersion'], PUBLICCODE_VERSION, 'os2level');
  // name: os2.yaml's, else the README title only for a file without one.

  const name = asString(getPath(m, 'product.name')) ?? (facts.readme.status === 'known' ? asString(facts.readme.value.title) : null);
  if (name) set(['name'], name, getPath(m, 'product.name') ? 'os2.yaml:product.name' : 'README');
  else if (!isPresent(getPath(ex, 'name'))) cannotKnow('name');

  const url = asString(getPath(m, 'repository.url')) ?? remoteHttpsUrl(facts);
  if (url) set(['url'], url, getPath(m, 'repository.url') ? 'os2.yaml:repository.url' : 'git:remote');
  else if (!isPresent(getPath(ex, 'url'))) cannotKnow('url');

  const website = asString(getPath(m, 'product.website'));
  if (website) set(['landingURL'], website, 'os2.yaml:product.website');

  // Releases: the newest version tag.
  const tags = facts.git.status === 'known' ? versionTagsNewestFirst(facts.git.value) : [];
  const newest = tags[0];
  if (newest) {
    set(['softwareVersion'], newest.name.replace(/^v(?=\d)/i, ''), `git:${newest.name}`);
    if (newest.date) set(['releaseDate'], isoDay(newest.date), `git:${newest.name}`);
  }

  // Platforms and software type: only the product knows.
  if (opts.platforms?.length) set(['platforms'], opts.platforms, 'option:--platform');
  else if (!isPresent(getPath(ex, 'platforms'))) cannotKnow('platforms');
  if (!isPresent(getPath(ex, 'categories'))) notes.push({ code: 'publiccode.categories', args: {} });

  const status = asString(getPath(ex, 'developmentStatus'));
  const releaseMonths = releaseWindow(catalogue);
  const recent = newest !== undefined && isWithinMonths(newest.date, opts.now, releaseMonths);
  if (!status) set(['developmentStatus'], recent ? 'stable' : 'development', newest ? `git:${newest.name}` : 'git:no-release');
  else if (status === 'stable' && facts.git.status === 'known' && !facts.git.value.partialHistory && tags.length === 0) {
    notes.push({ code: 'publiccode.stable-without-release', args: {} });
  }

  if (opts.softwareType) set(['softwareType'], opts.softwareType, 'option:--software-type');
  else if (!isPresent(getPath(ex, 'softwareType'))) cannotKnow('softwareType');

  planDescription(facts, m, ex, opts.lang, set, notes);

  // Licence: the licence text is what applies; os2.yaml's claim is the fallback.
  const detected = facts.licence.status === 'known' && facts.licence.value.spdx ? facts.licence.value.spdx : null;
  const declared = asString(getPath(m, 'licence.code'));
  const licence = detected ? (canonicalSpdx(detected) ?? detected) : declared ? (canonicalSpdx(declared) ?? declared) : null;
  if (licence) set(['legal', 'license'], licence, detected ? `licence-file:${facts.licence.status === 'known' ? facts.licence.value.path : ''}` : 'os2.yaml:licence.code');
  else if (!isPresent(getPath(ex, 'legal.license'))) cannotKnow('legal.license');
  if (detected && declared && canonicalSpdx(declared) !== canonicalSpdx(detected) && declared !== detected) {
    notes.push({ code: 'publiccode.licence-from-text', args: { detected, declared } });
  }

  const usedBy = asStringList(getPath(m, 'relevance.usedBy')) ?? asStringList(getPath(m, 'governance.participants'));
  if (usedBy) set(['usedBy'], usedBy, getPath(m, 'relevance.usedBy') ? 'os2.yaml:relevance.usedBy' : 'os2.yaml:governance.participants');

  // Maintenance: the type and contract end dates cannot be known; the lead is a real contact.
  const maintenanceType = opts.maintenanceType ?? asString(getPath(ex, 'maintenance.type'));
  if (opts.maintenanceType) set(['maintenance', 'type'], opts.maintenanceType, 'option:--maintenance-type');
  else if (!maintenanceType) cannotKnow('maintenance.type');
  const lead = planLeadContact(m, ex);
  if (lead && (lead.length === 1 || opts.preferOs2yaml)) edits.push({ path: ['maintenance', 'contacts'], value: lead, from: 'os2.yaml:governance.lead' });
  else if (lead) notes.push({ code: 'publiccode.differs', args: { field: 'maintenance.contacts', current: shown(getPath(ex, 'maintenance.contacts')), proposed: shown(lead.at(-1)), from: 'os2.yaml:governance.lead' } });
  if (maintenanceType === 'contract' && !isPresent(getPath(ex, 'maintenance.contractors'))) {
    notes.push({ code: 'publiccode.contractors', args: { maintainers: asStringList(getPath(m, 'operations.maintainers')) ?? [] } });
  }

  if (!isPresent(getPath(ex, 'localisation.localisationReady')) || !isPresent(getPath(ex, 'localisation.availableLanguages'))) cannotKnow('localisation');
  return { edits, notes };
}

function planDescription(
  facts: Facts, m: Record<string, unknown>, ex: Record<string, unknown>, lang: Lang,
  set: (path: YamlPath, value: unknown, from: string) => void, notes: PubliccodeNote[],
): void {
  const declared = asString(getPath(m, 'product.description'));
  const readmeParagraph = facts.readme.status === 'known' ? asString(facts.readme.value.firstParagraph) : null;
  const source = declared ?? readmeParagraph;
  const from = declared ? 'os2.yaml:product.description' : 'README';
  const existing = getPath(ex, `description.${lang}`);
  const has = (key: string): boolean => isPresent(getPath(existing, key));
  if (source && !has('shortDescription')) set(['description', lang, 'shortDescription'], shortDescription(source), from);
  if (!has('longDescription')) {
    const parts = [declared, readmeParagraph].filter((p): p is string => !!p);
    const long = parts.filter((p, i) => !parts.slice(0, i).some((q) => q.includes(p) || p.includes(q))).join('\n\n');
    if (long.length >= LONG_MIN) set(['description', lang, 'longDescription'], long.slice(0, 10000), declared && readmeParagraph ? 'os2.yaml:product.description+README' : from);
    else notes.push({ code: 'publiccode.long-description', args: { lang, chars: long.length, min: LONG_MIN } });
  }
  const anyFeatures = Object.values((getPath(ex, 'description') as Record<string, unknown> | undefined) ?? {}).some((d) => isPresent(getPath(d, 'features')));
  if (!anyFeatures) notes.push({ code: 'publiccode.cannot-know', args: { field: `description.${lang}.features` } });
}

/** The first sentence, at most 150 characters, cut at a word. */
export function shortDescription(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  // The first whole sentence, as Intl's sentence segmentation reads it.
  const first = new Intl.Segmenter('en', { granularity: 'sentence' }).segment(oneLine)[Symbol.iterator]().next().value?.segment.trim();
  const sentence = first || oneLine;
  if (sentence.length <= SHORT_MAX) return sentence;
  const cut = sentence.slice(0, SHORT_MAX - 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[\s,;:.-]+$/, '') + '…';
}

/** The existing contacts with governance.lead added when absent (matched by name); null when nothing changes. */
function planLeadContact(m: Record<string, unknown>, ex: Record<string, unknown>): unknown[] | null {
  const name = asString(getPath(m, 'governance.lead.name'));
  if (!name) return null;
  const contact: Record<string, string> = { name };
  const organisation = asString(getPath(m, 'governance.lead.organisation'));
  const email = asString(getPath(m, 'governance.lead.email'));
  if (email) contact.email = email;
  if (organisation) contact.affiliation = organisation;
  const contacts = Array.isArray(getPath(ex, 'maintenance.contacts')) ? (getPath(ex, 'maintenance.contacts') as unknown[]) : [];
  const same = (c: unknown): boolean => asString(getPath(c, 'name'))?.toLowerCase() === name.toLowerCase();
  if (contacts.some(same)) return null;
  return [...contacts, contact];
}

/** The window `versioning.releases` uses for "recent", so both agree on what a recent release is. */
function releaseWindow(catalogue: LevelCatalogue): number {
  const months = catalogue.requirements.find((r) => r.check.kind === 'releases')?.check.params?.withinMonths;
  return typeof months === 'number' ? months : DEFAULT_RELEASE_MONTHS;
}

/** The origin remote (else the first) as a browsable https URL, when it is on a known forge shape. */
function remoteHttpsUrl(facts: Facts): string | null {
  if (facts.git.status !== 'known') return null;
  const remotes = facts.git.value.remotes;
  const r = codeHostRemotes(remotes)[0] ?? remotes.find((x) => x.name === 'origin') ?? remotes[0];
  if (!r) return null;
  if (r.host && r.owner && r.repo) return `https://${r.host}/${r.owner}/${r.repo}`;
  return /^https:\/\//.test(r.url) ? r.url : null;
}

function compareVersions(a: string, b: string): number {
  const va = semver.coerce(a);
  const vb = semver.coerce(b);
  return va && vb ? semver.compare(va, vb) : 0;
}

/**
 * The file's value and os2level's agree: equal, or for the licence the same licences (a file's
 * `AGPL-3.0-or-later` agrees with a licence text that reads as AGPL-3.0, which cannot say "or later").
 */
function agree(path: YamlPath, current: unknown, proposed: unknown): boolean {
  if (isDeepStrictEqual(normaliseDates(current), proposed)) return true;
  if (typeof current === 'string' && typeof proposed === 'string') {
    if (path.join('.') === 'legal.license') {
      const families = (e: string): string | null => {
        const tree = parseSpdx(e);
        return tree ? spdxLicences(tree).map((l) => spdxFamily(l.license)).sort().join(' ') : null;
      };
      const a = families(current);
      return a !== null && a === families(proposed);
    }
    if (path[0] === 'softwareVersion') return current.replace(/^v/i, '') === proposed.replace(/^v/i, '');
  }
  return false;
}

const normaliseDates = (v: unknown): unknown => (v instanceof Date ? v.toISOString().slice(0, 10) : v);

/** A value as the report shows it: a string as it is, anything else as compact JSON, bounded. */
function shown(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
