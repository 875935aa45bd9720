import { describe, expect, it } from 'vitest';
import { operationsSetup } from '../../src/checks/operationsSetup.js';
import type { Heading } from '../../src/facts/types.js';
import { decision, emptyFacts, runCheck, withManifest } from '../helpers/facts.js';

const params = {
  topics: [
    { id: 'operators' as const, headings: ['Operators', 'Driftsansvar'] },
    { id: 'backup' as const, headings: ['Backup', 'Sikkerhedskopiering'] },
    { id: 'monitoring' as const, headings: ['Monitoring', 'Overvågning'] },
  ],
  docPaths: ['docs/operations*', 'docs/drift*', '**/runbook*'],
};
const h = (text: string, path = 'docs/operations.md'): Heading => ({ path, text, depth: 2, line: 4 });
const withHeadings = (...headings: Heading[]) =>
  emptyFacts({ files: { source: 'git', paths: ['docs/operations.md', 'docs/ops/backup.md'], symlinksOutside: [], truncated: false }, docs: { textFiles: headings.map((x) => x.path), officeFiles: [], siteConfigs: [], headings, architecture: null } });
const ops = (operations: Record<string, unknown>, base = emptyFacts()) => withManifest(base, { operations });
const ALL = { operators: [{ name: 'Aarhus IT', role: 'hosting' }], backup: 'Nightly dumps, kept 30 days.', monitoring: 'Prometheus alerts.' };

describe('operations-setup', () => {
  it.each([
    ['every topic declared', ops(ALL), 'pass', 'operations.pass', 'declared', { count: 3 }],
    ['every topic as a heading in an operations doc', withHeadings(h('Operators'), h('Backup'), h('Overvågning', 'docs/drift.md')), 'pass', 'operations.pass', 'verified', { count: 3 }],
    ['declared and documented mixed', ops({ backup: 'Nightly.' }, withHeadings(h('Driftsansvar'), h('Monitoring', 'ops/runbook.md'))), 'pass', 'operations.pass', 'verified', {}],
    ['one topic missing', ops({ operators: ALL.operators, backup: ALL.backup }), 'fail', 'operations.missing-topics', 'verified', { missing: ['monitoring'], count: 2, of: 3 }],
    ['nothing', emptyFacts(), 'fail', 'operations.missing-topics', 'none', { missing: ['operators', 'backup', 'monitoring'], count: 0, of: 3 }],
    ['blank declarations do not count', ops({ operators: [], backup: ' ', monitoring: null }), 'fail', 'operations.missing-topics', 'none', { count: 0 }],
    ['headings outside operations docs do not count', withHeadings(h('Operators', 'README.md'), h('Backup', 'docs/install.md'), h('Monitoring', 'docs/ops/backup.md')), 'fail', 'operations.missing-topics', 'none', { count: 0 }],
  ] as const)('%s', (_n, facts, outcome, code, basis, args) => {
    expect(decision(runCheck(operationsSetup, facts, params))).toMatchObject({ outcome, code, basis, args });
  });

  // Spec "Evidence kinds": a declared repository path must exist. operations-setup counts any
  // present value, so a path that is not there (or climbs out) is taken as evidence.
  it.each([
    ['a repository path that does not exist', 'docs/backup-procedure.md'],
    ['a path that climbs out of the repository', '../../etc/passwd'],
  ])('a declared operations topic that is %s is not evidence', (_n, backup) => {
    const r = runCheck(operationsSetup, ops({ ...ALL, backup }, withHeadings()), params);
    expect(r.outcome).toBe('fail');
  });
});
