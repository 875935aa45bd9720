import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/errors.js';
import { loadYamlFile, parseYamlText } from '../../src/yaml/load.js';
import { cleanupTempDirs, tempDir, writeFiles } from '../helpers/gitRepo.js';
import { codesAt, inputErrorOf } from './inputErrorOf.js';

afterAll(cleanupTempDirs);

describe('parseYamlText', () => {
  it('parses plain data and keeps unquoted dates as strings', () => {
    const loaded = parseYamlText('a:\n  b: [1, two]\nwhen: 2024-01-15\nflag: true\nnothing: ~\n', 'x.yaml');
    expect(loaded.data).toEqual({ a: { b: [1, 'two'] }, when: '2024-01-15', flag: true, nothing: null });
    expect(loaded.file).toBe('x.yaml');
  });

  it('reports every syntax error at once with 1-based positions', async () => {
    const text = ['a: 1', 'a: 2', 'b: [1, 2', 'c: "unterminated', ''].join('\n');
    const e = await inputErrorOf(() => parseYamlText(text, 'bad.yaml'));
    expect(e.code).toBe('yaml-invalid');
    expect(codesAt(e)).toEqual([
      ['yaml-duplicate-key', 2, 1],
      ['yaml-syntax', 4, 1],
      ['yaml-syntax', 5, 1],
    ]);
    expect(e.problems.every((p) => p.file === 'bad.yaml')).toBe(true);
    expect(formatProblem(e.problems[0]!)).toMatch(/^bad\.yaml:2:1: /);
  });

  it('reports a bad indentation and a stray mapping indicator at their positions', async () => {
    const e = await inputErrorOf(() => parseYamlText('product:\n  name: x\n description: y\nz: : :\n', 'x.yaml'));
    expect(e.problems.length).toBeGreaterThanOrEqual(2);
    expect(e.problems.map((p) => p.line)).toEqual([...e.problems.map((p) => p.line)].sort((a, b) => a - b));
    expect(e.problems.some((p) => p.line === 3)).toBe(true);
    expect(e.problems.some((p) => p.line === 4 && p.column === 4)).toBe(true);
  });

  it('treats duplicate keys as errors, also when two spellings give the same key', async () => {
    const e = await inputErrorOf(() => parseYamlText('x:\n  a: 1\n  b: 2\n  a: 3\n', 'x.yaml'));
    expect(codesAt(e)).toEqual([['yaml-duplicate-key', 4, 3]]);
    expect(e.problems[0]!.message).toContain('"a"');
    const e2 = await inputErrorOf(() => parseYamlText('1: a\n"1": b\n', 'x.yaml'));
    expect(codesAt(e2)).toEqual([['yaml-duplicate-key', 2, 1]]);
  });

  it('refuses several documents in one file', async () => {
    const e = await inputErrorOf(() => parseYamlText('a: 1\n---\nb: 2\n', 'x.yaml'));
    expect(e.problems.map((p) => p.code)).toEqual(['yaml-multiple-documents']);
  });

  it('refuses mapping keys that are collections', async () => {
    const e = await inputErrorOf(() => parseYamlText('? [a, b]\n: 1\n', 'x.yaml'));
    expect(codesAt(e)).toEqual([['yaml-complex-key', 1, 3]]);
  });

  it('stops an alias bomb quickly with a clear error', async () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, prev] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f'], ['h', 'g'], ['i', 'h']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const started = Date.now();
    const e = await inputErrorOf(() => parseYamlText(lines.join('\n') + '\n', 'bomb.yaml'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(e.problems.map((p) => p.code)).toEqual(['yaml-too-many-aliases']);
  });

  it('accepts a few ordinary aliases', () => {
    const loaded = parseYamlText('base: &m [Aarhus Kommune]\nusedBy: *m\nparticipants: *m\n', 'x.yaml');
    expect(loaded.data).toEqual({ base: ['Aarhus Kommune'], usedBy: ['Aarhus Kommune'], participants: ['Aarhus Kommune'] });
  });

  it('bounds nesting depth, for flow and block collections, without crashing', async () => {
    const flow = await inputErrorOf(() => parseYamlText('['.repeat(100_000), 'deep.yaml'));
    expect(flow.problems.map((p) => p.code)).toEqual(['yaml-too-deep']);
    let block = '';
    for (let i = 0; i < 200; i++) block += `${' '.repeat(i)}k:\n`;
    const blockErr = await inputErrorOf(() => parseYamlText(block, 'deep.yaml'));
    expect(blockErr.problems.map((p) => p.code)).toEqual(['yaml-too-deep']);
    expect(() => parseYamlText('['.repeat(10) + ']'.repeat(10), 'ok.yaml', { maxDepth: 10 })).not.toThrow();
    const limited = await inputErrorOf(() => parseYamlText('['.repeat(11) + ']'.repeat(11), 'x.yaml', { maxDepth: 10 }));
    expect(codesAt(limited)).toEqual([['yaml-too-deep', 1, 11]]);
  });

  it('keeps __proto__ and constructor keys as data without polluting prototypes', () => {
    const text = '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nnested:\n  __proto__: {polluted: 1}\n';
    const loaded = parseYamlText(text, 'x.yaml');
    const data = loaded.data as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'nested']);
    expect(JSON.parse(JSON.stringify(data)).nested).toEqual({ ['__proto__']: { polluted: 1 } });
    expect((data.nested as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses a UTF-8 file with a byte-order mark', () => {
    const loaded = parseYamlText('\uFEFFname: Ærø Kommune\n', 'bom.yaml');
    expect(loaded.data).toEqual({ name: 'Ærø Kommune' });
    expect(loaded.locate('/name')).toEqual({ line: 1, column: 7 });
  });

  it('gives an empty document as null', () => {
    expect(parseYamlText('', 'x.yaml').data).toBeNull();
    expect(parseYamlText('# only a comment\n', 'x.yaml').data).toBeNull();
  });
});

describe('locate', () => {
  const text = [
    'governance:', //        1
    '  lead:', //            2
    '    name: 42', //       3
    '  participants:', //    4
    '    - Aarhus Kommune', // 5
    '    - Ballerup Kommune', // 6
    '  secretariat:', //     7
    'a/b: {x~y: 1}', //      8
    '',
  ].join('\n');
  const loaded = parseYamlText(text, 'x.yaml');

  it('maps pointers to value positions', () => {
    expect(loaded.locate('')).toEqual({ line: 1, column: 1 });
    expect(loaded.locate('/governance/lead/name')).toEqual({ line: 3, column: 11 });
    expect(loaded.locate('/governance/participants/1')).toEqual({ line: 6, column: 7 });
  });

  it('points at the key when asked, or when the value is empty', () => {
    expect(loaded.locate('/governance/lead/name', { key: true })).toEqual({ line: 3, column: 5 });
    expect(loaded.locate('/governance/secretariat')).toEqual({ line: 7, column: 3 });
  });

  it('falls back to the deepest existing ancestor for a missing node', () => {
    expect(loaded.locate('/governance/lead/organisation')).toEqual(loaded.locate('/governance/lead'));
    expect(loaded.locate('/governance/participants/9')).toEqual(loaded.locate('/governance/participants'));
  });

  it('decodes ~0 and ~1 in pointer segments', () => {
    expect(loaded.locate('/a~1b/x~0y')).toEqual({ line: 8, column: 12 });
  });
});

describe('loadYamlFile', () => {
  it('loads a file from disk', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'ok.yaml': 'a: 1\n' });
    const loaded = await loadYamlFile(join(dir, 'ok.yaml'));
    expect(loaded.data).toEqual({ a: 1 });
    expect(loaded.file).toBe(join(dir, 'ok.yaml'));
  });

  it('reports a missing file', async () => {
    const e = await inputErrorOf(() => loadYamlFile(join(tempDir(), 'nope.yaml')));
    expect(e.code).toBe('file-not-found');
    expect(e.problems.map((p) => p.code)).toEqual(['file-not-found']);
  });

  it('reports a directory given instead of a file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'os2.yaml'));
    const e = await inputErrorOf(() => loadYamlFile(join(dir, 'os2.yaml')));
    expect(e.code).toBe('file-unreadable');
  });

  it('reports an unreadable file', async (ctx) => {
    const dir = tempDir();
    writeFiles(dir, { 'secret.yaml': 'a: 1\n' });
    const path = join(dir, 'secret.yaml');
    chmodSync(path, 0o000);
    try {
      // root reads regardless of mode bits, so there is nothing to observe.
      if (process.getuid?.() === 0) ctx.skip();
      const e = await inputErrorOf(() => loadYamlFile(path));
      expect(e.code).toBe('file-unreadable');
    } finally {
      chmodSync(path, 0o644);
    }
  });

  it('refuses a file over the size limit before parsing it', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'big.yaml': `a: "${'x'.repeat(2000)}"\n` });
    const e = await inputErrorOf(() => loadYamlFile(join(dir, 'big.yaml'), { maxBytes: 1000 }));
    expect(e.code).toBe('file-too-large');
    await expect(loadYamlFile(join(dir, 'big.yaml'))).resolves.toBeDefined();
  });

  it('refuses the default limit of 1 MiB', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'big.yaml': `# ${'x'.repeat(1024 * 1024)}\n` });
    const e = await inputErrorOf(() => loadYamlFile(join(dir, 'big.yaml')));
    expect(e.code).toBe('file-too-large');
  });

  it('reports bytes that are not UTF-8', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'latin1.yaml': Buffer.from([0x61, 0x3a, 0x20, 0xe6, 0x0a]) });
    const e = await inputErrorOf(() => loadYamlFile(join(dir, 'latin1.yaml')));
    expect(e.code).toBe('file-not-utf8');
  });

  it('parses a file with a UTF-8 byte-order mark', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'bom.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: Ærø\n')]) });
    expect((await loadYamlFile(join(dir, 'bom.yaml'))).data).toEqual({ name: 'Ærø' });
  });

  it('puts positions on syntax errors in files', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'bad.yaml': 'ok: 1\nbad: [\n' });
    const e = await inputErrorOf(() => loadYamlFile(join(dir, 'bad.yaml')));
    expect(e).toBeInstanceOf(InputError);
    expect(e.problems[0]!.file).toBe(join(dir, 'bad.yaml'));
    expect(e.problems[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
