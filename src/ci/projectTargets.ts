/**
 * The project's own task runners a CI step calls: Makefile targets, package.json scripts, tox
 * environments and nox sessions. A step `make ci` whose target runs `pytest` runs the tests; this
 * module gives the commands behind such a call so the classifier can read them.
 */

export interface ProjectTargets {
  /** Makefile target → its recipe, prerequisites first (`test: lint unit`). */
  make: Map<string, string>;
  /** package.json script → its command. */
  scripts: Map<string, string>;
  /** tox environment (`[testenv:lint]`) → its commands. */
  tox: Map<string, string>;
  /** nox session (`def lint(session)`) → its `session.run(…)` commands. */
  nox: Map<string, string>;
}

export const noTargets = (): ProjectTargets => ({ make: new Map(), scripts: new Map(), tox: new Map(), nox: new Map() });

const RULE = /^([A-Za-z0-9_.\-/ ]+?)\s*::?(?!=)\s*(.*)$/;

/** Targets of a Makefile: each rule's recipe lines (tab-indented), with `$(MAKE) x` kept as `make x`. */
export function makefileTargets(text: string): Map<string, string> {
  const recipes = new Map<string, { prerequisites: string[]; recipe: string[] }>();
  let current: { prerequisites: string[]; recipe: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith('\t')) {
      const line = raw.slice(1).trim().replace(/^[@+-]+/, '').replace(/\$\(MAKE\)|\$\{MAKE\}/g, 'make');
      for (const rule of current) rule.recipe.push(line);
      continue;
    }
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = RULE.exec(raw);
    if (!m) {
      current = [];
      continue;
    }
    const [recipeOnLine, ...rest] = m[2]!.split(';');
    const prerequisites = (recipeOnLine ?? '').split(/\s+/).filter((p) => p && !p.startsWith('$'));
    current = m[1]!.split(/\s+/).filter((t) => t && !t.startsWith('.') && !t.includes('%')).map((name) => {
      const rule = recipes.get(name) ?? { prerequisites: [], recipe: [] };
      rule.prerequisites.push(...prerequisites);
      if (rest.length) rule.recipe.push(rest.join(';').trim());
      recipes.set(name, rule);
      return rule;
    });
  }
  const out = new Map<string, string>();
  for (const [name, rule] of recipes) out.set(name, [...rule.prerequisites.map((p) => `make ${p}`), ...rule.recipe].join('\n'));
  return out;
}

/** Scripts of a package.json; an unparsable file has none. */
export function packageJsonScripts(text: string): Map<string, string> {
  try {
    const scripts = (JSON.parse(text) as { scripts?: unknown }).scripts;
    if (!scripts || typeof scripts !== 'object') return new Map();
    return new Map(Object.entries(scripts as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** `commands =` of each `[testenv:name]` (and `[testenv]` as `testenv`) in tox.ini. */
export function toxEnvironments(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let env: string | null = null;
  let inCommands = false;
  for (const raw of text.split(/\r?\n/)) {
    const section = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (section) {
      const name = section[1]!.trim();
      env = name === 'testenv' ? 'testenv' : name.startsWith('testenv:') ? name.slice('testenv:'.length) : null;
      inCommands = false;
      continue;
    }
    if (env === null) continue;
    const key = /^(\w[\w-]*)\s*=\s*(.*)$/.exec(raw);
    if (key) {
      inCommands = key[1] === 'commands';
      if (inCommands && key[2]!.trim()) out.set(env, [out.get(env), key[2]!.trim()].filter(Boolean).join('\n'));
      continue;
    }
    if (inCommands && /^\s+\S/.test(raw)) out.set(env, [out.get(env), raw.trim()].filter(Boolean).join('\n'));
  }
  return out;
}

/** Each nox session's `session.run("tool", "arg", …)` calls as shell commands. */
export function noxSessions(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let session: string | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const def = /^def\s+([A-Za-z_]\w*)\s*\(/.exec(raw);
    if (def) {
      session = def[1]!;
      continue;
    }
    if (session === null || !/^\s/.test(raw)) {
      if (raw.trim() && !raw.startsWith('@') && !/^\s/.test(raw)) session = null;
      continue;
    }
    const call = /session\.run\(([^)]*)\)/.exec(raw);
    if (!call) continue;
    const args = [...call[1]!.matchAll(/["']([^"']*)["']/g)].map((a) => a[1]!);
    if (args.length) out.set(session, [out.get(session), args.join(' ')].filter(Boolean).join('\n'));
  }
  return out;
}

const tokens = (command: string): string[] => command.split(/\s+/).filter(Boolean);

/**
 * The commands behind a call of the project's own task runner, or null when the command calls
 * none: `make test lint`, `npm run ci`, `yarn ci`, `pnpm ci`, `bun run ci`, `tox -e lint`, `nox -s tests`.
 */
export function calledTargets(command: string, targets: ProjectTargets): string | null {
  const t = tokens(command);
  const first = t[0];
  if (first === undefined) return null;
  const pick = (map: Map<string, string>, names: string[]): string | null => {
    const found = names.map((n) => map.get(n)).filter((x): x is string => x !== undefined);
    return found.length ? found.join('\n') : null;
  };
  if (first === 'make' || first === 'gmake') {
    const names = t.slice(1).filter((a) => !a.startsWith('-') && !a.includes('='));
    return pick(targets.make, names.length ? names : [...targets.make.keys()].slice(0, 1));
  }
  if (first === 'npm' || first === 'bun' || first === 'pnpm' || first === 'yarn') {
    const rest = t.slice(1).filter((a) => !a.startsWith('-'));
    const name = rest[0] === 'run' || rest[0] === 'run-script' ? rest[1] : first === 'npm' || first === 'bun' ? undefined : rest[0];
    return name ? pick(targets.scripts, [name]) : null;
  }
  if (first === 'tox') {
    const i = t.findIndex((a) => a === '-e' || a.startsWith('-e') || a.startsWith('--env'));
    if (i < 0) return pick(targets.tox, ['testenv']);
    const value = t[i] === '-e' || t[i] === '--env' ? t[i + 1] : t[i]!.replace(/^(-e|--env=?)/, '');
    return value ? pick(targets.tox, value.split(',')) : null;
  }
  if (first === 'nox') {
    const i = t.findIndex((a) => a === '-s' || a === '--session' || a === '--sessions');
    return i >= 0 ? pick(targets.nox, t.slice(i + 1).filter((a) => !a.startsWith('-'))) : null;
  }
  return null;
}
