/**
 * Travis CI (`.travis.yml`): the top-level phases and those of `jobs.include` / `matrix.include`
 * entries. When no `script` is given, Travis runs the language's default test command, which is
 * recorded as such (marked `(default)`), because that is what runs.
 */
import type { Document } from 'yaml';
import type { CiStep } from '../facts/types.js';
import type { CiParse } from './parse.js';
import { commandStep, get, items, loadYaml, scriptLines, str, type YamlSource } from './yamlSource.js';

const PHASES = ['before_install', 'install', 'before_script', 'script', 'after_success', 'after_script', 'deploy'];

/** Travis's documented default `script` per language. */
const DEFAULT_SCRIPT: Record<string, string> = {
  node_js: 'npm test',
  ruby: 'rake',
  java: './gradlew check',
  android: './gradlew build connectedCheck',
  go: 'go test -v ./...',
  rust: 'cargo build --verbose && cargo test --verbose',
  php: 'phpunit',
  elixir: 'mix test',
  csharp: 'dotnet test',
  perl: 'make test',
  scala: 'sbt ++$TRAVIS_SCALA_VERSION test',
  clojure: 'lein test',
  haskell: 'cabal test',
  c: './configure && make && make test',
  cpp: './configure && make && make test',
};

export function parseTravis(file: string, text: string): CiParse {
  const loaded = loadYaml(file, text);
  if (!loaded.ok) return { steps: [], parseError: loaded.error };
  const { source } = loaded;
  const doc = source.docs[0];
  if (!doc) return { steps: [] };
  const root = doc.contents;
  const steps: CiStep[] = [];
  const language = str(get(root, doc, 'language'), doc);
  const topHasScript = get(root, doc, 'script') !== undefined;
  readPhases(source, doc, root, null, steps);
  const includes = [...items(get(get(root, doc, 'jobs'), doc, 'include'), doc), ...items(get(get(root, doc, 'matrix'), doc, 'include'), doc)];
  for (const entry of includes) {
    const job = str(get(entry, doc, 'name'), doc) ?? str(get(entry, doc, 'stage'), doc);
    readPhases(source, doc, entry, job, steps);
  }
  const fallback = language ? DEFAULT_SCRIPT[language] : undefined;
  if (!topHasScript && fallback && (includes.length === 0 || includes.some((e) => get(e, doc, 'script') === undefined))) {
    steps.push({ ...commandStep('travis', file, null, fallback, source.lineOf(get(root, doc, 'language'))), command: `${fallback} (default)` });
  }
  return { steps };
}

function readPhases(source: YamlSource, doc: Document.Parsed, node: unknown, job: string | null, steps: CiStep[]): void {
  for (const phase of PHASES) {
    for (const line of scriptLines(get(node, doc, phase), doc)) {
      steps.push(commandStep('travis', source.file, job, line.text, source.lineOf(line.node)));
    }
  }
}
