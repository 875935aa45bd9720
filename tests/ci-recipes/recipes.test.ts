/**
 * The drop-in CI recipes, run as far as this machine allows. action.yml: its `run:` steps execute
 * with bash the way a GitHub runner does (`bash --noprofile --norc -eo pipefail`, stopping at the
 * first failing step) in a temporary git repository, with GITHUB_ACTION_PATH at this project and
 * GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, RUNNER_TEMP and GITHUB_WORKSPACE in temporary paths; `uses:`
 * steps (setup-node, upload-sarif) are not run, their inputs are checked. The GitLab template: the
 * script of a job extending `.os2level` runs the same way. `npm` is a stub that records its calls:
 * the project is already built (`npm test` builds first) and a test must not reinstall it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cleanupTempDirs, tempDir } from '../helpers/gitRepo.js';
import { PROJECT_ROOT, runCli } from '../helpers/cli.js';
import { createN1Product } from '../helpers/products.js';
import { sarifErrors } from '../format/sarifSchema.js';

afterAll(cleanupTempDirs);

/** A `npm` on PATH that only records how it was called. */
function npmStub(): { bin: string; log: string } {
  const bin = tempDir('os2level-bin-');
  const log = join(bin, 'npm.log');
  writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$PWD|$*" >> "${log}"\n`);
  chmodSync(join(bin, 'npm'), 0o755);
  return { bin, log };
}

const runBash = (script: string, cwd: string, env: NodeJS.ProcessEnv): number => {
  const file = join(tempDir('os2level-step-'), 'step.sh');
  writeFileSync(file, script);
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 && r.status !== 1) process.stderr.write(`step failed (${r.status}): ${r.stderr}\n`);
  return r.status ?? -1;
};

/** `key=value` lines of a GITHUB_OUTPUT file. */
const readOutputs = (file: string): Record<string, string> =>
  Object.fromEntries((existsSync(file) ? readFileSync(file, 'utf8') : '').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));

describe('action.yml', () => {
  const action = parse(readFileSync(join(PROJECT_ROOT, 'action.yml'), 'utf8'));
  const steps: any[] = action.runs.steps;

  interface ActionRun {
    exit: number;
    summary: string;
    outputs: Record<string, string>;
    npmCalls: string[];
    /** `uses:` steps that would run, with their inputs resolved. */
    uses: { uses: string; with: Record<string, string> }[];
  }

  function runAction(inputs: Record<string, string>, { workspace, runnerTemp = tempDir('os2level-runner-') }: { workspace: string; runnerTemp?: string }): ActionRun {
    const summaryFile = join(runnerTemp, 'step_summary.md');
    const outputFile = join(runnerTemp, 'github_output');
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    const npm = npmStub();
    const input = (name: string): string => {
      expect(Object.keys(action.inputs), `input ${name} is declared`).toContain(name);
      return inputs[name] ?? String(action.inputs[name].default ?? '');
    };
    const stepOutputs: Record<string, Record<string, string>> = {};
    /** The expressions the action uses; anything else fails the test so none goes unchecked. */
    const expand = (s: unknown): string =>
      String(s).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
        if (expr === 'github.action_path') return PROJECT_ROOT;
        let m = /^inputs\.([\w-]+)$/.exec(expr);
        if (m) return input(m[1]!);
        m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr);
        if (m) return stepOutputs[m[1]!]?.[m[2]!] ?? '';
        throw new Error(`unsupported expression in action.yml: ${expr}`);
      });
    const condition = (cond: string): boolean => {
      const m = /^always\(\) && steps\.([\w-]+)\.outputs\.([\w-]+) != ''$/.exec(cond.trim());
      if (!m) throw new Error(`unsupported condition in action.yml: ${cond}`);
      return (stepOutputs[m[1]!]?.[m[2]!] ?? '') !== '';
    };
    const env: NodeJS.ProcessEnv = {
      PATH: `${npm.bin}:${process.env.PATH}`, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1',
      GITHUB_ACTION_PATH: PROJECT_ROOT, GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: runnerTemp,
    };
    let exit = 0;
    const uses: ActionRun['uses'] = [];
    for (const step of steps) {
      if (step.uses) {
        // A failed step skips the rest unless its condition says always().
        if (step.if ? condition(step.if) : exit === 0) uses.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(v)])) });
        continue;
      }
      if (exit !== 0) continue;
      expect(step.shell, `step "${step.name}" names its shell`).toBe('bash');
      const wd = step['working-directory'] ? expand(step['working-directory']) : '.';
      const cwd = isAbsolute(wd) ? wd : resolve(workspace, wd);
      const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)]));
      // Inputs reach the script through env only: the script itself holds no expression.
      expect(String(step.run)).not.toMatch(/\$\{\{/);
      writeFileSync(outputFile, '');
      exit = runBash(String(step.run), cwd, { ...env, ...stepEnv });
      if (step.id) stepOutputs[step.id] = readOutputs(outputFile);
    }
    const npmCalls = existsSync(npm.log) ? readFileSync(npm.log, 'utf8').trim().split('\n') : [];
    return { exit, summary: readFileSync(summaryFile, 'utf8'), outputs: stepOutputs.check ?? {}, npmCalls, uses };
  }

  it('declares the inputs the README documents and runs on the current LTS (24) unless node-version says otherwise', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['baseline', 'levels', 'min-level', 'sarif-file', 'strict', 'lang', 'working-directory', 'node-version'].sort());
    expect(action.inputs['node-version'].default).toBe('24');
    expect(action.runs.using).toBe('composite');
    const setupNode = steps.find((s) => String(s.uses).startsWith('actions/setup-node@'));
    expect(String(setupNode.with['node-version'])).toBe('${{ inputs.node-version }}');
    expect(steps.some((s) => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it('reached: exit 0, the Markdown in the step summary, a valid SARIF file handed to upload-sarif, npm ci && build in the action path', () => {
    const repo = createN1Product();
    const r = runAction({ 'min-level': '1', lang: 'en', 'working-directory': basename(repo.dir) }, { workspace: dirname(repo.dir) });
    expect(r.exit).toBe(0);
    expect(r.outputs['exit-code']).toBe('0');
    // The step summary is the Markdown report, then the table of what is not met (os2level appends it).
    const markdown = runCli(['check', repo.dir, '--format', 'markdown', '--lang', 'en']).stdout;
    expect(r.summary.startsWith(markdown)).toBe(true);
    expect(r.summary).toMatch(/OS2example/);
    const sarifPath = r.outputs['sarif-file']!;
    expect(sarifPath).toBe(join(repo.dir, 'os2level.sarif'));
    expect(sarifErrors(JSON.parse(readFileSync(sarifPath, 'utf8')))).toEqual([]);
    expect(r.uses.map((u) => u.uses.split('@')[0])).toEqual(['actions/setup-node', 'github/codeql-action/upload-sarif']);
    expect(r.uses[1]!.with.sarif_file).toBe(sarifPath);
    expect(r.uses[0]!.with['node-version']).toBe('24');
    expect(r.npmCalls).toEqual([`${PROJECT_ROOT.replace(/\/$/, '')}|ci --no-audit --no-fund`, `${PROJECT_ROOT.replace(/\/$/, '')}|run build`]);
  });

  it('not reached: the step fails with exit 1 after writing the summary, the outputs and the SARIF, which is still uploaded', () => {
    const repo = createN1Product();
    const r = runAction({ 'min-level': '2', lang: 'da', 'sarif-file': 'out/os2level.sarif', 'node-version': '22' }, { workspace: repo.dir });
    expect(r.exit).toBe(1);
    expect(r.uses[0]!.with['node-version']).toBe('22');
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.summary.startsWith(runCli(['check', repo.dir, '--format', 'markdown', '--lang', 'da']).stdout)).toBe(true);
    expect(r.summary).toContain('Ikke opfyldt, det der blokerer N2 først');
    // The SARIF's folder is created; the file is uploaded although the step failed (if: always()).
    expect(r.outputs['sarif-file']).toBe(join(repo.dir, 'out/os2level.sarif'));
    const upload = r.uses.find((u) => u.uses.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.with.sarif_file).toBe(r.outputs['sarif-file']);
    const sarif = JSON.parse(readFileSync(upload.with.sarif_file!, 'utf8'));
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
  });

  it('without a SARIF file nothing is uploaded', () => {
    const repo = createN1Product();
    const r = runAction({ 'min-level': '1', 'sarif-file': '' }, { workspace: repo.dir });
    expect(r.exit).toBe(0);
    expect(r.outputs['sarif-file']).toBeUndefined();
    expect(r.uses.map((u) => u.uses.split('@')[0])).toEqual(['actions/setup-node']);
  });

  it('strict and the baseline are passed through; without min-level it only reports', () => {
    const repo = createN1Product();
    expect(runAction({}, { workspace: repo.dir }).exit).toBe(0);
    // N1 product: should-requirements at N1 (e.g. docs.contributing) are open, so --strict fails the gate.
    expect(runAction({ 'min-level': '1', strict: 'true' }, { workspace: repo.dir }).exit).toBe(1);
    const baseline = join(tempDir(), 'baseline.json');
    expect(runCli(['check', repo.dir, '--write-baseline', baseline]).status).toBe(0);
    expect(runAction({ 'min-level': '1', baseline }, { workspace: repo.dir }).exit).toBe(0);
    writeFileSync(baseline, '{}');
    const broken = runAction({ 'min-level': '1', baseline }, { workspace: repo.dir });
    expect(broken.exit).toBe(2);
    expect(broken.outputs['exit-code']).toBe('2');
  });

  it('an input cannot inject shell commands', () => {
    const repo = createN1Product();
    const marker = join(tempDir(), 'pwned');
    const r = runAction({ lang: `en"; touch ${marker}; echo "`, 'min-level': '1' }, { workspace: repo.dir });
    expect(r.exit).toBe(2); // an invalid --lang is a usage error
    expect(existsSync(marker)).toBe(false);
  });
});

describe('GitLab CI template', () => {
  const template = parse(readFileSync(join(PROJECT_ROOT, 'ci/gitlab/os2level.gitlab-ci.yml'), 'utf8'));

  /** A pipeline that includes the template and extends the hidden job, with `extends` resolved as GitLab merges it. */
  function job(variables: Record<string, string>): any {
    const pipeline = { ...template, os2level: { extends: '.os2level', variables } };
    const base = pipeline[pipeline.os2level.extends];
    return { ...base, ...pipeline.os2level, variables: { ...base.variables, ...variables } };
  }

  function runJob(j: any, projectDir: string): { exit: number; npmCalls: string[] } {
    const npm = npmStub();
    const env: NodeJS.ProcessEnv = {
      PATH: `${npm.bin}:${process.env.PATH}`, HOME: process.env.HOME, LANG: 'C', NO_COLOR: '1', CI: 'true', CI_PROJECT_DIR: projectDir,
      ...Object.fromEntries(Object.entries(j.variables).map(([k, v]) => [k, String(v)])),
    };
    // The runner joins before_script and script into one shell script that stops at the first failure.
    const script = [...(j.before_script ?? []), ...j.script].join('\n');
    const exit = runBash(script, projectDir, env);
    return { exit, npmCalls: existsSync(npm.log) ? readFileSync(npm.log, 'utf8').trim().split('\n') : [] };
  }

  it('a hidden job on the current LTS (node:24, OS2LEVEL_NODE_VERSION to choose) with full history, the JUnit report and the Markdown summary as artifacts', () => {
    const hidden = template['.os2level'];
    expect(hidden.image).toBe('node:${OS2LEVEL_NODE_VERSION}');
    expect(String(hidden.variables.OS2LEVEL_NODE_VERSION)).toBe('24');
    expect(String(hidden.variables.GIT_DEPTH)).toBe('0');
    expect(hidden.artifacts.when).toBe('always');
    expect(hidden.artifacts.reports.junit).toBe('os2level.junit.xml');
    expect(hidden.artifacts.paths).toEqual(expect.arrayContaining(['os2level.md', 'os2level.junit.xml']));
    expect(Object.keys(template).filter((k) => !k.startsWith('.'))).toEqual([]);
  });

  it('reached: exit 0 and both artifacts written where the job collects them', () => {
    const repo = createN1Product();
    const r = runJob(job({ OS2LEVEL_HOME: PROJECT_ROOT, OS2LEVEL_MIN_LEVEL: '1', OS2LEVEL_LANG: 'en' }), repo.dir);
    expect(r.exit).toBe(0);
    expect(r.npmCalls).toEqual([]);
    const xml = readFileSync(join(repo.dir, 'os2level.junit.xml'), 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.testsuites).toBeDefined();
    expect(readFileSync(join(repo.dir, 'os2level.md'), 'utf8')).toBe(runCli(['check', repo.dir, '--format', 'markdown', '--lang', 'en']).stdout);
  });

  it('not reached: exit 1 follows --min-level, the artifacts still written', () => {
    const repo = createN1Product();
    const r = runJob(job({ OS2LEVEL_HOME: PROJECT_ROOT, OS2LEVEL_MIN_LEVEL: '2' }), repo.dir);
    expect(r.exit).toBe(1);
    expect(XMLValidator.validate(readFileSync(join(repo.dir, 'os2level.junit.xml'), 'utf8'))).toBe(true);
    expect(existsSync(join(repo.dir, 'os2level.md'))).toBe(true);
  });

  it('builds os2level from OS2LEVEL_REPO when no installation is given, and says what is missing when neither is', () => {
    const repo = createN1Product();
    const missing = runJob(job({}), repo.dir);
    expect(missing.exit).toBe(2);
    // A clone of this project (its committed files) through git's file transport; npm is the stub,
    // so the clone has no build and the check step cannot run: what matters is the calls made.
    const r = runJob(job({ OS2LEVEL_REPO: `file://${PROJECT_ROOT}`, OS2LEVEL_REF: currentBranch() }), repo.dir);
    expect(r.npmCalls.map((c) => c.split('|')[1])).toEqual(['ci --no-audit --no-fund', 'run build']);
    expect(r.npmCalls[0]!.split('|')[0]).toMatch(/\/os2level$/);
    expect(r.exit).not.toBe(0);
  });
});

function currentBranch(): string {
  return spawnSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], { cwd: PROJECT_ROOT, encoding: 'utf8' }).stdout.trim();
}
