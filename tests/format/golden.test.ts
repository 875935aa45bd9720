/**
 * Golden files for every output format, in both languages, from the hand-built report that holds
 * every outcome kind (tests/format/fixtures.ts). Compared byte for byte; after an intended change,
 * `UPDATE_GOLDEN=1 npx vitest run tests/format/golden.test.ts` rewrites them — review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatExplanationsJson, formatExplanationsText } from '../../src/format/explanations.js';
import { formatNames, formatters, type FormatName } from '../../src/format/registry.js';
import { ctx, LANGS, report } from './fixtures.js';
import { withProductReport, type OwnAnswer } from './productAnswers.js';

const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const EXTENSION: Record<FormatName, string> = {
  text: 'txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'xml',
  markdown: 'md',
  github: 'txt',
  'os2-self-assessment': 'json',
  'os2-self-assessment-md': 'md',
  'governance-report': 'md',
  'os2-evaluation': 'md',
};

function expectGolden(file: string, actual: string): void {
  const path = GOLDEN_DIR + file;
  if (UPDATE) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) throw new Error(`golden file tests/format/golden/${file} is missing; create it with UPDATE_GOLDEN=1`);
  // Byte for byte: compare buffers, so encodings, line endings and trailing whitespace all count.
  const expected = readFileSync(path);
  const got = Buffer.from(actual, 'utf8');
  if (!expected.equals(got)) expect(actual, `differs from tests/format/golden/${file} (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected.toString('utf8'));
  expect(expected.equals(got)).toBe(true);
}

describe('golden files', () => {
  it('every registered format has a golden extension', () => {
    expect(Object.keys(EXTENSION).sort()).toEqual([...formatNames].sort());
  });

  for (const name of formatNames) {
    for (const lang of LANGS) {
      it(`${name} (${lang})`, () => {
        const out = formatters[name](report(lang), ctx());
        expectGolden(`${name}.${lang}.${EXTENSION[name]}`, out);
        // A view is a pure function of the report: the same report gives the same bytes.
        expect(formatters[name](report(lang), ctx())).toBe(out);
      });
    }
  }

  // The evaluation with the product's own report beside os2level's findings.
  const own: OwnAnswer[] = [
    { item: 'R1', status: 'met', statusText: 'Ja', documentation: 'Sparer to timer om ugen.\nSe https://os2.eu/x', line: 12 },
    { item: 'R2', status: 'planned', statusText: 'Planlagt', line: 13 },
    { item: 'F5', status: 'not-met', statusText: 'Nej', documentation: 'Mangler | endnu', line: 20 },
    { item: 'F16', status: 'not-relevant', statusText: 'Ikke relevant', documentation: 'Ingen egen kode.', line: 30 },
    { item: 'G3', status: 'unknown', statusText: 'Ved ikke', line: 40 },
  ];
  for (const lang of LANGS) {
    it(`os2-evaluation and the forms with the product's own answers (${lang})`, () => {
      const rep = withProductReport(report(lang), own);
      expectGolden(`os2-evaluation-own.${lang}.md`, formatters['os2-evaluation'](rep, ctx()));
      // The forms repeat the product's own answers where os2level left the item open.
      expectGolden(`governance-report-own.${lang}.md`, formatters['governance-report'](rep, ctx()));
      expectGolden(`os2-self-assessment-own.${lang}.json`, formatters['os2-self-assessment'](rep, ctx()));
    });
  }

  for (const lang of LANGS) {
    it(`check --explanations listing (${lang})`, () => {
      expectGolden(`explanations.${lang}.txt`, formatExplanationsText(report(lang)));
      expectGolden(`explanations.${lang}.json`, formatExplanationsJson(report(lang)));
    });
  }
});
