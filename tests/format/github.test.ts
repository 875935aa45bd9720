import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub, workflowCommand } from '../../src/format/github.js';
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

  it('annotates unmet requirements by strength, unknown as notice, and ends with the level', () => {
    const lines = formatGithub(report('en'), ctx()).trimEnd().split('\n');
    const parsed = lines.map(parse);
    // Titles lead with OS2's item: "F1 · versioning.active: …".
    const byId = Object.fromEntries(parsed.filter((p) => p.props.title?.includes(':')).map((p) => [p.props.title!.split(':')[0]!.split(' · ').at(-1), p]));
    expect(parsed.find((p) => p.props.title?.includes('versioning.active'))!.props.title!.startsWith('F1 · versioning.active: ')).toBe(true);
    expect(Object.fromEntries(Object.entries(byId).map(([id, p]) => [id, p.command]))).toEqual({
      'versioning.active': 'warning',
      'relevance.value-for-others': 'error',
      'relevance.local-value': 'notice',
      'tests.coverage': 'error',
      'governance.lead': 'error',
    });
    expect(byId['governance.lead']!.message.startsWith(HOSTILE)).toBe(true);
    expect(byId['relevance.value-for-others']!.props.file).toBe('os2.yaml');
    expect(parsed.at(-1)!.command).toBe('notice');
    expect(parsed.at(-1)!.props.title).toBe('os2level · OS2example');
  });

  it('carries the evidence file and line', () => {
    const rep = report('en');
    rep.results[0]!.requirements.find((q) => q.id === 'versioning.active')!.evidence = [{ kind: 'file', path: 'CHANGELOG.md', line: 4 }];
    const line = formatGithub(rep, ctx()).trimEnd().split('\n').map(parse).find((p) => p.props.title?.includes(' · versioning.active'))!;
    expect(line.props).toMatchObject({ file: 'CHANGELOG.md', line: '4' });
  });
});
