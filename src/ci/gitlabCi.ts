/**
 * GitLab CI (`.gitlab-ci.yml`): each job's `before_script`, `script` and `after_script`, with
 * `extends` resolved through hidden template jobs (`.name`), `!reference` tags, global/`default`
 * before/after scripts, and local `include`s read from the repository. Template includes
 * (`Security/SAST.gitlab-ci.yml`) and components become steps of their own; remote and project
 * includes are not fetched.
 */
import picomatch from 'picomatch';
import { isSeq, type Document, type YAMLSeq } from 'yaml';
import type { CiStep } from '../facts/types.js';
import { commandStep, deref, entries, get, isMapNode, items, loadYaml, refStep, str, type YamlSource } from './yamlSource.js';

/** Reads a repository file for a local include; null when it cannot be read (reason given). */
export type IncludeReader = (path: string) => Promise<{ ok: true; text: string } | { ok: false; reason: string }>;

export interface GitlabParse {
  /** The entry file and every local include that was followed. */
  files: { path: string; parseError?: string }[];
  steps: CiStep[];
}

const RESERVED = new Set(['default', 'include', 'stages', 'variables', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types', 'spec', 'pages:deploy']);
const SCRIPT_KEYS = ['before_script', 'script', 'after_script'] as const;
const MAX_INCLUDES = 100;
/** Script lines all jobs together may expand to (through `!reference` and `extends`). */
export const MAX_EXPANDED_LINES = 50_000;
/** How deep `!reference` tags may nest; GitLab allows 10 levels. */
const MAX_REFERENCE_NESTING = 10;

/** Past a bound (or round a cycle) the whole expansion is refused, with the reason. */
class ExpansionRefused extends Error {
  constructor(reason = `!reference tags expand to more than ${MAX_EXPANDED_LINES} script lines`) {
    super(reason);
  }
}

interface JobDef {
  node: unknown;
  doc: Document.Parsed;
  source: YamlSource;
}

interface Resolved {
  node: unknown;
  def: JobDef;
}

export async function parseGitlabCi(file: string, text: string, read: IncludeReader, trackedPaths: readonly string[]): Promise<GitlabParse> {
  const files: GitlabParse['files'] = [];
  const steps: CiStep[] = [];
  const defs = new Map<string, JobDef>();
  const globals: Partial<Record<'before_script' | 'after_script', JobDef & { value: unknown }>> = {};
  const visited = new Set<string>();

  const load = async (path: string, content: string): Promise<void> => {
    visited.add(path);
    const loaded = loadYaml(path, content);
    if (!loaded.ok) {
      files.push({ path, parseError: loaded.error });
      return;
    }
    files.push({ path });
    const { source } = loaded;
    const doc = source.docs[0];
    if (!doc) return;
    const root = doc.contents;
    // Includes first: definitions in the including file override the included ones.
    for (const inc of includesOf(get(root, doc, 'include'), doc)) {
      if (inc.kind === 'template' || inc.kind === 'component') {
        steps.push(refStep('gitlab-ci', path, null, inc.value, source.lineOf(inc.node), `include ${inc.kind}: ${inc.value}`));
        continue;
      }
      for (const target of expandLocal(inc.value, trackedPaths)) {
        if (visited.has(target) || visited.size >= MAX_INCLUDES) continue;
        const r = await read(target);
        if (!r.ok) {
          visited.add(target);
          files.push({ path: target, parseError: `include not readable: ${r.reason}` });
        } else {
          await load(target, r.text);
        }
      }
    }
    for (const [key, value] of entries(root, doc)) {
      if (key === 'before_script' || key === 'after_script') globals[key] = { node: root, doc, source, value };
      else if (key === 'default') {
        for (const k of ['before_script', 'after_script'] as const) {
          const v = get(value, doc, k);
          if (v !== undefined) globals[k] = { node: value, doc, source, value: v };
        }
      } else if (!RESERVED.has(key) && isMapNode(value, doc)) defs.set(key, { node: value, doc, source });
    }
  };

  await load(file, text);

  const resolve = (name: string, key: string, seen: Set<string>): Resolved | undefined => {
    const def = defs.get(name);
    if (!def || seen.has(name)) return undefined;
    seen.add(name);
    const own = get(def.node, def.doc, key);
    if (own !== undefined) return { node: own, def };
    const ext = get(def.node, def.doc, 'extends');
    const parents = str(ext, def.doc) !== null ? [str(ext, def.doc)!] : items(ext, def.doc).map((i) => str(i, def.doc)).filter((s): s is string => s !== null);
    // With several parents the last one wins, as in GitLab's merge.
    for (const parent of parents.reverse()) {
      const r = resolve(parent, key, seen);
      if (r) return r;
    }
    return undefined;
  };

  type Line = { text: string; node: unknown; def: JobDef };
  // Each `!reference [job, key]` is expanded once and reused: nested references that each name
  // the level below several times would otherwise expand exponentially. The total is bounded too.
  const expanded = new Map<string, Line[]>();
  const expanding = new Set<string>();
  let total = 0;

  /** Script lines with `!reference [job, key]` expanded. */
  const lines = (node: unknown, def: JobDef, nesting = 0): Line[] => {
    const n = deref(node, def.doc);
    if (nesting > MAX_REFERENCE_NESTING) return []; // sequences nested deeper than GitLab flattens
    if (isSeq(n) && (n as YAMLSeq).tag === '!reference') {
      const [job, key] = (n as YAMLSeq).items.map((i) => str(i, def.doc));
      if (!job || !key) return [];
      const id = `${job}\0${key}`;
      const done = expanded.get(id);
      if (done) return done;
      // Refused rather than cut off, so a memoised expansion never depends on where it was first met.
      if (expanding.has(id)) throw new ExpansionRefused(`!reference [${job}, ${key}] refers to itself`);
      if (expanding.size >= MAX_REFERENCE_NESTING) throw new ExpansionRefused(`!reference tags nest more than ${MAX_REFERENCE_NESTING} levels deep`);
      const r = resolve(job, key, new Set());
      expanding.add(id);
      try {
        const out = r ? lines(r.node, r.def) : [];
        expanded.set(id, out);
        return out;
      } finally {
        expanding.delete(id);
      }
    }
    if (isSeq(n)) {
      const out: Line[] = [];
      for (const item of (n as YAMLSeq).items) {
        const more = lines(item, def, nesting + 1);
        if (out.length + more.length > MAX_EXPANDED_LINES) throw new ExpansionRefused();
        for (const line of more) out.push(line);
      }
      return out;
    }
    const text = str(n, def.doc);
    return text === null ? [] : [{ text, node: n, def }];
  };

  const jobSteps: CiStep[] = [];
  try {
    for (const name of defs.keys()) {
      if (name.startsWith('.')) continue; // hidden jobs are templates, they never run themselves
      for (const key of SCRIPT_KEYS) {
        let r = resolve(name, key, new Set());
        if (!r && key !== 'script') {
          const g = globals[key];
          if (g) r = { node: g.value, def: g };
        }
        if (!r) continue;
        const found = lines(r.node, r.def);
        total += found.length;
        if (total > MAX_EXPANDED_LINES) throw new ExpansionRefused();
        for (const line of found) {
          jobSteps.push(commandStep('gitlab-ci', line.def.source.file, name, line.text, line.def.source.lineOf(line.node)));
        }
      }
    }
  } catch (e) {
    if (!(e instanceof ExpansionRefused)) throw e;
    // Refused as a whole: a partial expansion would report some jobs' steps and silently drop others.
    const entry = files.find((f) => f.path === file);
    if (entry) entry.parseError = e.message;
    return { files, steps };
  }
  steps.push(...jobSteps);
  return { files, steps };
}

type Include = { kind: 'local' | 'template' | 'component'; value: string; node: unknown };

function includesOf(node: unknown, doc: Document.Parsed): Include[] {
  if (node === undefined) return [];
  const list = isSeq(deref(node, doc)) ? items(node, doc) : [deref(node, doc)];
  const out: Include[] = [];
  for (const item of list) {
    const s = str(item, doc);
    if (s !== null) {
      if (!/^[a-z]+:\/\//i.test(s)) out.push({ kind: 'local', value: s, node: item });
      continue;
    }
    for (const kind of ['local', 'template', 'component'] as const) {
      const v = str(get(item, doc, kind), doc);
      if (v !== null) out.push({ kind, value: v, node: get(item, doc, kind) });
    }
  }
  return out;
}

/** A local include is repository-rooted (`/ci/test.yml`) and may be a glob. */
function expandLocal(value: string, trackedPaths: readonly string[]): string[] {
  const path = value.replace(/^\/+/, '');
  if (!/[*?[{]/.test(path)) return [path];
  const match = picomatch(path, { dot: true });
  return trackedPaths.filter((p) => match(p));
}
