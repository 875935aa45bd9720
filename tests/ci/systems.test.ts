import { afterAll, describe, expect, it } from 'vitest';
import { collectCiFacts } from '../../src/facts/ci.js';
import type { CiFacts, FileIndexFacts } from '../../src/facts/types.js';
import { cleanupTempDirs, tempDir, writeFiles } from '../helpers/gitRepo.js';

afterAll(cleanupTempDirs);

const indexOf = (files: Record<string, string>): FileIndexFacts => ({ source: 'walk', paths: Object.keys(files).sort(), symlinksOutside: [], truncated: false });

async function ciOf(files: Record<string, string>): Promise<CiFacts> {
  const dir = tempDir();
  writeFiles(dir, files);
  return collectCiFacts(dir, indexOf(files));
}

const kindsOf = (facts: CiFacts) => new Set(facts.steps.flatMap((s) => s.kinds));
const jobsWith = (facts: CiFacts, kind: string) => [...new Set(facts.steps.filter((s) => s.kinds.includes(kind as never)).map((s) => `${s.file}#${s.job}`))].sort();

describe('GitHub Actions', () => {
  it('reads run and uses steps per job, with lines', async () => {
    const facts = await ciOf({
      '.github/workflows/ci.yml': `name: CI
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: |
          npm run build
          npm test -- --coverage
      - uses: codecov/codecov-action@v4
  image:
    runs-on: ubuntu-latest
    steps:
      - uses: docker/build-push-action@v5
  codeql:
    uses: ./.github/workflows/codeql-reusable.yml
`,
      '.github/workflows/codeql.yaml': `on: push
jobs:
  analyze:
    steps:
      - uses: github/codeql-action/init@v3
      - uses: github/codeql-action/analyze@v3
`,
    });
    expect(facts.files).toEqual([
      { path: '.github/workflows/ci.yml', system: 'github-actions' },
      { path: '.github/workflows/codeql.yaml', system: 'github-actions' },
    ]);
    const test = facts.steps.find((s) => s.kinds.includes('test'))!;
    expect(test).toMatchObject({ file: '.github/workflows/ci.yml', job: 'test', line: 9, kinds: ['test', 'coverage'] });
    expect(jobsWith(facts, 'container-build')).toEqual(['.github/workflows/ci.yml#image']);
    expect(jobsWith(facts, 'security-scan')).toEqual(['.github/workflows/codeql.yaml#analyze']);
    expect(jobsWith(facts, 'coverage')).toEqual(['.github/workflows/ci.yml#test']);
  });

  it('a workflow that only lints has no test step', async () => {
    const facts = await ciOf({
      '.github/workflows/lint.yml': `on: pull_request
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm run lint
      - run: npx prettier --check .
`,
    });
    expect(kindsOf(facts).has('test')).toBe(false);
    expect(jobsWith(facts, 'lint')).toEqual(['.github/workflows/lint.yml#lint']);
  });

  it('a malformed workflow gets a parseError and the others are still read', async () => {
    const facts = await ciOf({
      '.github/workflows/bad.yml': 'jobs:\n  test:\n    steps: [\n',
      '.github/workflows/good.yml': 'jobs:\n  t:\n    steps:\n      - run: go test ./...\n',
    });
    expect(facts.files.find((f) => f.path.endsWith('bad.yml'))!.parseError).toMatch(/line \d+/);
    expect(jobsWith(facts, 'test')).toEqual(['.github/workflows/good.yml#t']);
  });
});

describe('GitLab CI', () => {
  it('resolves extends through hidden templates and reads local includes', async () => {
    const facts = await ciOf({
      '.gitlab-ci.yml': `include:
  - local: /ci/templates.yml
  - '/ci/python.yml'
  - template: Security/SAST.gitlab-ci.yml
stages: [test, build]
default:
  before_script:
    - echo setup
unit:
  extends: .node-test
  stage: test
docker-image:
  stage: build
  script:
    - docker build -t app .
  before_script: []
`,
      'ci/templates.yml': `.node-base:
  image: node:20
.node-test:
  extends: .node-base
  script:
    - npm ci
    - npm test
`,
      'ci/python.yml': `pytest:
  script: pytest --cov
`,
    });
    expect(facts.files.map((f) => f.path).sort()).toEqual(['.gitlab-ci.yml', 'ci/python.yml', 'ci/templates.yml']);
    expect(facts.files.every((f) => f.system === 'gitlab-ci' && !f.parseError)).toBe(true);
    const unitTest = facts.steps.find((s) => s.job === 'unit' && s.kinds.includes('test'))!;
    expect(unitTest).toMatchObject({ file: 'ci/templates.yml', command: 'npm test', line: 7 });
    expect(jobsWith(facts, 'test')).toEqual(['ci/python.yml#pytest', 'ci/templates.yml#unit']);
    expect(jobsWith(facts, 'security-scan')).toEqual(['.gitlab-ci.yml#null']);
    expect(jobsWith(facts, 'container-build')).toEqual(['.gitlab-ci.yml#docker-image']);
    // hidden jobs never run on their own
    expect(facts.steps.some((s) => s.job?.startsWith('.'))).toBe(false);
    // the default before_script applies to jobs without their own
    expect(facts.steps.filter((s) => s.command === 'echo setup').map((s) => s.job).sort()).toEqual(['pytest', 'unit']);
  });

  it('honours !reference tags and YAML merge keys', async () => {
    const facts = await ciOf({
      '.gitlab-ci.yml': `.scripts:
  test:
    - make test
.defaults: &defaults
  script:
    - cargo test
rust:
  <<: *defaults
c:
  script:
    - !reference [.scripts, test]
`,
    });
    expect(jobsWith(facts, 'test')).toEqual(['.gitlab-ci.yml#c', '.gitlab-ci.yml#rust']);
  });

  it('a missing include is recorded, the rest still read', async () => {
    const facts = await ciOf({ '.gitlab-ci.yml': `include: /ci/missing.yml\ntest:\n  script: [go test ./...]\n` });
    expect(facts.files.find((f) => f.path === 'ci/missing.yml')?.parseError).toMatch(/not-found/);
    expect(jobsWith(facts, 'test')).toEqual(['.gitlab-ci.yml#test']);
  });
});

describe('Jenkinsfile', () => {
  it('reads sh/bat/powershell steps in every quoting style, within their stage', async () => {
    const facts = await ciOf({
      Jenkinsfile: `pipeline {
  agent any
  stages {
    stage('Build') {
      steps {
        // sh 'npm test'  (commented out)
        sh "mvn -B -DskipTests package"
      }
    }
    stage("Test") {
      steps {
        sh '''
          mvn -B verify
        '''
        bat 'dotnet test'
        sh(script: "docker build -t app .", returnStatus: true)
      }
    }
    stage('Scan') {
      steps { powershell """trivy fs ."""; sh label: 'lint', script: 'npx eslint .' }
    }
  }
}
`,
    });
    expect(facts.files).toEqual([{ path: 'Jenkinsfile', system: 'jenkins' }]);
    expect(jobsWith(facts, 'test')).toEqual(['Jenkinsfile#Test']);
    expect(facts.steps.filter((s) => s.job === 'Test').map((s) => s.kinds)).toEqual([['test'], ['test'], ['container-build']]);
    expect(facts.steps.find((s) => s.command === 'mvn -B verify')?.line).toBe(12);
    expect(jobsWith(facts, 'security-scan')).toEqual(['Jenkinsfile#Scan']);
    expect(jobsWith(facts, 'lint')).toEqual(['Jenkinsfile#Scan']);
    expect(facts.steps.find((s) => s.job === 'Build')!.kinds).toEqual(['other']);
  });

  it('an unterminated string is a parseError', async () => {
    const facts = await ciOf({ Jenkinsfile: "node {\n  sh 'npm test\n}\n" });
    expect(facts.files[0]!.parseError).toMatch(/line 2/);
  });
});

describe('Azure Pipelines', () => {
  it('reads scripts and tasks by their inputs', async () => {
    const facts = await ciOf({
      'azure-pipelines.yml': `trigger: [main]
stages:
  - stage: CI
    jobs:
      - job: dotnet
        steps:
          - script: dotnet build
          - task: DotNetCoreCLI@2
            inputs:
              command: test
              arguments: '--collect:"XPlat Code Coverage"'
          - task: PublishCodeCoverageResults@2
      - job: java
        steps:
          - task: Maven@3
            inputs:
              goals: 'clean verify'
          - bash: docker build -t app .
`,
    });
    expect(jobsWith(facts, 'test')).toEqual(['azure-pipelines.yml#dotnet', 'azure-pipelines.yml#java']);
    expect(facts.steps.find((s) => s.command.startsWith('DotNetCoreCLI@2'))).toMatchObject({ kinds: ['test', 'coverage'], line: 8 });
    expect(jobsWith(facts, 'container-build')).toEqual(['azure-pipelines.yml#java']);
  });
});

describe('Bitbucket Pipelines', () => {
  it('reads steps from every pipeline, anchors once, and pipes', async () => {
    const facts = await ciOf({
      'bitbucket-pipelines.yml': `definitions:
  steps:
    - step: &test
        name: Unit tests
        script:
          - npm ci
          - npm test
pipelines:
  default:
    - step: *test
  branches:
    main:
      - step: *test
      - parallel:
          - step:
              name: Scan
              script:
                - pipe: snyk/snyk-scan:1.0.0
`,
    });
    expect(facts.steps.filter((s) => s.kinds.includes('test'))).toHaveLength(1);
    expect(jobsWith(facts, 'test')).toEqual(['bitbucket-pipelines.yml#Unit tests']);
    expect(jobsWith(facts, 'security-scan')).toEqual(['bitbucket-pipelines.yml#Scan']);
  });
});

describe('CircleCI', () => {
  it('reads run steps as strings and as { command }', async () => {
    const facts = await ciOf({
      '.circleci/config.yml': `version: 2.1
jobs:
  build:
    docker: [{ image: cimg/node:20.0 }]
    steps:
      - checkout
      - run: npm ci
      - run:
          name: Tests
          command: npm test
  lint:
    steps:
      - run: { name: Lint, command: npm run lint }
`,
    });
    expect(jobsWith(facts, 'test')).toEqual(['.circleci/config.yml#build']);
    expect(facts.steps.find((s) => s.command === 'npm test')?.line).toBe(10);
    expect(jobsWith(facts, 'lint')).toEqual(['.circleci/config.yml#lint']);
  });
});

describe('Travis', () => {
  it('reads phases, job includes, and the language default when there is no script', async () => {
    const explicit = await ciOf({
      '.travis.yml': `language: python
install: pip install -r requirements.txt
script:
  - pytest
jobs:
  include:
    - name: image
      script: docker build .
`,
    });
    expect(jobsWith(explicit, 'test')).toEqual(['.travis.yml#null']);
    expect(jobsWith(explicit, 'container-build')).toEqual(['.travis.yml#image']);
    const implicit = await ciOf({ '.travis.yml': 'language: node_js\nnode_js: [20]\n' });
    expect(implicit.steps).toEqual([expect.objectContaining({ command: 'npm test (default)', kinds: ['test'] })]);
  });
});

describe('Woodpecker and Drone', () => {
  it('reads commands of map-style and list-style steps, and plugin images', async () => {
    const facts = await ciOf({
      '.woodpecker/test.yml': `steps:
  test:
    image: golang:1.22
    commands:
      - go vet ./...
      - go test ./...
  publish:
    image: woodpeckerci/plugin-docker-buildx
    settings: { repo: example/app }
`,
      '.woodpecker.yml': `steps:
  - name: lint
    image: node
    commands: [npm run lint]
`,
      '.drone.yml': `kind: pipeline
name: default
steps:
  - name: test
    image: python:3.12
    commands:
      - pip install tox
      - tox
---
kind: pipeline
name: release
steps:
  - name: docker
    image: plugins/docker
`,
    });
    expect(jobsWith(facts, 'test')).toEqual(['.drone.yml#default/test', '.woodpecker/test.yml#test']);
    expect(jobsWith(facts, 'container-build')).toEqual(['.drone.yml#release/docker', '.woodpecker/test.yml#publish']);
    expect(jobsWith(facts, 'lint')).toEqual(['.woodpecker.yml#lint', '.woodpecker/test.yml#test']);
    expect(facts.files.map((f) => f.system).sort()).toEqual(['drone', 'woodpecker', 'woodpecker']);
  });
});

it('a repository without CI definitions has none', async () => {
  expect(await ciOf({ 'README.md': '# x' })).toEqual({ files: [], steps: [] });
});
