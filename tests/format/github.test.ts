import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, githubAnnotations, githubSummary, workflowCommand } from '../../src/format/github.js';
import { formatMarkdown } from '../../src/format/markdown.js';
import { ctx, HOSTILE, report } from './fixtures.js';

const COMMAND = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/;
const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string): string => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));

function parse(line: string): { command: string; props: Record<string, string>; message: string } {
  const m = COMMAND.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i), unescapeProperty(p.slice(i + 1))];
  }));
  return { command: m[1]!, props, message: unescapeData(m[3]!) };
}

describe('github workflow commands', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\nb', 'a%0Ab', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['a: b', 'a: b', 'a%3A b'],
    ['a, b', 'a, b', 'a%2C b'],
    ['%0A', '%250A', '%250A'],
    ['::error::x', '::error::x', '%3A%3Aerror%3A%3Ax'],
  ])('escapes %j as data %j and as a property %j', (raw, data, property) => {
    expect(escapeData(raw)).toBe(data);
    expect(escapeProperty(raw)).toBe(property);
  });

  it('round-trips a hostile message and title', () => {
    const line = workflowCommand('error', { file: 'a,b:c.md', line: 3, title: HOSTILE }, HOSTILE);
    expect(line.split('\n')).toHaveLength(1);
    expect(parse(line)).toEqual({ command: 'error', props: { file: 'a,b:c.md', line: '3', title: HOSTILE }, message: HOSTILE });
  });

  it('annotates what blocks the next level as errors (a blocking unknown too), shoulds below it as warnings, what lies above as notices, and ends with the level', () => {
    const lines = githubAnnotations(report('en'), ctx()).trimEnd().split('\n');
    const parsed = lines.map(parse);
    // Titles lead with OS2's item: "F1 · versioning.active: …".
    const byId = Object.fromEntries(parsed.filter((p) => p.props.title?.includes(':')).map((p) => [p.props.title!.split(':')[0]!.split(' · ').at(-1), p]));
    expect(parsed.find((p) => p.props.title?.includes('versioning.active'))!.props.title!.startsWith('F1 · versioning.active: ')).toBe(true);
    expect(Object.fromEntries(Object.entries(byId).map(([id, p]) => [id, p.command]))).toEqual({
      'versioning.active': 'warning', // minimum should: not gated
      'relevance.value-for-others': 'error', // N1 must
      'relevance.local-value': 'error', // N1 must, unknown: blocks N1 all the same
      'tests.coverage': 'notice', // N2: above the next level
      'governance.lead': 'error',
    });
    // Errors first, then warnings, then notices.
    const order = parsed.map((p) => p.command);
    expect(order).toEqual([...order].sort((a, b) => ['error', 'warning', 'notice'].indexOf(a) - ['error', 'warning', 'notice'].indexOf(b)));
    expect(byId['governance.lead']!.message.startsWith(HOSTILE)).toBe(true);
    expect(byId['relevance.value-for-others']!.props.file).toBe('os2.yaml');
    expect(parsed.at(-1)!.command).toBe('notice');
    expect(parsed.at(-1)!.props.title).toBe('os2level · OS2example');
  });

  it('carries the evidence file and line', () => {
    const rep = report('en');
    rep.results[0]!.requirements.find((q) => q.id === 'versioning.active')!.evidence = [{ kind: 'file', path: 'CHANGELOG.md', line: 4 }];
    const line = githubAnnotations(rep, ctx()).trimEnd().split('\n').map(parse).find((p) => p.props.title?.includes(' · versioning.active'))!;
    expect(line.props).toMatchObject({ file: 'CHANGELOG.md', line: '4' });
  });

  it('--min-level moves the gate: at N2 the broken coverage check is an error too', () => {
    const parsed = githubAnnotations(report('en'), { ...ctx(), gate: { minLevel: 2 } }).trimEnd().split('\n').map(parse);
    expect(parsed.find((p) => p.props.title?.includes('tests.coverage'))!.command).toBe('error');
  });

  it('the job summary is the Markdown view and a table of everything not met; without $GITHUB_STEP_SUMMARY the view prints both', () => {
    const rep = report('en');
    const summary = githubSummary(rep, ctx());
    expect(summary.startsWith(formatMarkdown(rep, ctx()))).toBe(true);
    expect(summary).toContain('#### Not met, what blocks N1 first');
    for (const id of ['relevance.value-for-others', 'relevance.local-value', 'governance.lead', 'versioning.active', 'tests.coverage']) expect(summary).toContain(`\`${id}\``);
    expect(formatGithub(rep, ctx())).toBe(`${githubAnnotations(rep, ctx())}\n${summary}`);
  });
});
