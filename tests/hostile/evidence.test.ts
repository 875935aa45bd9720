/**
 * Evidence in unusual places, and fuzzed repository content, end to end.
 * Unit tests: tests/facts/licence.test.ts (REUSE, manifests), tests/facts/tests.test.ts
 * (boilerplate), tests/manifest/fuzz.test.ts and tests/coverage/parsers.test.ts (fuzzing the
 * parsers in-process). These run the built CLI on real repositories.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/cli.js';
import { MPL_TEXT } from '../helpers/products.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';
import { checkJson, expectNoCrash, factsOf, reportOf, req } from './support.js';

afterAll(cleanupTempDirs);

describe('a licence given only through REUSE or a package manifest', () => {
  it('takes the licence from LICENSES/ and SPDX headers alone', () => {
    const repo = createRepo().commit('first', undefined, {
      'LICENSES/MPL-2.0.txt': MPL_TEXT,
      'LICENSES/CC-BY-SA-4.0.txt': 'Creative Commons Attribution-ShareAlike 4.0 International\n',
      'src/app.py': '# SPDX-FileCopyrightText: 2025 Aarhus Kommune\n# SPDX-License-Identifier: MPL-2.0\nprint("x")\n',
      'LICENSES/CC0-1.0.txt': 'CC0 1.0 Universal\n',
      'REUSE.toml': 'version = 1\n',
    });
    const { facts } = factsOf(repo.dir);
    // MPL-2.0 for the code, CC-BY-SA for the docs, CC0 for config files: the code's licence is the one that counts.
    expect(facts.licence.value.spdx).toBe('MPL-2.0');
    const report = reportOf(repo.dir);
    expect(req(report, 'legal.licence').outcome).toBe('pass');
  });

  it.each([
    ['package.json', JSON.stringify({ name: 'x', license: 'MPL-2.0' })],
    ['composer.json', JSON.stringify({ name: 'os2/x', license: 'MPL-2.0' })],
    ['pom.xml', '<project><licenses><license><name>Mozilla Public License, Version 2.0</name></license></licenses></project>'],
    ['src/App/App.csproj', '<Project><PropertyGroup><PackageLicenseExpression>MPL-2.0</PackageLicenseExpression></PropertyGroup></Project>'],
    ['pyproject.toml', '[project]\nname = "x"\nlicense = "MPL-2.0"\n'],
    ['Cargo.toml', '[package]\nname = "x"\nlicense = "MPL-2.0"\n'],
  ])('takes the licence from %s alone', (file, content) => {
    const repo = createRepo().commit('first', undefined, { [file]: content });
    const { facts } = factsOf(repo.dir);
    expect(facts.licence.value.spdx ?? facts.licence.value.others[0]?.spdx, file).toBe('MPL-2.0');
    const report = reportOf(repo.dir);
    expect(req(report, 'legal.licence').outcome, file).toBe('pass');
  });
});

describe('generated boilerplate test files do not count as a test suite on their own', () => {
  it('a create-react-app, Angular and dotnet skeleton has no test suite', () => {
    const repo = createRepo().commit('first', undefined, {
      'web/src/App.js': 'export default () => null;\n',
      'web/src/App.test.js': "test('renders', () => {});\n",
      'admin/src/app/app.component.spec.ts': "describe('AppComponent', () => {});\n",
      'api/Tests/UnitTest1.cs': 'public class UnitTest1 { }\n',
    });
    const { facts } = factsOf(repo.dir);
    expect(facts.tests).toMatchObject({ total: 0, boilerplateOnly: true });
    const report = reportOf(repo.dir);
    expect(req(report, 'tests.present').outcome).toBe('fail');
  });

  it('the same skeleton with one real test has a suite', () => {
    const repo = createRepo().commit('first', undefined, {
      'web/src/App.test.js': "test('renders', () => {});\n",
      'web/src/booking.test.js': "test('books a room', () => {});\n",
    });
    expect(req(reportOf(repo.dir), 'tests.present').outcome).toBe('pass');
  });
});

describe('fuzzed repository content through the whole CLI', () => {
  const example = readFileSync(join(PROJECT_ROOT, 'examples/os2.example.yaml'), 'utf8');
  const seeds: Record<string, string> = {
    'os2.yaml': example,
    'publiccode.yml': 'publiccodeYmlVersion: "0.4"\nname: OS2x\nlegal:\n  license: MPL-2.0\nusedBy: [Aarhus Kommune]\n',
    '.gitlab-ci.yml': 'test:\n  image: node\n  script:\n    - npm ci\n    - npm test -- --coverage\n',
    'coverage/lcov.info': 'TN:\nSF:a.ts\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\n',
    'package.json': '{"name":"x","license":"MPL-2.0","scripts":{"test":"vitest"}}',
    'README.md': '# OS2x\n\nBooking for municipalities.\n\n## Installation\n\nRun it.\n',
  };
  const mutated = (seed: string) =>
    fc.record({ cut: fc.nat(), edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }) }).map(({ cut, edits }) => {
      const buf = Buffer.from(seed);
      for (const [at, byte] of edits) buf[at % buf.length] = byte;
      return buf.subarray(0, cut % (buf.length + 1));
    });
  const repository = fc.record(Object.fromEntries(Object.entries(seeds).map(([path, seed]) => [path, fc.oneof(mutated(seed), fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)))])));

  it('reports (exit 0) or refuses the manifest (exit 2), never crashes', () => {
    fc.assert(
      fc.property(repository, (files) => {
        const repo = createRepo().commit('fuzz', undefined, files as Record<string, Buffer>);
        const { run, report } = checkJson(repo.dir);
        expectNoCrash(run);
        if (run.status === 0) expect(report.results[0].requirements.length).toBeGreaterThan(30);
        else {
          expect(run.status, run.stderr).toBe(2);
          // Only the manifest can stop a check; everything else in the repository is report data.
          expect(run.stderr).toMatch(/os2\.yaml/);
        }
      }),
      { numRuns: 8, interruptAfterTimeLimit: 40_000 },
    );
  }, 120_000);
});
