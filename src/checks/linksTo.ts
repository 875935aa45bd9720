/**
 * Whether the product points to given web hosts (OS2's own channels: os2.eu and its sub-sites):
 * a link in the README or the documentation, or a declaration in os2.yaml (an address on one of
 * the hosts, or a list of channel links the product names itself).
 */
import { declaredEvidence } from './declaredEvidence.js';
import { getPath, manifestData, stringsIn } from './declaredValue.js';
import { defineCheck, type Evidence } from './types.js';

export interface Params {
  /** Hosts that count, each also with any sub-domain (os2.eu matches www.os2.eu, faq.os2.eu). */
  hosts: string[];
  /** os2.yaml fields whose addresses count when they are on one of the hosts (e.g. product.website). */
  declaredUrls?: string[];
  /** os2.yaml fields that count whenever they are filled in (links the product names as its channels). */
  declared?: string[];
}

const MAX_EVIDENCE = 5;

export const onHost = (host: string, hosts: readonly string[]): boolean =>
  hosts.some((h) => host === h.toLowerCase() || host.endsWith(`.${h.toLowerCase()}`));

const hostOf = (url: string): string | null => {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
};

export const linksTo = defineCheck<Params>({
  paramsSchema: {
    type: 'object',
    required: ['hosts'],
    additionalProperties: false,
    properties: {
      hosts: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[a-z0-9.-]+$' } },
      declaredUrls: { type: 'array', items: { type: 'string' } },
      declared: { type: 'array', items: { type: 'string' } },
    },
  },
  run({ facts }, p) {
    const found: Evidence[] = (facts.docs.links ?? [])
      .filter((l) => onHost(l.host, p.hosts))
      .map((l) => ({ kind: 'file', path: l.path, line: l.line, value: l.url }));
    if (found.length) {
      return { outcome: 'pass', code: 'links.found', args: { count: found.length, first: String(found[0]!.value) }, evidence: found.slice(0, MAX_EVIDENCE), basis: 'verified' };
    }
    const data = manifestData(facts);
    const declaredOnHost: Evidence[] = [];
    for (const field of p.declaredUrls ?? []) {
      for (const url of stringsIn(getPath(data, field))) {
        const host = hostOf(url);
        if (host && onHost(host, p.hosts)) declaredOnHost.push({ kind: 'declared', path: field, value: url });
      }
    }
    if (declaredOnHost.length) {
      return { outcome: 'pass', code: 'links.declared', args: { first: String(declaredOnHost[0]!.value) }, evidence: declaredOnHost.slice(0, MAX_EVIDENCE), basis: 'declared' };
    }
    const decl = declaredEvidence(facts, p.declared ?? []);
    if (decl.ok) return { outcome: 'pass', code: 'declared.pass', args: { fields: decl.fields }, evidence: decl.evidence, basis: 'declared' };
    const lookedFor: Evidence[] = [
      ...p.hosts.map((h): Evidence => ({ kind: 'looked-for', value: `link:${h}` })),
      ...[...(p.declaredUrls ?? []), ...(p.declared ?? [])].map((f): Evidence => ({ kind: 'looked-for', path: f, value: `os2.yaml:${f}` })),
    ];
    return { outcome: 'fail', code: 'links.none', args: { hosts: p.hosts }, evidence: lookedFor, basis: 'none' };
  },
});
