/** GitHub Actions workflows (`.github/workflows/*.yml`): every job's `run` and `uses` steps, and reusable-workflow calls. */
import type { CiStep } from '../facts/types.js';
import type { CiParse } from './parse.js';
import { commandStep, entries, get, items, loadYaml, refStep, str } from './yamlSource.js';

export function parseGithubActions(file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const doc = source.docs[0];
  if (!doc) return { steps: [] };
  const jobs = get(doc.contents, doc, 'jobs');
  if (jobs === undefined) return { steps: [], parseError: 'no jobs' };
  const steps: CiStep[] = [];
  for (const [jobId, job] of entries(jobs, doc)) {
    const reusable = str(get(job, doc, 'uses'), doc);
    if (reusable) steps.push(refStep('github-actions', file, jobId, reusable, source.lineOf(get(job, doc, 'uses'))));
    for (const step of items(get(job, doc, 'steps'), doc)) {
      const runNode = get(step, doc, 'run');
      const run = str(runNode, doc);
      if (run !== null) steps.push(commandStep('github-actions', file, jobId, run, source.lineOf(runNode)));
      const usesNode = get(step, doc, 'uses');
      const uses = str(usesNode, doc);
      if (uses !== null) steps.push(refStep('github-actions', file, jobId, uses, source.lineOf(usesNode)));
    }
  }
  return { steps };
}

/**
 * A local composite action (`.github/actions/<name>/action.yml`, used as `uses: ./.github/actions/<name>`):
 * its `runs.steps` are steps of the workflows that use it. A JavaScript or Docker action has none.
 */
export function parseGithubCompositeAction(file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const doc = source.docs[0];
  if (!doc) return { steps: [] };
  const runs = get(doc.contents, doc, 'runs');
  const name = file.replace(/\/action\.ya?ml$/, '');
  const steps: CiStep[] = [];
  for (const step of items(get(runs, doc, 'steps'), doc)) {
    const runNode = get(step, doc, 'run');
    const run = str(runNode, doc);
    if (run !== null) steps.push(commandStep('github-actions', file, name, run, source.lineOf(runNode)));
    const usesNode = get(step, doc, 'uses');
    const uses = str(usesNode, doc);
    if (uses !== null) steps.push(refStep('github-actions', file, name, uses, source.lineOf(usesNode)));
  }
  return { steps };
}
