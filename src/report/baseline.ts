/**
 * Reading a baseline for `check --baseline`: a JSON report written earlier by `--write-baseline`.
 * A file that is not a valid report (schemas/report.schema.json) is a broken input (exit 2), never
 * a silently empty baseline that would let regressions through.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { loadYamlFile } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';
import type { Report } from './model.js';

const SCHEMA_URL = new URL('../../schemas/report.schema.json', import.meta.url);
let schema: object | undefined;
/** The report JSON Schema, read once. */
export function reportSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

/** Reports of large portfolios run to several megabytes. */
const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

export async function loadBaseline(path: string): Promise<Report> {
  // JSON is YAML: the YAML loader gives positions for every problem and the same size and depth limits.
  const loaded = await loadYamlFile(path, { maxBytes: MAX_BASELINE_BYTES });
  const problems = validateAgainstSchema(reportSchema(), loaded);
  if (problems.length > 0) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    throw new InputError(
      `${path} is not a valid os2level report, so it cannot serve as a baseline (${problems.length} ${noun}); write one with \`os2level check --write-baseline ${path}\``,
      problems.slice(0, 20),
      'baseline-invalid',
    );
  }
  return loaded.data as Report;
}
