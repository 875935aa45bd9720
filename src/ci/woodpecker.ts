/**
 * Woodpecker CI (`.woodpecker.yml`, `.woodpecker/*.yml`) and Drone (`.drone.yml`) share a shape:
 * steps with `commands`, or a plugin `image` when there are none. Woodpecker writes steps as a map
 * (`steps:` or the older `pipeline:`) or a list; Drone as a list, in one or more `kind: pipeline`
 * documents.
 */
import type { Document } from 'yaml';
import type { CiStep, CiSystem } from '../facts/types.js';
import type { CiParse } from './parse.js';
import { commandStep, deref, entries, get, isMapNode, items, loadYaml, refStep, scriptLines, str, type YamlSource } from './yamlSource.js';

export function parseWoodpecker(file: string, text: string): CiParse {
  return parseContainerSteps('woodpecker', file, text);
}

export function parseDrone(file: string, text: string): CiParse {
  return parseContainerSteps('drone', file, text);
}

function parseContainerSteps(system: CiSystem, file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const steps: CiStep[] = [];
  for (const doc of source.docs) {
    const root = doc.contents;
    const pipeline = system === 'drone' ? str(get(root, doc, 'name'), doc) : null;
    for (const key of ['steps', 'pipeline', 'services']) {
      const node = get(root, doc, key);
      if (node === undefined) continue;
      const list: [string | null, unknown][] = isMapNode(node, doc)
        ? entries(node, doc)
        : items(node, doc).map((s) => [str(get(s, doc, 'name'), doc), s]);
      for (const [name, step] of list) {
        const job = pipeline && name ? `${pipeline}/${name}` : (name ?? pipeline);
        readStep(system, source, doc, step, job, steps);
      }
    }
  }
  return { steps };
}

function readStep(system: CiSystem, source: YamlSource, doc: Document.Parsed, step: unknown, job: string | null, steps: CiStep[]): void {
  const commands = get(step, doc, 'commands');
  const lines = scriptLines(commands, doc);
  for (const line of lines) steps.push(commandStep(system, source.file, job, line.text, source.lineOf(line.node)));
  if (lines.length === 0) {
    const imageNode = get(step, doc, 'image');
    const image = str(imageNode, doc);
    if (image !== null) steps.push(refStep(system, source.file, job, image, source.lineOf(deref(imageNode, doc)), `image: ${image}`));
  }
}
