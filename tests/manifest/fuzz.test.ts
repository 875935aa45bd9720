import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, type SourceProblem } from '../../src/errors.js';
import { manifestSchema } from '../../src/manifest/load.js';
import { parseYamlText } from '../../src/yaml/load.js';
import { validateAgainstSchema } from '../../src/yaml/validate.js';

const example = readFileSync(new URL('../../examples/os2.example.yaml', import.meta.url), 'utf8');
const exampleLines = example.split('\n');

/** Parses and validates; only InputError may escape, and every problem must carry a sane position. */
function parseAndValidate(text: string): void {
  const lineCount = text.split(/\r\n|\r|\n/).length + 1;
  const saneProblem = (p: SourceProblem) =>
    Number.isInteger(p.line) && Number.isInteger(p.column) && p.line >= 1 && p.column >= 1 && p.line <= lineCount && p.code.length > 0;
  try {
    const loaded = parseYamlText(text, 'os2.yaml');
    const problems = validateAgainstSchema(manifestSchema(), loaded);
    expect(problems.every(saneProblem)).toBe(true);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    expect(e.problems.every(saneProblem)).toBe(true);
  }
}

const yamlToken = fc.constantFrom(':', '- ', '[', ']', '{', '}', '&a ', '*a', '? ', '|', '>', '#', '"', "'", '!!str ', '---', '\t', '  ', '\n', '__proto__: ', '~', '2024-13-45', 'null', 'true', '1e999', '<<: ');

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(yamlToken, fc.string({ maxLength: 8 })) }),
);

function mutate(lines: string[], m: fc.Infer<typeof mutation>): string[] {
  const out = [...lines];
  const i = m.at % out.length;
  const line = out[i]!;
  switch (m.kind) {
    case 'delete':
      out.splice(i, 1);
      break;
    case 'duplicate':
      out.splice(i, 0, line);
      break;
    case 'indent':
      out[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.slice(Math.min(-m.by, line.length - line.trimStart().length));
      break;
    case 'insert': {
      const col = m.at % (line.length + 1);
      out[i] = line.slice(0, col) + m.text + line.slice(col);
      break;
    }
  }
  return out;
}

// Time-bounded rather than count-bounded, so the suite stays fast on slow machines.
const budget = { numRuns: 1_000_000, interruptAfterTimeLimit: 1000, markInterruptAsFailure: false };

describe('parsing and validating arbitrary input', () => {
  it('raises nothing but InputError for random text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.array(yamlToken, { maxLength: 40 }).map((t) => t.join(''))), parseAndValidate), budget);
  });

  it('raises nothing but InputError for mutated valid manifests', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (ms) => {
        parseAndValidate(ms.reduce(mutate, exampleLines).join('\n'));
      }),
      budget,
    );
  });
});
