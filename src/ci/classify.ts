/**
 * Classifies CI steps by what they do: a shell command, or a reference to a packaged step (a
 * GitHub action, an Azure task, a CircleCI orb command, a Woodpecker/Drone plugin image, a GitLab
 * CI template). Pure and table-driven: adding a tool is one row.
 */
import type { CiStepKind } from '../facts/types.js';
import { calledTargets, type ProjectTargets } from './projectTargets.js';

interface Rule {
  kind: Exclude<CiStepKind, 'other'>;
  pattern: RegExp;
  /** A match of this pattern on the same command cancels the rule (e.g. `-DskipTests`). */
  unless?: RegExp;
}

const JS_RUNNER = String.raw`(?:npm|pnpm|yarn|bun)`;

/** Rules on one simple command, after wrappers (`npx`, `bundle exec`, env assignments…) are removed. */
const COMMAND_RULES: readonly Rule[] = [
  // test
  { kind: 'test', pattern: new RegExp(String.raw`^${JS_RUNNER}\s+(?:run(?:-script)?\s+)?(?:test|t)(?:[:\-_.][\w:.-]*)?(?:\s|$)`) },
  { kind: 'test', pattern: new RegExp(String.raw`^${JS_RUNNER}\s+(?:cit|it|install-test|install-ci-test)(?:\s|$)`) },
  { kind: 'test', pattern: /^(?:vitest|jest|mocha|ava|karma|tap|jasmine|qunit|wdio|testcafe|uvu)(?:\s|$)/ },
  { kind: 'test', pattern: /^(?:ng|react-scripts|vue-cli-service|nx|deno|flutter|dart|swift|sbt|lein|meson|rails|bin\/rails)\s+(?:test|run-many\s+.*--target[= ]test)(?:\s|$|:)/ },
  { kind: 'test', pattern: /^(?:cypress\s+run|playwright\s+test)(?:\s|$)/ },
  { kind: 'test', pattern: /^(?:pytest|py\.test|tox|nox|pest|rspec|ctest|gotestsum|trial|nosetests|behave)(?:\s|$)/ },
  { kind: 'test', pattern: /^coverage\s+run\s(?:.*\s)?(?:-m\s+(?:pytest|unittest|nose2?)|manage\.py\s+test|runtests\.py)(?:\s|$)/ },
  { kind: 'test', pattern: /^python[\d.]*\s+-m\s+(?:pytest|unittest|tox|nox|nose2?)(?:\s|$)/ },
  { kind: 'test', pattern: /^python[\d.]*\s+(?:\S*\/)?(?:manage\.py|setup\.py|runtests\.py)\s+test(?:\s|$)/ },
  {
    kind: 'test',
    // Maven runs the test phase on the way to package/verify/install/deploy unless told to skip.
    pattern: /^(?:\S*\/)?mvnw?(?:\.cmd)?\s(?:.*\s)?(?:test|verify|install|package|deploy|surefire:test)(?:\s|$)/,
    unless: /-DskipTests(?:=true)?(?:\s|$)|-Dmaven\.test\.skip=true/,
  },
  {
    kind: 'test',
    pattern: /^(?:\S*\/)?gradlew?(?:\.bat)?\s(?:.*\s)?(?::?[\w-]+:)*(?:test|check|build|integrationTest|connectedCheck|testDebugUnitTest)(?:\s|$)/,
    unless: /(?:-x|--exclude-task)\s+:?test(?:\s|$)/,
  },
  { kind: 'test', pattern: /^dotnet\s+(?:test|vstest)(?:\s|$)/ },
  { kind: 'test', pattern: /^(?:\S*\/)?phpunit(?:\s|$)/ },
  { kind: 'test', pattern: /^composer\s+(?:run(?:-script)?\s+)?test(?:[:\-_][\w:-]*)?(?:\s|$)/ },
  { kind: 'test', pattern: /^php\s+artisan\s+test(?:\s|$)/ },
  { kind: 'test', pattern: /^go\s+test(?:\s|$)/ },
  { kind: 'test', pattern: /^cargo\s+(?:test|nextest|tarpaulin|llvm-cov)(?:\s|$)/ },
  { kind: 'test', pattern: /^rake(?:\s+(?:test|spec)(?:[:\s]|$)|$)/ },
  { kind: 'test', pattern: /^mix\s+test(?:\s|$)/ },
  { kind: 'test', pattern: /^make\s(?:.*\s)?(?:test|check|tests|unittest|test-\w+)(?:\s|$)/ },
  // lint
  { kind: 'lint', pattern: /^(?:eslint|stylelint|flake8|pylint|golangci-lint|rubocop|phpcs|php-cs-fixer|hadolint|shellcheck|markdownlint(?:-cli2)?|yamllint|mypy|xo|standard|phpstan|psalm|ktlint|detekt|swiftlint|credo)(?:\s|$)/ },
  { kind: 'lint', pattern: /^(?:\S*\/)?(?:phpcs|php-cs-fixer|phpstan)(?:\s|$)/ },
  { kind: 'lint', pattern: /^prettier\s(?:.*\s)?(?:--check|-c|--list-different|-l)(?:\s|$)/ },
  { kind: 'lint', pattern: /^biome\s+(?:check|lint|ci)(?:\s|$)/ },
  { kind: 'lint', pattern: /^ruff(?:\s+check|\s+format\s+(?:.*\s)?--check|\s+\.|$)/ },
  { kind: 'lint', pattern: /^black\s(?:.*\s)?--check(?:\s|$)/ },
  { kind: 'lint', pattern: /^isort\s(?:.*\s)?(?:--check|--check-only|-c)(?:\s|$)/ },
  { kind: 'lint', pattern: new RegExp(String.raw`^${JS_RUNNER}\s+(?:run(?:-script)?\s+)?lint(?:[:\-_][\w:-]*)?(?:\s|$)`) },
  { kind: 'lint', pattern: /^(?:ng|nx)\s+lint(?:\s|$)/ },
  { kind: 'lint', pattern: /^(?:\S*\/)?mvnw?\s(?:.*\s)?(?:checkstyle:check|spotless:check|pmd:check|pmd:pmd)(?:\s|$)/ },
  { kind: 'lint', pattern: /^(?:\S*\/)?gradlew?\s(?:.*\s)?(?:checkstyleMain|spotlessCheck|ktlintCheck|detekt|lint)(?:\s|$)/ },
  { kind: 'lint', pattern: /^go\s+vet(?:\s|$)/ },
  { kind: 'lint', pattern: /^gofmt\s+-l(?:\s|$)/ },
  { kind: 'lint', pattern: /^cargo\s+(?:clippy|fmt\s+(?:.*\s)?--check)(?:\s|$)/ },
  { kind: 'lint', pattern: /^dotnet\s+format\s(?:.*\s)?--verify-no-changes(?:\s|$)/ },
  { kind: 'lint', pattern: /^mix\s+(?:credo|format\s+--check-formatted)(?:\s|$)/ },
  { kind: 'lint', pattern: /^pre-commit\s+run(?:\s|$)/ },
  { kind: 'lint', pattern: /^composer\s+(?:run(?:-script)?\s+)?(?:lint|cs|phpcs|stan)(?:[:\-_][\w:-]*)?(?:\s|$)/ },
  // security-scan: vulnerability and secret scanners (dependency auditors included: they scan for known vulnerabilities)
  { kind: 'security-scan', pattern: /^(?:semgrep|trivy|grype|snyk|gitleaks|osv-scanner|trufflehog|bandit|govulncheck|pip-audit|safety|brakeman|bundle-audit|bundler-audit)(?:\s|$)/ },
  { kind: 'security-scan', pattern: /^(?:\S*\/)?dependency-check(?:\.sh|\.bat)?(?:\s|$)/ },
  { kind: 'security-scan', pattern: /^codeql\s+(?:database\s+analyze|github\s+upload-results)(?:\s|$)/ },
  { kind: 'security-scan', pattern: /^(?:\S*\/)?mvnw?\s(?:.*\s)?(?:org\.owasp:)?dependency-check(?:-maven)?(?::[\d.]+)?:(?:check|aggregate)(?:\s|$)/ },
  { kind: 'security-scan', pattern: /^(?:\S*\/)?gradlew?\s(?:.*\s)?dependencyCheck(?:Analyze|Aggregate)(?:\s|$)/ },
  { kind: 'security-scan', pattern: new RegExp(String.raw`^${JS_RUNNER}\s+audit(?:\s|$)`) },
  { kind: 'security-scan', pattern: /^(?:cargo|bundle|composer)\s+audit(?:\s|$)/ },
  { kind: 'security-scan', pattern: /^dotnet\s+list\s(?:.*\s)?--vulnerable(?:\s|$)/ },
  // container-build
  { kind: 'container-build', pattern: /^(?:docker|podman|nerdctl)\s+(?:image\s+)?(?:build|push)(?:\s|$)/ },
  { kind: 'container-build', pattern: /^docker\s+buildx\s+(?:build|bake)(?:\s|$)/ },
  { kind: 'container-build', pattern: /^(?:docker\s+compose|docker-compose)\s(?:.*\s)?(?:build|push)(?:\s|$)/ },
  { kind: 'container-build', pattern: /^buildah\s+(?:bud|build|build-using-dockerfile|push|commit)(?:\s|$)/ },
  { kind: 'container-build', pattern: /^(?:\/kaniko\/)?executor\s(?:.*\s)?--(?:context|dockerfile|destination)(?:[=\s]|$)/ },
  { kind: 'container-build', pattern: /^(?:\S*\/)?mvnw?\s(?:.*\s)?(?:com\.google\.cloud\.tools:)?jib(?:-maven-plugin)?(?::[\d.]+)?:(?:build|dockerBuild)(?:\s|$)/ },
  { kind: 'container-build', pattern: /^(?:\S*\/)?gradlew?\s(?:.*\s)?(?:jib|jibDockerBuild|bootBuildImage)(?:\s|$)/ },
  { kind: 'container-build', pattern: /^(?:\S*\/)?mvnw?\s(?:.*\s)?spring-boot:build-image(?:\s|$)/ },
  { kind: 'container-build', pattern: /^(?:ko\s+(?:build|publish)|pack\s+build|img\s+build)(?:\s|$)/ },
  // coverage
  { kind: 'coverage', pattern: /(?:^|\s)--coverage(?:[=\s.]|$)|(?:^|\s)--cov(?:[=\s-]|$)|(?:^|\s)--coverage-(?:clover|html|text|xml|cobertura)(?:[=\s]|$)/ },
  { kind: 'coverage', pattern: /^coverage\s+(?:run|xml|report|lcov|html|json|combine)(?:\s|$)/ },
  { kind: 'coverage', pattern: /^(?:nyc|c8|codecov|coveralls|codecovcli|kcov|gcovr|lcov|simplecov|genhtml|reportgenerator)(?:\s|$)/ },
  { kind: 'coverage', pattern: /jacoco|jacocoTestReport/ },
  { kind: 'coverage', pattern: /^go\s+test\s(?:.*\s)?-(?:cover|coverprofile|coverpkg|covermode)(?:[=\s]|$)/ },
  { kind: 'coverage', pattern: /--collect[:=]"?XPlat Code Coverage|\/p:CollectCoverage=true|dotnet-coverage/ },
  { kind: 'coverage', pattern: /^cargo\s+(?:tarpaulin|llvm-cov)(?:\s|$)/ },
  { kind: 'coverage', pattern: /(?:^|\/)(?:codecov|coveralls)(?:\s|$|\.sh)|codecov\.io\/bash|uploader\.codecov\.io/ },
];

/**
 * Rules on a reference to a packaged step, lower-cased, without version (`actions/checkout`,
 * `dotnetcorecli`, `node/test`, `plugins/docker`, `security/sast.gitlab-ci.yml`).
 */
const REF_RULES: readonly Rule[] = [
  { kind: 'security-scan', pattern: /^github\/codeql-action\/(?:analyze|init|autobuild|upload-sarif)$/ },
  { kind: 'security-scan', pattern: /^aquasecurity\/trivy-action$|^anchore\/scan-action$|^anchore\/sbom-action\/scan$/ },
  { kind: 'security-scan', pattern: /^snyk\/(?:actions(?:\/[\w-]+)?|snyk-scan|scan)$/ },
  { kind: 'security-scan', pattern: /^dependency-check\/dependency-check_action$/ },
  { kind: 'security-scan', pattern: /^(?:gitleaks|zricethezav)\/gitleaks-action$|^trufflesecurity\/trufflehog$/ },
  { kind: 'security-scan', pattern: /^google\/osv-scanner-action(?:\/[\w./-]+)?$/ },
  { kind: 'security-scan', pattern: /^(?:returntocorp|semgrep)\/semgrep-action$|^semgrep\/semgrep$/ },
  { kind: 'security-scan', pattern: /^actions\/dependency-review-action$|^pypa\/gh-action-pip-audit$|^golang\/govulncheck-action$/ },
  { kind: 'security-scan', pattern: /^(?:security|jobs)\/(?:sast|sast-iac|dependency-scanning|secret-detection|container-scanning|dast)(?:\.latest)?\.gitlab-ci\.yml$/ },
  { kind: 'security-scan', pattern: /\/components\/(?:sast|dependency-scanning|secret-detection|container-scanning)\// },
  { kind: 'security-scan', pattern: /^(?:snyksecurityscan|dependency-check-build-task|whitesource|mend|advancedsecurity-codeql-analyze|advancedsecurity-dependency-scanning)$/ },
  { kind: 'security-scan', pattern: /^(?:atlassian\/)?(?:snyk-scan|git-secrets-scan)$|^snyk\/snyk-scan$/ },
  { kind: 'security-scan', pattern: /^(?:plugins|woodpeckerci\/plugin)-?\/?trivy$|^aquasec\/trivy$/ },
  { kind: 'container-build', pattern: /^docker\/(?:build-push-action|bake-action)$|^redhat-actions\/(?:buildah-build|push-to-registry)$/ },
  { kind: 'container-build', pattern: /^(?:jobs\/build)(?:\.latest)?\.gitlab-ci\.yml$/ },
  { kind: 'container-build', pattern: /^(?:plugins\/(?:docker|kaniko|ecr|gcr|buildah-docker)|woodpeckerci\/plugin-(?:docker-buildx|kaniko)|thegeeklab\/(?:drone|wp)-docker-buildx|gcr\.io\/kaniko-project\/executor)$/ },
  { kind: 'container-build', pattern: /^(?:circleci\/)?docker\/(?:build|push|publish)$|^atlassian\/(?:aws-ecr-push-image|docker-push)$/ },
  { kind: 'coverage', pattern: /^codecov\/(?:codecov-action|upload|test-results-action)$|^coverallsapp\/github-action$/ },
  { kind: 'coverage', pattern: /^(?:5monkeys\/cobertura-action|irongut\/codecoveragesummary|madrapps\/jacoco-report|davelosert\/vitest-coverage-report-action|artiomtr\/jest-coverage-report-action)$/ },
  { kind: 'coverage', pattern: /^publishcodecoverageresults$|^(?:plugins|woodpeckerci\/plugin)-?\/?codecov$/ },
  { kind: 'test', pattern: /^(?:jobs\/test|jobs\/browser-performance-testing)(?:\.latest)?\.gitlab-ci\.yml$/ },
  { kind: 'test', pattern: /^(?:vstest|publishtestresults)$|^cypress-io\/github-action$|^(?:node|python|go|ruby|rust|maven|gradle|php)\/test$/ },
  { kind: 'lint', pattern: /^(?:jobs\/code-quality)(?:\.latest)?\.gitlab-ci\.yml$/ },
  { kind: 'lint', pattern: /^(?:golangci\/golangci-lint-action|wearerequired\/lint-action|super-linter\/super-linter(?:\/slim)?|github\/super-linter(?:\/slim)?|psf\/black|chartboost\/ruff-action|astral-sh\/ruff-action|reviewdog\/action-[\w-]+|hadolint\/hadolint-action|ludeeus\/action-shellcheck|biomejs\/setup-biome)$/ },
];

/** Wrappers that run the real command: removed so the rules see the tool itself. */
const WRAPPERS: readonly RegExp[] = [
  /^(?:sudo|time|exec|command|env|xvfb-run(?:\s+-a)?|nice|timeout\s+\d+[smh]?|dbus-run-session|bash\s+-[cex]+)\s+/,
  /^[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|\S*)\s+/,
  /^(?:npx|bunx|pnpx)\s+(?:--yes\s+|-y\s+)?/,
  /^(?:pnpm|yarn)\s+(?:exec|dlx)\s+/,
  /^(?:pnpm|yarn|npm)\s+(?:--[\w-]+(?:=\S+)?\s+|-[Cw]\s+\S+\s+|--(?:filter|prefix|workspace)\s+\S+\s+)+/,
  /^(?:bundle|poetry|pipenv|uv|hatch|pdm|rye)\s+(?:exec|run)\s+/,
  /^(?:\.\/)?(?:vendor|node_modules)\/\.?bin\//,
  /^\.\/(?=mvnw|gradlew|bin\/)/,
  /^(?:call|&)\s+/,
];

/** Options of `docker compose run/exec` and `docker run/exec` that take a value. */
const CONTAINER_VALUE_OPTIONS = new Set(['-e', '--env', '-w', '--workdir', '-u', '--user', '-f', '--file', '-p', '--project-name', '--entrypoint', '-v', '--volume', '--name', '--network', '--env-file', '-l', '--label', '--profile']);

/**
 * The command run inside a container: `docker compose run --rm app pytest` → `pytest`,
 * `docker exec -t web npm test` → `npm test`. Anything else comes back unchanged.
 */
function insideContainer(command: string): string {
  const tokens = command.split(/\s+/);
  let i = 0;
  if (tokens[0] === 'docker' && tokens[1] === 'compose') i = 2;
  else if (tokens[0] === 'docker-compose') i = 1;
  else if (tokens[0] === 'docker' || tokens[0] === 'podman') {
    if (tokens[1] !== 'run' && tokens[1] !== 'exec') return command;
    i = 1;
  } else return command;
  // Options before the subcommand (`docker compose -f ci.yml run …`).
  while (i < tokens.length && tokens[i]!.startsWith('-')) i += CONTAINER_VALUE_OPTIONS.has(tokens[i]!) ? 2 : 1;
  if (tokens[i] !== 'run' && tokens[i] !== 'exec') return command;
  i++;
  while (i < tokens.length && tokens[i]!.startsWith('-')) i += CONTAINER_VALUE_OPTIONS.has(tokens[i]!) && !tokens[i]!.includes('=') ? 2 : 1;
  // The service (compose) or image/container (docker), then the command.
  const rest = tokens.slice(i + 1);
  return rest.length ? rest.join(' ') : command;
}

const unwrap = (command: string): string => {
  let c = command.trim();
  for (let changed = true; changed; ) {
    changed = false;
    const inner = insideContainer(c);
    if (inner !== c) {
      c = inner.trim();
      changed = true;
    }
    for (const w of WRAPPERS) {
      const next = c.replace(w, '');
      if (next !== c) {
        c = next.trimStart();
        changed = true;
      }
    }
  }
  return c;
};

/** Splits a shell script into simple commands: lines (with `\` continuations), `&&`, `||`, `;`, `|`. */
export function splitCommands(script: string): string[] {
  return script
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n|&&|\|\||;|\|/)
    .map((part) => part.replace(/^\s*[-$>]\s+/, '').trim())
    .filter((part) => part !== '' && !part.startsWith('#'));
}

const ORDER: readonly CiStepKind[] = ['test', 'lint', 'security-scan', 'container-build', 'coverage'];

const applyRules = (rules: readonly Rule[], subject: string, kinds: Set<CiStepKind>): void => {
  for (const rule of rules) {
    if (rule.pattern.test(subject) && !(rule.unless && rule.unless.test(subject))) kinds.add(rule.kind);
  }
};

const ordered = (kinds: Set<CiStepKind>): CiStepKind[] =>
  kinds.size === 0 ? ['other'] : ORDER.filter((k) => kinds.has(k));

/** How deep calls of the project's task runners are followed (`make ci` → `make test` → `pytest`). */
const MAX_TARGET_DEPTH = 4;

/**
 * What a shell command (possibly a multi-line script) does; `['other']` when nothing is recognised.
 * With the project's targets, a call of its Makefile, package.json scripts, tox environments or nox
 * sessions is followed into the commands behind it.
 */
export function classifyCommand(command: string, targets?: ProjectTargets, depth = 0): CiStepKind[] {
  const kinds = new Set<CiStepKind>();
  for (const part of splitCommands(command)) {
    const simple = unwrap(part);
    applyRules(COMMAND_RULES, simple, kinds);
    const behind = targets && depth < MAX_TARGET_DEPTH ? calledTargets(simple, targets) : null;
    if (behind !== null) for (const k of classifyCommand(behind, targets, depth + 1)) if (k !== 'other') kinds.add(k);
  }
  return ordered(kinds);
}

/** Normalises a step reference: lower case, no `@version`/`:tag`, no `docker://` or registry-less noise. */
export function normaliseRef(ref: string): string {
  return ref
    .trim()
    .toLowerCase()
    .replace(/^docker:\/\//, '')
    .replace(/^\/+/, '')
    .replace(/@[^/]*$/, '')
    .replace(/:[\w.-]+$/, '');
}

/** What a packaged step does: a GitHub action (`owner/repo/path@ref`), Azure task, orb command, plugin image or GitLab template. */
export function classifyRef(ref: string): CiStepKind[] {
  const kinds = new Set<CiStepKind>();
  applyRules(REF_RULES, normaliseRef(ref), kinds);
  return ordered(kinds);
}

/** Kinds of a step that is both a packaged step and a command (e.g. an Azure `Maven@3` task with goals). */
export function unionKinds(...lists: CiStepKind[][]): CiStepKind[] {
  const kinds = new Set<CiStepKind>(lists.flat().filter((k) => k !== 'other'));
  return ordered(kinds);
}
