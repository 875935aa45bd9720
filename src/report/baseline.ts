/**
 * Reading a baseline for `check --baseline`: a JSON report written earlier by `--write-baseline`.
 * A file that is not a valid report (schemas/report.schema.json) is a broken input (exit 2), never
 * a silently empty baseline that would let regressions through. The file is bounded and its shape
 * is checked cheaply before the full schema runs: a large JSON file that is not a report at all
 * (once 35 s and 690 MB for 1 MB, as every value became a located schema problem) fails at once.
 */
import { readFileSync } from 'node:fs';
import { InputError, type SourceProblem } from '../errors.js';
import { readInputFile } from '../repo/readInput.js';
import { DEFAULT_MAX_DEPTH, parseYamlText, type LoadedYaml } from '../yaml/load.js';
import { validateAgainstSchema } from '../yaml/validate.js';
import { REPORT_SCHEMA_VERSION, type Report } from './model.js';

const SCHEMA_URL = new URL('../../schemas/report.schema.json', import.meta.url);
let schema: object | undefined;
/** The report JSON Schema, read once. */
export function reportSchema(): object {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return schema;
}

/** A baseline is the report of one `check`: about 100 KiB; forty times that is still a report. */
export const MAX_BASELINE_BYTES = 4 * 1024 * 1024;
/** Positions of schema problems come from a YAML parse, which is worth it only for small files. */
const LOCATE_MAX_BYTES = 256 * 1024;
const MAX_PROBLEMS = 20;

export async function loadBaseline(path: string): Promise<Report> {
  const bytes = await readInputFile(path, { what: '--baseline', maxBytes: MAX_BASELINE_BYTES });
  const invalid = (problems: SourceProblem[]): InputError => {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    return new InputError(
      `${path} is not a valid os2level report, so it cannot serve as a baseline (${problems.length} ${noun}); write one with \`os2level check --write-baseline ${path}\``,
      problems.slice(0, MAX_PROBLEMS),
      'baseline-invalid',
    );
  };
  const at = (code: string, message: string): SourceProblem => ({ file: path, line: 1, column: 1, code, message });
  let text: string;
  let data: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    data = JSON.parse(text);
  } catch (e) {
    throw invalid([at('json-syntax', `not valid JSON (${(e as Error).message.split('\n')[0]})`)]);
  }
  const shape = reportShapeProblems(data);
  if (shape.length > 0) throw invalid(shape.map((m) => at('not-a-report', m)));
  if (depthOver(data, DEFAULT_MAX_DEPTH)) throw invalid([at('json-too-deep', `nesting is deeper than ${DEFAULT_MAX_DEPTH} levels`)]);
  let positioned: LoadedYaml | null = null;
  const loaded: LoadedYaml = {
    file: path,
    text,
    data,
    locate: (pointer, opts) => {
      if (text.length > LOCATE_MAX_BYTES) return { line: 1, column: 1 };
      try {
        positioned ??= parseYamlText(text, path);
        return positioned.locate(pointer, opts);
      } catch {
        return { line: 1, column: 1 };
      }
    },
  };
  const problems = validateAgainstSchema(reportSchema(), loaded);
  if (problems.length > 0) throw invalid(problems);
  return data as Report;
}

/** What an os2level report has at its top level, checked before any schema work. */
function reportShapeProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['the file holds no JSON object (a report is one)'];
  const r = data as Record<string, unknown>;
  const problems: string[] = [];
  const v = REPORT_SCHEMA_VERSION;
  if (r.schemaVersion === 1) problems.push(`schemaVersion: 1 is a report of an earlier os2level, before checklist items; write a new baseline (schemaVersion ${v})`);
  else if (r.schemaVersion !== v) problems.push(r.schemaVersion === undefined ? `schemaVersion: missing (an os2level report has schemaVersion ${v})` : `schemaVersion: must be ${v} (an os2level report), not ${String(JSON.stringify(r.schemaVersion)).slice(0, 40)}`);
  const tool = r.tool as Record<string, unknown> | undefined;
  if (typeof tool !== 'object' || tool === null || tool.name !== 'os2level') problems.push('tool.name: must be "os2level"');
  if (!Array.isArray(r.results)) problems.push('results: must be the list of checked repositories');
  return problems;
}

/** True when arrays and objects nest deeper than `max` (iterative: no recursion on hostile data). */
function depthOver(data: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > max) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

