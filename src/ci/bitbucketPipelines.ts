/**
 * Bitbucket Pipelines (`bitbucket-pipelines.yml`): every `step` under `pipelines` (default,
 * branches, pull-requests, tags, custom, parallel groups, anchored `definitions`), its `script`
 * and `after-script` lines and `pipe:` references. A step reused through an anchor is read once.
 */
import type { CiStep } from '../facts/types.js';
import type { CiParse } from './parse.js';
import { commandStep, deref, entries, get, isMapNode, items, loadYaml, refStep, str } from './yamlSource.js';

export function parseBitbucketPipelines(file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const doc = source.docs[0];
  if (!doc) return { steps: [] };
  const pipelines = get(doc.contents, doc, 'pipelines');
  if (pipelines === undefined) return { steps: [], parseError: 'no pipelines' };
  const steps: CiStep[] = [];
  const seen = new Set<unknown>();

  const readStep = (step: unknown): void => {
    const node = deref(step, doc);
    if (seen.has(node)) return;
    seen.add(node);
    const job = str(get(node, doc, 'name'), doc);
    for (const key of ['script', 'after-script']) {
      for (const line of items(get(node, doc, key), doc)) {
        const command = str(line, doc);
        if (command !== null) {
          steps.push(commandStep('bitbucket-pipelines', file, job, command, source.lineOf(line)));
          continue;
        }
        const pipeNode = get(line, doc, 'pipe');
        const pipe = str(pipeNode, doc);
        if (pipe !== null) steps.push(refStep('bitbucket-pipelines', file, job, pipe, source.lineOf(pipeNode), `pipe: ${pipe}`));
      }
    }
  };

  const walk = (node: unknown, depth: number): void => {
    const n = deref(node, doc);
    if (depth > 16) return;
    if (isMapNode(n, doc)) {
      for (const [key, value] of entries(n, doc)) {
        if (key === 'step') readStep(value);
        else walk(value, depth + 1);
      }
    } else {
      for (const item of items(n, doc)) walk(item, depth + 1);
    }
  };
  walk(pipelines, 0);
  return { steps };
}
