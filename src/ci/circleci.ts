/**
 * CircleCI (`.circleci/config.yml`): each job's `run` steps (a string or `{ command }`) and orb
 * commands (`node/test`, `codecov/upload`), which are classified as references.
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
  for (const [job, def] of entries(get(doc.contents, doc, 'jobs'), doc)) {
    for (const step of items(get(def, doc, 'steps'), doc)) {
      const bare = str(step, doc);
      if (bare !== null) {
        if (!BUILT_IN.has(bare)) steps.push(refStep('circleci', file, job, bare, source.lineOf(step)));
        continue;
      }
      for (const [key, value] of entries(step, doc)) {
        if (key === 'run') {
          const command = str(value, doc) ?? str(get(value, doc, 'command'), doc);
          const node = str(value, doc) !== null ? value : get(value, doc, 'command');
          if (command !== null) steps.push(commandStep('circleci', file, job, command, source.lineOf(node)));
        } else if (!BUILT_IN.has(key)) {
          steps.push(refStep('circleci', file, job, key, source.lineOf(value)));
        }
      }
    }
  }
  return { steps };
}
