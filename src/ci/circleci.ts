/**
 * CircleCI (`.circleci/config.yml`): each job's `run` steps (a string or `{ command }`), the
 * steps of the reusable `commands:` a job calls (followed through, also inside `when`/`unless`),
 * orb commands (`node/test`, `codecov/upload`) and orb jobs a workflow runs, which are classified
 * as references. An `executor` only says where a job runs, so it adds no step.
 */
import type { CiStep } from '../facts/types.js';
import type { CiParse } from './parse.js';
import { commandStep, entries, get, items, loadYaml, refStep, str } from './yamlSource.js';

const BUILT_IN = new Set(['checkout', 'setup_remote_docker', 'save_cache', 'restore_cache', 'persist_to_workspace', 'attach_workspace', 'store_artifacts', 'store_test_results', 'add_ssh_keys', 'when', 'unless']);

export function parseCircleci(file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const doc = source.docs[0];
  if (!doc) return { steps: [] };
  const steps: CiStep[] = [];
  // Reusable `commands:` of this config; a job step naming one runs its steps.
  const commands = new Map(entries(get(doc.contents, doc, 'commands'), doc));
  const readSteps = (job: string, list: unknown, seen: ReadonlySet<string>): void => {
    for (const step of items(list, doc)) {
      const bare = str(step, doc);
      if (bare !== null) {
        if (commands.has(bare)) expand(job, bare, seen);
        else if (!BUILT_IN.has(bare)) steps.push(refStep('circleci', file, job, bare, source.lineOf(step)));
        continue;
      }
      for (const [key, value] of entries(step, doc)) {
        if (key === 'run') {
          const command = str(value, doc) ?? str(get(value, doc, 'command'), doc);
          const node = str(value, doc) !== null ? value : get(value, doc, 'command');
          if (command !== null) steps.push(commandStep('circleci', file, job, command, source.lineOf(node)));
        } else if (key === 'when' || key === 'unless') {
          readSteps(job, get(value, doc, 'steps'), seen);
        } else if (commands.has(key)) {
          expand(job, key, seen);
        } else if (!BUILT_IN.has(key)) {
          steps.push(refStep('circleci', file, job, key, source.lineOf(value)));
        }
      }
    }
  };
  const expand = (job: string, name: string, seen: ReadonlySet<string>): void => {
    if (seen.has(name)) return; // a command calling itself
    readSteps(job, get(commands.get(name), doc, 'steps'), new Set([...seen, name]));
  };
  const jobs = new Set<string>();
  for (const [job, def] of entries(get(doc.contents, doc, 'jobs'), doc)) {
    jobs.add(job);
    readSteps(job, get(def, doc, 'steps'), new Set());
  }
  // Workflows may run an orb's job (`node/test`, `python/test`) instead of a job of this file.
  for (const [, workflow] of entries(get(doc.contents, doc, 'workflows'), doc)) {
    for (const entry of items(get(workflow, doc, 'jobs'), doc)) {
      const name = str(entry, doc) ?? entries(entry, doc)[0]?.[0] ?? null;
      if (name !== null && name.includes('/') && !jobs.has(name)) steps.push(refStep('circleci', file, name, name, source.lineOf(entry)));
    }
  }
  return { steps };
}
