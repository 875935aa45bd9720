// SARIF is validated against the official SARIF 2.1.0 schema (tests/fixtures/sarif-schema-2.1.0.json;
// see sarifSchema.ts).
import { describe, expect, it } from 'vitest';
import { formatSarif, ruleName } from '../../src/format/sarif.js';
import { catalogue, ctx, LANGS, report } from './fixtures.js';
import { sarifErrors } from './sarifSchema.js';

interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri?: string; rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string; markdown: string }; helpUri?: string; properties: Record<string, unknown> }[] } };
    automationDetails: { id: string };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number; startColumn?: number } } }[]; suppressions?: { kind: string; status: string; justification: string }[] }[];
  }[];
}

const sarif = (lang: 'da' | 'en'): Log => JSON.parse(formatSarif(report(lang), ctx())) as Log;

describe('sarif', () => {
  it.each(LANGS)('validates against the SARIF 2.1.0 schema (%s)', (lang) => {
    expect(sarifErrors(sarif(lang))).toEqual([]);
  });

  it('the schema subset rejects what the official schema rejects', () => {
    const log = sarif('en');
    expect(sarifErrors({ ...log, version: '2.0.0' })).not.toEqual([]);
    const run = log.runs[0]!;
    expect(sarifErrors({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: 'fatal' }] }] })).not.toEqual([]);
    expect(sarifErrors({ ...log, runs: [{ ...run, results: [{ ...run.results[0], severity: 'high' }] }] })).not.toEqual([]);
  });

  it('has one rule per requirement with texts in the report language and OS2 properties', () => {
    const cat = catalogue();
    for (const lang of LANGS) {
      const { rules } = sarif(lang).runs[0]!.tool.driver;
      expect(rules.map((r) => r.id)).toEqual(cat.requirements.map((r) => r.id));
      const readme = rules.find((r) => r.id === 'docs.readme')!;
      const def = cat.requirements.find((r) => r.id === 'docs.readme')!;
      expect(readme.name).toBe('DocsReadme');
      expect(readme.shortDescription.text).toBe(def.title[lang]);
      expect(readme.fullDescription.text).toBe(def.description[lang]);
      expect(readme.help.text).toContain(def.remediation[lang]);
      expect(readme.help.markdown).toContain(def.remediation[lang]);
      // The README's section on the requirement's area (GitHub's heading anchor).
      expect(readme.helpUri).toBe('https://github.com/OS2offdig/os2level/blob/main/README.md#documentation');
      expect(readme.properties).toMatchObject({ level: 0, strength: 'must', area: 'documentation', source: 'os2', os2Item: 'F5', checklist: 'test-2026' });
    }
    expect(ruleName('versioning.os2-organisation')).toBe('VersioningOs2Organisation');
  });

  it('reports every unmet requirement with the level its strength and outcome call for', () => {
    const run = sarif('en').runs[0]!;
    const level = Object.fromEntries(run.results.map((r) => [r.ruleId, r.level]));
    expect(level).toEqual({
      'versioning.active': 'warning', // should, fail
      'legal.procurement': 'error', // must, explained (suppressed)
      'docs.interfaces': 'warning', // should, not applicable (suppressed)
      'relevance.value-for-others': 'error', // must, fail
      'relevance.local-value': 'note', // unknown
      'tests.coverage': 'error', // must, the check broke
      'governance.lead': 'error', // must, explanation expired
      'strategy.os2-strategy': 'error', // must, not applicable (suppressed)
    });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('suppresses explained and not-applicable results with the justification, but not expired ones', () => {
    const run = sarif('en').runs[0]!;
    const suppressed = Object.fromEntries(run.results.filter((r) => r.suppressions).map((r) => [r.ruleId, r.suppressions!]));
    expect(Object.keys(suppressed).sort()).toEqual(['docs.interfaces', 'legal.procurement', 'strategy.os2-strategy']);
    expect(suppressed['legal.procurement']![0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(suppressed['legal.procurement']![0]!.justification).toContain('Built in-house; no procurement took place.');
    expect(suppressed['docs.interfaces']![0]!.justification).toContain('The product has no interfaces.');
    const lead = run.results.find((r) => r.ruleId === 'governance.lead')!;
    expect(lead.message.text).toContain('2025-01-01');
  });

  it('points at the evidence file and line, else the manifest, relative to %SRCROOT%', () => {
    const run = sarif('en').runs[0]!;
    expect(run.originalUriBaseIds['%SRCROOT%']!.uri).toBe('file:///repos/os2example/');
    const loc = (id: string) => run.results.find((r) => r.ruleId === id)!.locations[0]!.physicalLocation;
    // Something absent is located at the manifest that can declare it; every location has a region.
    expect(loc('relevance.value-for-others')).toEqual({ artifactLocation: { uri: 'os2.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
    for (const r of run.results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(r.locations[0]!.physicalLocation.region!.startLine).toBeGreaterThanOrEqual(1);
    }
  });

  it('without a manifest, something absent is located at the repository root, never at an os2.yaml that does not exist', () => {
    const rep = report('en');
    rep.results[0]!.manifest = null;
    const run = (JSON.parse(formatSarif(rep, ctx())) as Log).runs[0]!;
    const loc = run.results.find((r) => r.ruleId === 'relevance.value-for-others')!.locations[0]!.physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: '', uriBaseId: '%SRCROOT%' });
    for (const r of run.results) expect(r.locations[0]!.physicalLocation.artifactLocation.uri).not.toBe('os2.yaml');
  });

  it('a manifest key is located at its line and column; a coverage report at its first line', () => {
    const rep = report('en');
    const qs = rep.results[0]!.requirements;
    qs.find((r) => r.id === 'relevance.value-for-others')!.evidence = [{ kind: 'declared', path: 'relevance.valueForOthers', line: 9, column: 3 }];
    qs.find((r) => r.id === 'versioning.active')!.evidence = [{ kind: 'coverage', path: 'coverage/lcov.info', value: '10/20' }];
    const run = (JSON.parse(formatSarif(rep, ctx())) as Log).runs[0]!;
    const loc = (id: string) => run.results.find((r) => r.ruleId === id)!.locations[0]!.physicalLocation;
    expect(loc('relevance.value-for-others')).toEqual({ artifactLocation: { uri: 'os2.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 9, startColumn: 3 } });
    expect(loc('versioning.active')).toEqual({ artifactLocation: { uri: 'coverage/lcov.info', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
  });

  it('names the README as informationUri', () => {
    expect(sarif('en').runs[0]!.tool.driver.informationUri).toBe('https://github.com/OS2offdig/os2level/blob/main/README.md');
  });

  it('encodes paths as URI references and carries the evidence line', () => {
    const rep = report('en');
    const q = rep.results[0]!.requirements.find((r) => r.id === 'versioning.active')!;
    q.evidence = [{ kind: 'heading', path: 'docs/drift dokumentation.md', line: 7 }];
    const log = JSON.parse(formatSarif(rep, ctx())) as Log;
    const r = log.runs[0]!.results.find((x) => x.ruleId === 'versioning.active')!;
    expect(r.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'docs/drift%20dokumentation.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 7 } });
    expect(sarifErrors(log)).toEqual([]);
  });

  it('names the tool and a stable automation category, and is deterministic', () => {
    const run = sarif('en').runs[0]!;
    expect(run.tool.driver).toMatchObject({ name: 'os2level', version: '9.8.7', semanticVersion: '9.8.7' });
    expect(run.automationDetails.id).toBe('os2level/test-catalogue/');
    expect(formatSarif(report('da'), ctx())).toBe(formatSarif(report('da'), ctx()));
  });
});
