/**
 * The build's precompiled artefacts (scripts/precompile.mjs) must be indistinguishable from the
 * full path: the catalogue equals what the loader builds from the YAML, a changed YAML is never
 * shadowed by it, and each precompiled validator gives exactly the error objects of a validator
 * Ajv compiles at run time (messages and positions are derived from them). `npm test` builds first.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultChecklistsPath } from '../../src/checklist/load.js';
import { defaultLevelsPath, loadCatalogueWithChecklists, loadLevels, loadPrecompiledLevels, withChecklist } from '../../src/levels/load.js';
import { parseYamlText } from '../../src/yaml/load.js';
import { compileAtRunTime, precompiledValidator } from '../../src/yaml/validate.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRECOMPILED_LEVELS = join(ROOT, 'dist/levels/os2-2018.json');
const PRECOMPILED_DIR = new URL('../../dist/yaml/precompiled/', import.meta.url);
const schemaOf = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as Record<string, unknown>;

describe('the precompiled catalogue', () => {
  it('is built (npm run build) and equals what the full loader builds from the YAML', async () => {
    expect(existsSync(PRECOMPILED_LEVELS), 'run `npm run build` first').toBe(true);
    const fast = await loadPrecompiledLevels(defaultLevelsPath(), PRECOMPILED_LEVELS);
    expect(fast).toBeDefined();
    expect(fast).toStrictEqual(await loadCatalogueWithChecklists(defaultLevelsPath()));
    // Key order too: `levels --format json` prints the object as is.
    expect(JSON.stringify(withChecklist(fast!))).toBe(JSON.stringify(await loadLevels()));
  });

  it('is bypassed when the YAML has changed since the build, even by a comment', async () => {
    const yaml = join(tempDir(), 'os2-2018.yaml');
    copyFileSync(defaultLevelsPath(), yaml);
    expect(await loadPrecompiledLevels(yaml, PRECOMPILED_LEVELS)).toBeDefined();
    appendFileSync(yaml, '# edited\n');
    expect(await loadPrecompiledLevels(yaml, PRECOMPILED_LEVELS)).toBeUndefined();
    // An edit that matters is seen by the full path.
    writeFileSync(yaml, readFileSync(defaultLevelsPath(), 'utf8').replace(/^name:\n {2}da: .*$/m, 'name:\n  da: Redigeret'));
    expect(await loadPrecompiledLevels(yaml, PRECOMPILED_LEVELS)).toBeUndefined();
    expect((await loadLevels(yaml)).name.da).toBe('Redigeret');
  });

  it('is bypassed when the checklist generations changed since the build', async () => {
    const checklists = join(tempDir(), 'checklists.yaml');
    copyFileSync(defaultChecklistsPath(), checklists);
    expect(await loadPrecompiledLevels(defaultLevelsPath(), PRECOMPILED_LEVELS, checklists)).toBeDefined();
    appendFileSync(checklists, '# edited\n');
    expect(await loadPrecompiledLevels(defaultLevelsPath(), PRECOMPILED_LEVELS, checklists)).toBeUndefined();
  });

  it('is bypassed when missing or corrupt', async () => {
    const dir = tempDir();
    expect(await loadPrecompiledLevels(defaultLevelsPath(), join(dir, 'missing.json'))).toBeUndefined();
    writeFileSync(join(dir, 'corrupt.json'), '{"sourceSha256": 1');
    expect(await loadPrecompiledLevels(defaultLevelsPath(), join(dir, 'corrupt.json'))).toBeUndefined();
  });
});

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/**
 * Bad variants of a valid document, made in place (and undone) so large documents cost nothing
 * to copy: every value replaced by values of each other type and by strings no format accepts,
 * every key removed, an unknown key added to every mapping.
 */
function* mutants(doc: Json): Generator<string> {
  const replacements: Json[] = [null, true, -1, 1.5, 'not a valid value: x y', '', [], [1], {}, { unknown: 1 }];
  function* visit(node: Json, label: string): Generator<string> {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const original = node[i]!;
        for (const r of replacements) {
          node[i] = r;
          yield `${label}[${i}] = ${JSON.stringify(r)}`;
        }
        node[i] = original;
        yield* visit(original, `${label}[${i}]`);
      }
      node.push('extra');
      yield `${label} + extra`;
      node.pop();
    } else if (node !== null && typeof node === 'object') {
      const keys = Object.keys(node);
      for (const k of keys) {
        const original = node[k]!;
        for (const r of replacements) {
          node[k] = r;
          yield `${label}.${k} = ${JSON.stringify(r)}`;
        }
        delete node[k];
        yield `${label} without ${k}`;
        node[k] = original;
        yield* visit(original, `${label}.${k}`);
      }
      node.unknownKeyForTheTest = 1;
      yield `${label} + unknown key`;
      delete node.unknownKeyForTheTest;
    }
  }
  yield* visit(doc, '$');
}

const validDocuments: [string, () => Json][] = [
  ['os2-manifest', () => parseYamlText(readFileSync(join(ROOT, 'examples/os2.example.yaml'), 'utf8'), 'os2.yaml').data as Json],
  ['levels', () => parseYamlText(readFileSync(defaultLevelsPath(), 'utf8'), 'os2-2018.yaml').data as Json],
  ['report', () => JSON.parse(readFileSync(join(ROOT, 'tests/format/golden/json.en.json'), 'utf8')) as Json],
  [
    'portfolio',
    () => ({
      schemaVersion: 1,
      products: [
        { name: 'OS2one', repository: 'https://github.com/OS2offdig/os2one.git' },
        { name: 'OS2two', repository: '/srv/git/os2two', manifest: 'os2.yaml' },
      ],
    }),
  ],
];

describe('precompiled validators', () => {
  it.each(validDocuments)('%s: the same errors as a validator compiled at run time, on every bad variant', (name, valid) => {
    const schema = schemaOf(name);
    const pre = precompiledValidator(schema, PRECOMPILED_DIR);
    expect(pre, 'run `npm run build` first').toBeDefined();
    const runtime = compileAtRunTime(schema);
    expect(pre).not.toBe(runtime);
    const doc = valid();
    // Large documents (the catalogue) are sampled evenly to keep the test quick.
    let total = 0;
    for (const _ of mutants(doc)) total++;
    const step = Math.ceil(total / 1500);
    let compared = 0;
    let invalid = 0;
    let i = 0;
    for (const label of mutants(doc)) {
      if (i++ % step !== 0) continue;
      const a = pre!(doc);
      const b = runtime(doc);
      expect(a, label).toBe(b);
      if (!a) invalid++;
      expect(pre!.errors ?? null, label).toStrictEqual(runtime.errors ?? null);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
    // The mutations must really exercise the error paths, formats included.
    expect(invalid).toBeGreaterThan(compared / 3);
  });

  it('are not used for a schema that changed after the build', () => {
    const schema = schemaOf('os2-manifest');
    (schema.properties as Record<string, unknown>).addedAfterTheBuild = { type: 'string' };
    expect(precompiledValidator(schema, PRECOMPILED_DIR)).toBeUndefined();
    expect(precompiledValidator({ $id: 'https://example.org/unknown.json' }, PRECOMPILED_DIR)).toBeUndefined();
    expect(precompiledValidator(schemaOf('os2-manifest'), new URL('file:///nonexistent/dir/'))).toBeUndefined();
  });
});
