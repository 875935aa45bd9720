import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COVERAGE_PARSERS, detectFormat } from '../../src/coverage/detect.js';
import type { ParseOutcome } from '../../src/coverage/outcome.js';
import { CLOVER, COBERTURA, COBERTURA_LINES, GO_PROFILE, ISTANBUL_FINAL, ISTANBUL_SUMMARY, JACOCO, LCOV } from './fixtures.js';

type Format = keyof typeof COVERAGE_PARSERS;

/** Feeds the text in small chunks, so values and lines that straddle chunk boundaries are exercised. */
const streamOf = (content: string | Buffer, chunk = 7): Readable => {
  const buf = typeof content === 'string' ? Buffer.from(content) : content;
  const parts: Buffer[] = [];
  for (let i = 0; i < buf.length; i += chunk) parts.push(buf.subarray(i, i + chunk));
  return Readable.from(parts, { objectMode: false });
};

const parse = (format: Format, content: string | Buffer, chunk?: number): Promise<ParseOutcome> => COVERAGE_PARSERS[format](streamOf(content, chunk));

const counts = async (format: Format, content: string) => {
  const r = await parse(format, content);
  if (!r.ok) throw new Error(r.reason);
  return r.counts;
};

describe('parsers give the exact totals of each format', () => {
  it('lcov: LF/LH per record, else DA lines; BRF/BRH, else BRDA', async () => {
    expect(await counts('lcov', LCOV)).toEqual({ linesCovered: 30, linesTotal: 40, branchesCovered: 3, branchesTotal: 4 });
  });
  it('lcov without any branch data has null branches', async () => {
    expect(await counts('lcov', 'SF:a\nDA:1,1\nDA:2,0\nend_of_record\n')).toEqual({ linesCovered: 1, linesTotal: 2, branchesCovered: null, branchesTotal: null });
  });
  it('cobertura: root totals', async () => {
    expect(await counts('cobertura', COBERTURA)).toEqual({ linesCovered: 10, linesTotal: 60, branchesCovered: 2, branchesTotal: 8 });
  });
  it('cobertura: summed class lines when the root has no totals', async () => {
    expect(await counts('cobertura', COBERTURA_LINES)).toEqual({ linesCovered: 2, linesTotal: 3, branchesCovered: 1, branchesTotal: 2 });
  });
  it('jacoco: only the report-level counters', async () => {
    expect(await counts('jacoco', JACOCO)).toEqual({ linesCovered: 45, linesTotal: 50, branchesCovered: 6, branchesTotal: 10 });
  });
  it('clover: project statements as lines', async () => {
    expect(await counts('clover', CLOVER)).toEqual({ linesCovered: 80, linesTotal: 100, branchesCovered: 5, branchesTotal: 10, lineUnit: 'statements' });
  });
  it('istanbul summary: total.lines and total.branches', async () => {
    expect(await counts('istanbul-summary', ISTANBUL_SUMMARY)).toEqual({ linesCovered: 25, linesTotal: 50, branchesCovered: 1, branchesTotal: 4 });
  });
  it('istanbul final: lines from statement start lines, branches from b', async () => {
    expect(await counts('istanbul-final', ISTANBUL_FINAL)).toEqual({ linesCovered: 3, linesTotal: 4, branchesCovered: 2, branchesTotal: 3 });
    // chunking does not change the result
    expect(await parse('istanbul-final', ISTANBUL_FINAL, 1)).toEqual(await parse('istanbul-final', ISTANBUL_FINAL, 65536));
  });
  it('go: statements, identical blocks counted once', async () => {
    expect(await counts('go', GO_PROFILE)).toEqual({ linesCovered: 5, linesTotal: 7, branchesCovered: null, branchesTotal: null, lineUnit: 'statements' });
  });
});

describe('detectFormat', () => {
  it.each([
    ['lcov.info', LCOV, 'lcov'],
    ['coverage.xml', COBERTURA, 'cobertura'],
    ['whatever.xml', COBERTURA_LINES, 'cobertura'],
    ['jacocoTestReport.xml', JACOCO, 'jacoco'],
    ['clover.xml', CLOVER, 'clover'],
    ['coverage-summary.json', ISTANBUL_SUMMARY, 'istanbul-summary'],
    ['coverage-final.json', ISTANBUL_FINAL, 'istanbul-final'],
    ['coverage.out', GO_PROFILE, 'go'],
    ['notes.txt', 'hello', null],
  ] as const)('%s', (name, content, format) => {
    expect(detectFormat(name, Buffer.from(content))).toBe(format);
  });
});

describe('broken input fails with a position, never throws', () => {
  const failure = async (format: Format, content: string) => {
    const r = await parse(format, content);
    expect(r.ok).toBe(false);
    return r.ok ? '' : r.reason;
  };
  it('truncated XML', async () => {
    expect(await failure('cobertura', COBERTURA.slice(0, 300))).toMatch(/line \d+, column \d+/);
    expect(await failure('jacoco', JACOCO.slice(0, 200))).toMatch(/line \d+, column \d+/);
    expect(await failure('clover', CLOVER.slice(0, 250))).toMatch(/line \d+, column \d+/);
  });
  it('garbage lcov', async () => {
    expect(await failure('lcov', 'SF:a\nDA:1,1\nthis is not lcov\nend_of_record\n')).toMatch(/^line 3: not an lcov line/);
    expect(await failure('lcov', 'SF:a\nLF:many\nend_of_record\n')).toMatch(/^line 2: LF is not a count/);
  });
  it('truncated lcov (record without end_of_record)', async () => {
    expect(await failure('lcov', LCOV.slice(0, LCOV.lastIndexOf('end_of_record')))).toMatch(/truncated: the record started at line 13/);
  });
  it('truncated and invalid JSON', async () => {
    expect(await failure('istanbul-final', ISTANBUL_FINAL.slice(0, 200))).toMatch(/truncated: .*offset \d+/);
    expect(await failure('istanbul-summary', '{"total": {"lines": }}')).toMatch(/offset 1/);
    expect(await failure('istanbul-final', '[1,2]')).toMatch(/offset 0/);
  });
  it('garbage go profile', async () => {
    expect(await failure('go', 'mode: set\na.go:1.1,2.2 x 1\n')).toMatch(/^line 2:/);
    expect(await failure('go', 'a.go:1.1,2.2 1 1\n')).toMatch(/^line 1: missing "mode:"/);
  });
  it('a wrong root element', async () => {
    expect(await failure('jacoco', COBERTURA)).toMatch(/root element is <coverage>/);
  });

  const FIXTURES: Record<Format, string> = {
    lcov: LCOV,
    cobertura: COBERTURA_LINES,
    jacoco: JACOCO,
    clover: CLOVER,
    'istanbul-summary': ISTANBUL_SUMMARY,
    'istanbul-final': ISTANBUL_FINAL,
    go: GO_PROFILE,
  };

  it('random and mutated bytes through every parser resolve to an outcome', async () => {
    const formats = Object.keys(FIXTURES) as Format[];
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((a) => Buffer.from(a)),
      fc
        .record({ format: fc.constantFrom(...formats), cut: fc.nat(), edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }) })
        .map(({ format, cut, edits }) => {
          const buf = Buffer.from(FIXTURES[format]);
          for (const [at, byte] of edits) buf[at % buf.length] = byte;
          return buf.subarray(0, cut % (buf.length + 1));
        }),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.constantFrom(...formats), fc.integer({ min: 1, max: 64 }), async (bytes, format, chunk) => {
        const r = await parse(format, bytes, chunk);
        expect(typeof r.ok).toBe('boolean');
        if (r.ok) expect(r.counts.linesCovered).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
        else expect(r.reason.length).toBeGreaterThan(0);
      }),
      { interruptAfterTimeLimit: 2000, numRuns: 2000 },
    );
  });
});
