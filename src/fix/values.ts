/**
 * The values fix templates are filled with: only what os2.yaml declares or the repository shows.
 * Nothing is invented; a missing value leaves the template's placeholder.
 */
import { getPath, manifestData } from '../checks/declaredValue.js';
import { globMatcher } from '../facts/globs.js';
import { isoDay } from '../checks/time.js';
import { versionTagsNewestFirst } from '../checks/versionTags.js';
import type { Facts } from '../facts/types.js';
import { bulletList, renderTemplate, type TemplateValues } from './render.js';
import type { FixData } from './types.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
const code = (path: string): string => `\`${path}\``;

/** An address someone can write to: an e-mail address or an http(s) URL, nothing else. */
const CONTACT = /^(mailto:)?[^\s@]+@[^\s@]+\.[a-z]{2,}$|^https?:\/\/\S+$/i;

export function fixValues(facts: Facts, data: FixData, templates: Record<string, string>): TemplateValues {
  const m = manifestData(facts) ?? {};
  const rootFiles = facts.files.paths.filter((p) => !p.includes('/'));
  const runtimes: string[] = [];
  for (const [glob, name] of Object.entries(data.ecosystems)) {
    const hit = rootFiles.find(globMatcher([glob]));
    if (hit && !runtimes.some((r) => r.startsWith(`${name} `))) runtimes.push(`${name} (${code(hit)})`);
  }
  const operators = (Array.isArray(getPath(m, 'operations.operators')) ? (getPath(m, 'operations.operators') as unknown[]) : [])
    .map((o) => [str(getPath(o, 'name')), str(getPath(o, 'role'))])
    .filter((o): o is [string, string | undefined] => o[0] !== undefined)
    .map(([name, role]) => (role ? `${name} (${role})` : name));
  const securityDescription = str(getPath(m, 'security.description'));
  const securityContact = str(getPath(m, 'security.contact'));
  const tracker = str(getPath(m, 'issueTracker.url')) ?? inferredTracker(facts);
  const tags = facts.git.status === 'known' ? versionTagsNewestFirst(facts.git.value) : [];
  const releases = tags.length
    ? tags.map((t) => renderTemplate(templates['changelog-entry.md'] ?? '', { version: t.name.replace(/^v(?=\d)/i, ''), date: isoDay(t.date) || '—' })).join('')
    : renderTemplate(templates['changelog-unreleased.md'] ?? '', {});
  const name = str(getPath(m, 'product.name')) ?? (facts.readme.status === 'known' ? str(facts.readme.value.title) : undefined) ?? baseName(facts.root);
  const description = str(getPath(m, 'product.description')) ?? (facts.publiccode?.status === 'known' ? str(facts.publiccode.value.description) : undefined);
  return {
    name,
    description,
    runtimes: bulletList(runtimes),
    components: bulletList(strings(getPath(m, 'operations.components'))),
    containers: bulletList(facts.wellKnown.containers.map((f) => code(f.path))),
    containerFiles: bulletList(facts.wellKnown.containers.map((f) => code(f.path))),
    interfaceSpecs: bulletList(facts.wellKnown.interfaceSpecs.map((f) => code(f.path))),
    lintConfigs: bulletList(facts.wellKnown.lintConfigs.map((f) => code(f.path))),
    // A description that is a path or URL is a pointer, not a description to copy.
    securityDescription: securityDescription && /\s/.test(securityDescription) ? securityDescription : undefined,
    // Only a real, declared address: a made-up one would make security.disclosure pass on nothing.
    securityContact: securityContact && CONTACT.test(securityContact) ? securityContact : undefined,
    issueTracker: tracker,
    releases,
    operators: bulletList(operators),
    maintainers: bulletList(strings(getPath(m, 'operations.maintainers'))),
    hostingModel: bulletList(strings(getPath(m, 'operations.hostingModel'))),
    monitoring: str(getPath(m, 'operations.monitoring')),
    deployment: str(getPath(m, 'operations.deployment')),
    backup: str(getPath(m, 'operations.backup')),
    financing: str(getPath(m, 'operations.financing')),
  };
}

function inferredTracker(facts: Facts): string | undefined {
  if (facts.git.status !== 'known') return undefined;
  const r = facts.git.value.remotes.find((x) => x.host && x.owner && x.repo && /^(github\.com|gitlab\.com|codeberg\.org)$/i.test(x.host));
  return r ? `https://${r.host}/${r.owner}/${r.repo}/issues` : undefined;
}

const baseName = (root: string): string => root.split(/[\\/]/).filter(Boolean).pop() ?? root;
