/** The manifest loader records where each key stands, so findings about a field can point at its line. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/manifest/load.js';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

describe('manifest key positions', () => {
  it('gives line and column of every key by dotted path', async () => {
    const file = join(tempDir(), 'os2.yaml');
    writeFileSync(file, 'schemaVersion: 1\nproduct:\n  name: OS2example\n  # a comment\n  description: "x"\ncodebase:\n    singleCoreVersion: false\n');
    const { keys } = await loadManifest(file);
    expect(keys.schemaVersion).toEqual({ line: 1, column: 1 });
    expect(keys['product.name']).toEqual({ line: 3, column: 3 });
    expect(keys['product.description']).toEqual({ line: 5, column: 3 });
    expect(keys['codebase.singleCoreVersion']).toEqual({ line: 7, column: 5 });
  });
});
