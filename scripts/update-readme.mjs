// Regenerates the README's requirement catalogue and manifest reference from levels/ and schemas/.
// Run with `npm run docs` (builds first).
import { readFileSync, writeFileSync } from 'node:fs';
import { loadLevels } from '../dist/levels/load.js';
import { MARKERS, checklistMarkdown, manifestReferenceMarkdown, replaceBetween, requirementsMarkdown } from '../dist/docs/readmeSections.js';

const readmeUrl = new URL('../README.md', import.meta.url);
const catalogue = await loadLevels();
const schema = JSON.parse(readFileSync(new URL('../schemas/os2-manifest.schema.json', import.meta.url), 'utf8'));
let text = readFileSync(readmeUrl, 'utf8');
text = replaceBetween(text, MARKERS.requirements, requirementsMarkdown(catalogue, 'en'));
text = replaceBetween(text, MARKERS.manifest, manifestReferenceMarkdown(schema));
text = replaceBetween(text, MARKERS.checklist, checklistMarkdown(catalogue, 'en'));
writeFileSync(readmeUrl, text);
console.log('README.md updated');
