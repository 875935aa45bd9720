/**
 * Azure Pipelines (`azure-pipelines.yml`): steps under `steps:` at any nesting (stages → jobs →
 * steps, deployment strategies), `script`/`bash`/`pwsh`/`powershell` steps, and the common tasks
 * read by their inputs (`DotNetCoreCLI@2` command, `Maven@3` goals, `Gradle@3` tasks, `Npm@1`,
 * `Docker@2`, inline `PowerShell@2`/`Bash@3`/`CmdLine@2` scripts). Step templates are not followed.
 */
import type { Document } from 'yaml';
import type { CiStep } from '../facts/types.js';
import { classifyCommand, classifyRef, unionKinds } from './classify.js';
import type { CiParse } from './parse.js';
import { commandStep, deref, entries, get, isMapNode, items, loadYaml, shorten, str, type YamlSource } from './yamlSource.js';

const SCRIPT_KEYS = ['script', 'bash', 'pwsh', 'powershell'];

export function parseAzurePipelines(file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const doc = source.docs[0];
  if (!doc) return { steps: [] };
  const steps: CiStep[] = [];
  const seen = new Set<unknown>();

  const walk = (node: unknown, job: string | null, depth: number): void => {
    const n = deref(node, doc);
    if (depth > 24 || n === null || typeof n !== 'object' || seen.has(n)) return;
    seen.add(n);
    if (isMapNode(n, doc)) {
      const name = str(get(n, doc, 'job'), doc) ?? str(get(n, doc, 'deployment'), doc);
      const here = name ?? job;
      for (const [key, value] of entries(n, doc)) {
        if (key === 'steps') for (const step of items(value, doc)) steps.push(...readStep(source, doc, step, here));
        else walk(value, here, depth + 1);
      }
    } else {
      for (const item of items(n, doc)) walk(item, job, depth + 1);
    }
  };
  walk(doc.contents, null, 0);
  return { steps };
}

function readStep(source: YamlSource, doc: Document.Parsed, step: unknown, job: string | null): CiStep[] {
  const out: CiStep[] = [];
  for (const key of SCRIPT_KEYS) {
    const node = get(step, doc, key);
    const command = str(node, doc);
    if (command !== null) out.push(commandStep('azure-pipelines', source.file, job, command, source.lineOf(node)));
  }
  const taskNode = get(step, doc, 'task');
  const task = str(taskNode, doc);
  if (task !== null) {
    const inputs = get(step, doc, 'inputs');
    const input = (name: string): string | null => {
      const hit = entries(inputs, doc).find(([k]) => k.toLowerCase() === name.toLowerCase());
      return hit ? str(hit[1], doc) : null;
    };
    const command = taskCommand(task.replace(/@.*$/, '').toLowerCase(), input);
    const kinds = unionKinds(classifyRef(task), command ? classifyCommand(command) : []);
    const found: CiStep = { file: source.file, system: 'azure-pipelines', job, command: shorten(command ? `${task}: ${command}` : task), kinds };
    const line = source.lineOf(taskNode);
    out.push(line === undefined ? found : { ...found, line });
  }
  return out;
}

/** The command a task runs, from its inputs and the task's documented defaults. */
function taskCommand(task: string, input: (name: string) => string | null): string | null {
  const join = (...parts: (string | null)[]): string => parts.filter((p) => p).join(' ');
  switch (task) {
    case 'dotnetcorecli':
      return join('dotnet', input('command') ?? 'build', input('arguments'));
    case 'maven':
      return join('mvn', input('goals') ?? 'package', input('options'), /jacoco/i.test(input('codeCoverageToolOption') ?? '') ? '# jacoco' : null);
    case 'gradle':
      return join('gradle', input('tasks') ?? 'build', input('options'), /jacoco/i.test(input('codeCoverageToolOption') ?? '') ? '# jacoco' : null);
    case 'npm': {
      const command = input('command') ?? 'install';
      return command === 'custom' ? join('npm', input('customCommand')) : join('npm', command);
    }
    case 'docker': {
      const command = input('command') ?? 'buildAndPush';
      return command === 'buildAndPush' ? 'docker build && docker push' : join('docker', command);
    }
    case 'powershell':
    case 'bash':
    case 'cmdline':
      return input('script');
    default:
      return null;
  }
}
