/**
 * CI and dependency-update evidence as real repositories write it: each case is a small repository
 * (real git, real files) in one of the shapes seen in OS2 and other public-sector projects.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { collectFacts } from '../../src/facts/collect.js';
import { cleanupTempDirs, createRepo } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

async function kindsOf(files: Record<string, string>): Promise<string[]> {
  const repo = createRepo(files).commit('initial');
  const facts = await collectFacts(repo.dir);
  return [...new Set(facts.ci.steps.flatMap((s) => s.kinds))].filter((k) => k !== 'other').sort();
}

const workflow = (run: string): string => `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n${run.split('\n').map((l) => `          ${l}`).join('\n')}\n`;

describe('CI steps behind wrappers and in multi-line scripts', () => {
  it.each([
    ['coverage run … manage.py test in a multi-line script', 'set -e\ncd backend\ncoverage run --source=. manage.py test --settings=app.settings.ci\ncoverage xml', ['coverage', 'test']],
    ['xvfb-run npm test', 'npm ci\nxvfb-run -a npm test', ['test']],
    ['docker compose run app pytest', 'docker compose -f docker-compose.ci.yml run --rm -e DJANGO_SETTINGS=ci app pytest -q', ['test']],
    ['docker run image npm test', 'docker run --rm -v "$PWD:/src" -w /src node:20 npm test', ['test']],
    ['timeout around a test runner', 'timeout 20m go test ./...', ['test']],
  ])('%s', async (_name, script, kinds) => {
    expect(await kindsOf({ '.github/workflows/ci.yml': workflow(script) })).toEqual(kinds);
  });
});

describe('CircleCI reusable configuration', () => {
  it('follows a job into the reusable commands it calls, also under when', async () => {
    const config = `version: 2.1
executors:
  py:
    docker:
      - image: cimg/python:3.12
commands:
  install:
    steps:
      - run: pip install -r requirements.txt
  run-tests:
    parameters:
      suite: { type: string, default: unit }
    steps:
      - install
      - when:
          condition: true
          steps:
            - run:
                name: Tests
                command: python -m pytest tests/<< parameters.suite >>
jobs:
  test:
    executor: py
    steps:
      - checkout
      - run-tests:
          suite: unit
workflows:
  main:
    jobs: [test]
`;
    expect(await kindsOf({ '.circleci/config.yml': config })).toEqual(['test']);
  });

  it('counts an orb test job a workflow runs', async () => {
    const config = `version: 2.1
orbs:
  node: circleci/node@5.2
workflows:
  main:
    jobs:
      - node/test:
          version: '20.11'
`;
    expect(await kindsOf({ '.circleci/config.yml': config })).toEqual(['test']);
  });
});

describe('GitHub reusable workflows and local composite actions', () => {
  it('reads the steps of a local composite action a workflow uses', async () => {
    const files = {
      '.github/workflows/ci.yml': 'on: push\njobs:\n  ci:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: ./.github/actions/test\n',
      '.github/actions/test/action.yml': 'name: test\nruns:\n  using: composite\n  steps:\n    - run: npm ci && npm test\n      shell: bash\n',
    };
    expect(await kindsOf(files)).toEqual(['test']);
  });

  it('reads the jobs of a reusable workflow another workflow calls', async () => {
    const files = {
      '.github/workflows/ci.yml': 'on: push\njobs:\n  call:\n    uses: ./.github/workflows/tests.yml\n',
      '.github/workflows/tests.yml': 'on: workflow_call\njobs:\n  unit:\n    runs-on: ubuntu-latest\n    steps:\n      - run: mvn -B verify\n',
    };
    expect(await kindsOf(files)).toEqual(['test']);
  });
});

describe('dependency-update configuration outside .github/', () => {
  it.each(['.gitlab/dependabot.yml', 'renovate.json5', '.renovaterc', '.renovaterc.json', '.github/renovate.json', '.gitlab/renovate.json'])('%s', async (path) => {
    const repo = createRepo({ [path]: path.includes('dependabot') ? 'version: 2\nupdates: []\n' : '{ extends: ["config:recommended"] }\n', 'README.md': '# x\n' }).commit('initial');
    const facts = await collectFacts(repo.dir);
    expect(facts.wellKnown.dependencyUpdates.map((f) => f.path)).toEqual([path]);
  });
});

describe('targets of the project\'s own task runners that a CI step calls', () => {
  it.each([
    ['a Makefile target whose recipe runs the tests', { Makefile: '.PHONY: ci test\nci: lint test\n\nlint:\n\t@flake8 src\n\ntest:\n\t$(MAKE) unit\n\nunit:\n\tpython -m pytest -q\n' }, 'make ci', ['lint', 'test']],
    ['a package.json script', { 'package.json': JSON.stringify({ scripts: { ci: 'npm run lint && npm run unit', lint: 'eslint .', unit: 'vitest run' } }) }, 'npm ci\nnpm run ci', ['lint', 'test']],
    ['a tox environment that lints', { 'tox.ini': '[tox]\nenvlist = py312\n\n[testenv:lint]\ndeps = ruff\ncommands =\n    ruff check src\n' }, 'tox -e lint', ['lint', 'test']],
    ['a nox session', { 'noxfile.py': 'import nox\n\n@nox.session\ndef lint(session):\n    session.install("flake8")\n    session.run("flake8", "src")\n' }, 'nox -s lint', ['lint', 'test']],
  ])('%s', async (_name, files, script, kinds) => {
    expect(await kindsOf({ ...files, '.github/workflows/ci.yml': workflow(script) })).toEqual(kinds);
  });

  it('a target that runs no tests adds nothing', async () => {
    expect(await kindsOf({ Makefile: 'ci:\n\techo building\n', '.github/workflows/ci.yml': workflow('make ci') })).toEqual([]);
  });
});

describe('Renovate configured in package.json', () => {
  it('counts the renovate key of the root package.json, not a package.json without one', async () => {
    const withKey = createRepo({ 'package.json': JSON.stringify({ name: 'x', renovate: { extends: ['config:recommended'] } }) }).commit('initial');
    expect((await collectFacts(withKey.dir)).wellKnown.dependencyUpdates.map((f) => f.path)).toEqual(['package.json']);
    const without = createRepo({ 'package.json': JSON.stringify({ name: 'x' }) }).commit('initial');
    expect((await collectFacts(without.dir)).wellKnown.dependencyUpdates).toEqual([]);
  });
});
