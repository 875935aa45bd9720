/**
 * os2.yaml as an editable YAML document: read with the manifest loader's limits, validated against
 * the manifest schema (and the catalogue's ids) before anything is written, so a write never leaves
 * a manifest that `check` would refuse.
 */
import { parseDocument, type Document } from 'yaml';
import { InputError } from '../errors.js';
import { manifestSchema } from '../manifest/load.js';
import { formatSize } from '../repo/readInput.js';
import { DEFAULT_MAX_BYTES as MANIFEST_MAX_BYTES, loadYamlFile, parseYamlText } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';

/** The manifest at `path` as a Document keeping its comments; null when the file does not exist. */
export async function readManifestDocument(path: string): Promise<Document | null> {
  let text: string;
  try {
    text = (await loadYamlFile(path)).text;
  } catch (e) {
    if (e instanceof InputError && e.code === 'file-not-found') return null;
    throw e;
  }
  return parseDocument(text, { keepSourceTokens: false });
}

/** Checks edited manifest text as `validManifestText` checks a document; the text itself is what gets written. */
export function checkManifestSource(text: string, file: string, requirementIds?: ReadonlySet<string>): void {
  validManifestText(parseDocument(text), file, requirementIds);
}

/** The document's text, after checking it is a valid manifest; throws InputError listing every problem. */
export function validManifestText(doc: Document, file: string, requirementIds?: ReadonlySet<string>): string {
  const text = doc.toString({ lineWidth: 100 });
  // The same bound the loader applies, so nothing is written that `validate` would refuse.
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MANIFEST_MAX_BYTES) {
    const message = `the manifest to be written would be ${formatSize(bytes)}; the limit for os2.yaml is ${formatSize(MANIFEST_MAX_BYTES)} (nothing was written)`;
    throw new InputError(`${file}: ${message}`, [{ file, line: 1, column: 1, code: 'file-too-large', message }], 'manifest-invalid');
  }
  const loaded = parseYamlText(text, file);
  const problems = validateAgainstSchema(manifestSchema(), loaded);
  const data = loaded.data as Record<string, unknown> | null;
  if (requirementIds && data) {
    for (const section of ['explanations', 'notApplicable']) {
      const entries = data[section];
      if (entries && typeof entries === 'object') {
        for (const id of Object.keys(entries)) {
          if (!requirementIds.has(id)) problems.push({ file, line: 1, column: 1, code: 'unknown-requirement-id', message: `${section}: unknown requirement id "${id}"` });
        }
      }
    }
  }
  if (problems.length > 0) {
    throw new InputError(`${file}: the manifest to be written would not be valid (nothing was written)`, problems, 'manifest-invalid');
  }
  return text;
}
