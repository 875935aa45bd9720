/**
 * Validates loaded YAML against a JSON Schema (draft 2020-12) and turns ajv's errors into
 * `SourceProblem`s a person can act on: the field named by its dotted path, the position of the
 * offending node (or key), one message per real mistake instead of ajv's anyOf/oneOf cascades,
 * and a "did you mean" for mistyped keys.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import type { SourceProblem } from '../errors.js';
import { didYouMean } from './didYouMean.js';
import type { LoadedYaml } from './load.js';

type Schema = Record<string, unknown>;

export interface ValidateOptions {
  /** Further schemas the main schema refers to by `$id`. */
  extraSchemas?: object[];
}

/**
 * The one set of Ajv options, for validators compiled at run time and for those the build
 * precompiles (scripts/precompile.mjs), so both give the same error objects.
 * verbose: errors carry the failing (parent) schema and data, needed for hints and anyOf pruning.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, strictTypes: false, strictTuples: false, allowUnionTypes: true } as const satisfies Options;

// Ajv and ajv-formats are CommonJS and cost ~100 ms to import, which a precompiled validator does
// not need: they are required on first use. The precompiled validators are CommonJS too, because
// validation is synchronous and so must be their loading.
const require = createRequire(import.meta.url);

/** A new Ajv (draft 2020-12) with AJV_OPTIONS, any `more` options, and ajv-formats' formats. */
export function createAjv(more: Options = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  // Depending on the loader the plugin is the module itself or its default.
  const formats = require('ajv-formats') as FormatsPlugin & { default?: FormatsPlugin };
  const addFormats: FormatsPlugin = formats.default ?? formats;
  const a = new AjvClass({ ...AJV_OPTIONS, ...more });
  addFormats(a);
  return a;
}

let ajv: Ajv2020 | undefined;
const byObject = new WeakMap<object, ValidateFunction>();
/** The precompiled validator of each schema object seen, null when it has none. */
const precompiledByObject = new WeakMap<object, ValidateFunction | null>();

function getAjv(): Ajv2020 {
  ajv ??= createAjv();
  return ajv;
}

/**
 * SHA-256 of a schema's JSON text (with the schemas it refers to, when there are any): ties a
 * precompiled validator to the exact schemas it came from.
 */
export const schemaSha256 = (schema: object, extra: object[] = []): string =>
  createHash('sha256')
    .update(JSON.stringify(extra.length ? [schema, ...extra] : schema))
    .digest('hex');

/** Where the build writes precompiled validators: dist/yaml/precompiled/ (absent under vitest). */
export const PRECOMPILED_DIR = new URL('./precompiled/', import.meta.url);

/** index.json in PRECOMPILED_DIR: `$id` → the module file and the hash of the schema it was built from. */
export type PrecompiledIndex = Record<string, { file: string; schemaSha256: string }>;

const indexes = new Map<string, PrecompiledIndex | null>();

/**
 * The precompiled validators the CLI bundle carries (scripts/bundle.mjs registers them by file
 * name), loaded on first use like the files, but compiled with the rest of the bundle (and so
 * read back from its code cache) instead of by require.
 */
const bundledValidators = new Map<string, () => unknown>();

export function registerBundledValidators(loaders: Record<string, () => unknown>): void {
  for (const [file, load] of Object.entries(loaders)) bundledValidators.set(file, load);
}

/**
 * The validator the build precompiled for this schema, or undefined when there is none or the
 * schema has changed since (its hash differs), so a stale validator is never used.
 */
export function precompiledValidator(schema: object, dir: URL = PRECOMPILED_DIR, extra: object[] = []): ValidateFunction | undefined {
  const id = (schema as Schema).$id;
  if (typeof id !== 'string') return undefined;
  let index = indexes.get(dir.href);
  if (index === undefined) {
    try {
      index = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as PrecompiledIndex;
    } catch {
      index = null;
    }
    indexes.set(dir.href, index);
  }
  const entry = index && Object.hasOwn(index, id) ? index[id] : undefined;
  if (!entry || entry.schemaSha256 !== schemaSha256(schema, extra)) return undefined;
  try {
    const bundled = dir.href === PRECOMPILED_DIR.href ? bundledValidators.get(entry.file) : undefined;
    const mod = (bundled ? bundled() : require(fileURLToPath(new URL(entry.file, dir)))) as ValidateFunction & { default?: ValidateFunction };
    return mod.default ?? mod;
  } catch {
    return undefined;
  }
}

/** Precompiled when available; otherwise compiled once per `$id` (or per schema object when it has none). */
function compile(schema: object, extra: object[]): ValidateFunction {
  let fn = precompiledByObject.get(schema);
  if (fn === undefined) {
    fn = precompiledValidator(schema, PRECOMPILED_DIR, extra) ?? null;
    precompiledByObject.set(schema, fn);
  }
  if (fn) return fn;
  return compileAtRunTime(schema, extra);
}

/** Compiles with Ajv in this process: once per `$id` (or per schema object when it has none). */
export function compileAtRunTime(schema: object, extra: object[] = []): ValidateFunction {
  const a = getAjv();
  for (const s of extra) {
    const id = (s as Schema).$id;
    if (typeof id === 'string' && !a.getSchema(id)) a.addSchema(s);
  }
  const id = (schema as Schema).$id;
  if (typeof id === 'string') {
    const existing = a.getSchema(id);
    if (existing) return existing;
    return a.compile(schema);
  }
  let fn = byObject.get(schema);
  if (!fn) {
    fn = a.compile(schema);
    byObject.set(schema, fn);
  }
  return fn;
}

/** All schema violations of `loaded.data`, sorted by position; empty when valid. */
export function validateAgainstSchema(schema: object, loaded: LoadedYaml, opts: ValidateOptions = {}): SourceProblem[] {
  const validate = compile(schema, opts.extraSchemas ?? []);
  if (validate(loaded.data)) return [];
  const issues = simplify(validate.errors ?? [], schema as Schema);
  const seen = new Set<string>();
  const problems: SourceProblem[] = [];
  for (const issue of issues) {
    const key = `${issue.path}\u0000${issue.code}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const pos = loaded.locate(issue.locateAt, { key: issue.atKey });
    problems.push({ file: loaded.file, line: pos.line, column: pos.column, code: issue.code, message: issue.message, path: issue.path });
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Issue {
  /** Pointer of the instance the problem is about. */
  path: string;
  /** Pointer whose node gives the position (the parent for a missing property). */
  locateAt: string;
  atKey?: boolean;
  code: string;
  message: string;
}

/** Prunes composite (anyOf/oneOf) cascades by the value's type, then words each error. */
function simplify(errors: ErrorObject[], root: Schema): Issue[] {
  const dropped = new Set<ErrorObject>();
  const synthetic: Issue[] = [];
  for (const c of errors) {
    if (c.keyword !== 'anyOf' && c.keyword !== 'oneOf') continue;
    const branches = Array.isArray(c.schema) ? (c.schema as Schema[]) : [];
    const t = jsonType(c.data);
    const accepting = branches.filter((b) => acceptsType(branchTypes(b, root), t));
    const atSameNode = errors.filter((e) => e !== c && e.instancePath === c.instancePath);
    if (accepting.length === 0) {
      // No branch takes this kind of value: one message listing what would be accepted.
      for (const e of atSameNode) if (['type', 'const', 'enum', 'format'].includes(e.keyword)) dropped.add(e);
      dropped.add(c);
      synthetic.push({
        path: c.instancePath,
        locateAt: c.instancePath,
        code: 'schema-type',
        message: withField(c.instancePath, `must be ${branches.map((b) => describe(b, root)).join(' or ')}`),
      });
    } else {
      // The branch that takes this type explains what is wrong; the others' type errors are noise.
      for (const e of atSameNode) if (e.keyword === 'type') dropped.add(e);
      const rest = errors.filter((e) => !dropped.has(e) && e !== c && isWithin(e.instancePath, c.instancePath));
      if (rest.length > 0 || c.keyword === 'anyOf') dropped.add(c);
    }
  }
  // propertyNames reports each bad key twice: once for the inner keyword, once for itself.
  for (const e of errors) if (e.propertyName !== undefined) dropped.add(e);
  return [...synthetic, ...errors.filter((e) => !dropped.has(e)).map(wordError)];
}

function isWithin(path: string, parent: string): boolean {
  return path === parent || path.startsWith(parent + '/');
}

function wordError(e: ErrorObject): Issue {
  const p = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as Schema;
  const issue = (code: string, message: string, path = e.instancePath): Issue => ({
    path,
    locateAt: e.instancePath,
    code,
    message: withField(path, message),
  });
  switch (e.keyword) {
    case 'type':
      return issue('schema-type', `must be ${typeof parent.title === 'string' ? parent.title : typeNames(p.type)}`);
    case 'required':
      return issue('schema-required', 'is required but missing', childPointer(e.instancePath, String(p.missingProperty)));
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const allowed = Object.keys((parent.properties as Schema | undefined) ?? {});
      const path = childPointer(e.instancePath, key);
      return { path, locateAt: path, atKey: true, code: 'schema-unknown-key', message: withField(e.instancePath, `unknown key "${key}"${didYouMean(key, allowed)}`) };
    }
    case 'propertyNames': {
      const key = String(p.propertyName);
      const names = (parent.propertyNames ?? {}) as Schema;
      const expected = typeof names.title === 'string' ? names.title : `a key matching ${String(names.pattern ?? 'the allowed names')}`;
      const path = childPointer(e.instancePath, key);
      return { path, locateAt: path, atKey: true, code: 'schema-invalid-key', message: withField(e.instancePath, `invalid key "${key}": must be ${expected}`) };
    }
    case 'format':
      return issue('schema-format', `must be ${formatName(String(p.format))}`);
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words = { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' };
      return issue('schema-range', `must be ${words[e.keyword]} ${String(p.limit)}`);
    }
    case 'minLength':
      return issue('schema-length', p.limit === 1 ? 'must not be empty' : `must be at least ${String(p.limit)} characters`);
    case 'maxLength':
      return issue('schema-length', `must be at most ${String(p.limit)} characters`);
    case 'minItems':
      return issue('schema-items', `must list at least ${String(p.limit)} ${p.limit === 1 ? 'item' : 'items'}`);
    case 'maxItems':
      return issue('schema-items', `must list at most ${String(p.limit)} ${p.limit === 1 ? 'item' : 'items'}`);
    case 'uniqueItems':
      return issue('schema-items', `lists the same item twice (items ${String(p.j)} and ${String(p.i)})`);
    case 'minProperties':
      return issue('schema-required', 'must not be empty');
    case 'const':
      return issue('schema-const', `must be ${JSON.stringify(p.allowedValue)}`);
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const hint = typeof e.data === 'string' ? didYouMean(e.data, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return issue('schema-enum', `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${hint}`);
    }
    case 'pattern':
      // The schemas' "no control characters" patterns are stated in words, not as the regex.
      if (String(p.pattern).startsWith('^[^\\u0000-\\u00')) return issue('schema-control-character', 'must not contain control characters (U+0000–U+001F, U+007F–U+009F) or bidirectional overrides');
      return issue('schema-pattern', `must match the pattern ${String(p.pattern)}`);
    case 'anyOf':
    case 'oneOf':
      return issue('schema-type', e.keyword === 'oneOf' && p.passingSchemas ? 'matches more than one allowed form' : 'does not match any allowed form');
    default:
      return issue(`schema-${e.keyword}`, e.message ?? 'is not valid');
  }
}

function childPointer(parent: string, key: string): string {
  return `${parent}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** `/governance/lead/name` → `governance.lead.name`; `/usedBy/1` → `usedBy[1]`; dotted ids are quoted. */
export function dottedPath(pointer: string): string {
  if (pointer === '') return '';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9]\d*)$/.test(seg)) out += `[${seg}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

function withField(pointer: string, message: string): string {
  const field = dottedPath(pointer);
  if (field === '') return message.startsWith('unknown key') ? message : `the document ${message}`;
  return `${field}: ${message}`;
}

type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

function jsonType(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  return 'object';
}

function resolveRef(s: Schema, root: Schema): Schema {
  let cur = s;
  for (let hops = 0; typeof cur.$ref === 'string' && cur.$ref.startsWith('#/') && hops < 10; hops++) {
    let target: unknown = root;
    for (const seg of cur.$ref.slice(2).split('/')) target = (target as Schema | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (!target || typeof target !== 'object') break;
    cur = target as Schema;
  }
  return cur;
}

/** Types a branch accepts; undefined when the branch does not constrain the type. */
function branchTypes(branch: Schema, root: Schema): JsonType[] | undefined {
  const s = resolveRef(branch, root);
  if (typeof s.type === 'string') return [s.type as JsonType];
  if (Array.isArray(s.type)) return s.type as JsonType[];
  if ('const' in s) return [jsonType(s.const)];
  if (Array.isArray(s.enum)) return s.enum.map(jsonType);
  return undefined;
}

function acceptsType(types: JsonType[] | undefined, t: JsonType): boolean {
  return types === undefined || types.includes(t) || (t === 'integer' && types.includes('number'));
}

const TYPE_WORDS: Record<string, string> = {
  null: 'empty (null)',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
  string: 'a string',
  array: 'a list',
  object: 'a mapping of keys to values',
};

function typeNames(t: unknown): string {
  const list = Array.isArray(t) ? t : String(t).split(',');
  return list.map((x) => TYPE_WORDS[String(x)] ?? String(x)).join(' or ');
}

function formatName(format: string): string {
  switch (format) {
    case 'date':
      return 'a date written YYYY-MM-DD';
    case 'uri':
    case 'iri':
      return 'an absolute URL (https://…)';
    case 'email':
      return 'an e-mail address';
    default:
      return `a valid ${format}`;
  }
}

/** A short noun phrase for what a schema accepts, for "must be X or Y". */
function describe(branch: Schema, root: Schema): string {
  const s = resolveRef(branch, root);
  if (typeof s.title === 'string') return s.title;
  if ('const' in s) return JSON.stringify(s.const);
  if (s.type === 'string' && typeof s.format === 'string') return formatName(s.format);
  if (s.type === 'array' && s.items && typeof s.items === 'object') {
    const inner = describe(s.items as Schema, root).replace(/^an? /, '');
    return `a list of ${inner}s`;
  }
  return typeNames(s.type ?? 'value');
}
