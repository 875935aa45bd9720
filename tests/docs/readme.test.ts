/** The README's generated sections match the level file and the manifest schema (run `npm run docs`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadLevels } from '../../src/levels/load.js';
import { MARKERS, checklistMarkdown, manifestReferenceMarkdown, replaceBetween, requirementsMarkdown } from '../../src/docs/readmeSections.js';
import { PROJECT_ROOT } from '../helpers/cli.js';

it('README requirement tables and manifest reference are up to date (npm run docs)', async () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const catalogue = await loadLevels();
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/os2-manifest.schema.json'), 'utf8'));
  let expected = replaceBetween(readme, MARKERS.requirements, requirementsMarkdown(catalogue, 'en'));
  expected = replaceBetween(expected, MARKERS.manifest, manifestReferenceMarkdown(schema));
  expected = replaceBetween(expected, MARKERS.checklist, checklistMarkdown(catalogue, 'en'));
  expect(readme).toBe(expected);
  for (const r of catalogue.requirements) expect(readme).toContain(`\`${r.id}\``);
});

it('every top-level manifest field appears in the README reference', () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const schema = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schemas/os2-manifest.schema.json'), 'utf8'));
  for (const key of Object.keys(schema.properties)) expect(readme).toContain(`| \`${key}\``);
});
