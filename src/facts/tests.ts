/**
 * Test-suite facts from tracked paths alone, by each ecosystem's convention. Files that project
 * generators write (create-react-app's `App.test.js`, Android Studio's `ExampleUnitTest`, Laravel's
 * `ExampleTest.php`, `dotnet new`'s `UnitTest1.cs`…) are listed apart and not counted: a suite of
 * only those is not evidence that the product is tested. Dependencies vendored into the repository
 * are skipped.
 */
import type { FileIndexFacts, TestFacts } from './types.js';

const SAMPLE_SIZE = 20;

const SKIPPED_DIR = /(?:^|\/)(?:node_modules|vendor|third_party|bower_components|\.git|dist|build|target)\//;
const NON_TEST_DIR = /(?:^|\/)(?:fixtures?|__fixtures__|__snapshots__|__mocks__|testdata|test-data|resources|snapshots)\//;

const JS_EXT = String.raw`(?:[cm]?[jt]sx?|vue|svelte)`;

/** One row per convention; the first matching row decides the ecosystem. */
const CONVENTIONS: readonly { ecosystem: string; pattern: RegExp; needsTestDir?: boolean }[] = [
  { ecosystem: 'go', pattern: /_test\.go$/ },
  { ecosystem: 'elixir', pattern: /_test\.exs$/ },
  { ecosystem: 'ruby', pattern: /(?:^|\/)spec\/(?:.*\/)?[^/]+_spec\.rb$|(?:^|\/)test\/(?:.*\/)?[^/]+_test\.rb$/ },
  { ecosystem: 'rust', pattern: /(?:^|\/)tests\/(?:.*\/)?[^/]+\.rs$/ },
  { ecosystem: 'python', pattern: /(?:^|\/)(?:test_[^/]*|[^/]+_test|conftest|tests)\.py$/ },
  { ecosystem: 'python', pattern: /(?:^|\/)tests?\/(?:.*\/)?(?!__init__\.py$)[^/]+\.py$/, needsTestDir: true },
  { ecosystem: 'java', pattern: /(?:^|\/)src\/(?:test|androidTest|integrationTest|it)\/(?:.*\/)?[^/]+\.(?:java|kt|groovy|scala)$/ },
  { ecosystem: 'java', pattern: /(?:Tests?|IT|Spec)\.(?:java|kt|groovy)$/ },
  { ecosystem: 'csharp', pattern: /Tests?\.cs$/ },
  { ecosystem: 'csharp', pattern: /(?:^|\/)[^/]+\.(?:Unit|Integration|Functional|Acceptance)?Tests?\/(?:.*\/)?[^/]+\.cs$/ },
  { ecosystem: 'php', pattern: /Test\.php$|(?:^|\/)phpunit\.xml(?:\.dist)?$/ },
  { ecosystem: 'php', pattern: /(?:^|\/)tests?\/(?:.*\/)?[^/]+\.php$/, needsTestDir: true },
  { ecosystem: 'javascript', pattern: new RegExp(String.raw`\.(?:test|spec|cy|e2e-spec|e2e)\.${JS_EXT}$`) },
  { ecosystem: 'javascript', pattern: new RegExp(String.raw`(?:^|/)__tests__/(?:.*/)?[^/]+\.${JS_EXT}$`) },
  { ecosystem: 'javascript', pattern: new RegExp(String.raw`(?:^|/)(?:tests?|e2e|cypress/e2e)/(?:.*/)?[^/]+\.${JS_EXT}$`), needsTestDir: true },
];

/** What generators write into a new project; matched on the path's tail. */
const BOILERPLATE: readonly RegExp[] = [
  /(?:^|\/)src\/App\.test\.[jt]sx?$/, // create-react-app
  /(?:^|\/)src\/app\/app\.component\.spec\.ts$/, // Angular CLI
  /(?:^|\/)src\/app\.controller\.spec\.ts$|(?:^|\/)test\/app\.e2e-spec\.ts$/, // NestJS
  /(?:^|\/)tests\/unit\/example\.spec\.[jt]s$/, // Vue CLI
  /(?:^|\/)Example(?:Unit|Instrumented)Test\.(?:kt|java)$/, // Android Studio
  /(?:^|\/)tests\/(?:Feature|Unit)\/ExampleTest\.php$|(?:^|\/)tests\/(?:TestCase|CreatesApplication)\.php$/, // Laravel
  /(?:^|\/)UnitTest1\.cs$/, // dotnet new xunit/nunit/mstest
  /(?:^|\/)tests\/test_example\.py$/,
  /(?:^|\/)test\/[\w]+_web\/(?:controllers\/page_controller_test|views\/(?:error|layout|page)_view_test|controllers\/error_(?:html|json)_test)\.exs$/, // Phoenix
];

/**
 * Whether a path could follow any convention above: each of them needs one of these words in the
 * path (test, spec, e2e, `.cy.`, phpunit, an `it/` folder or `IT.`). Most files of a large
 * repository have none of them and are passed over by two quick tests instead of fifteen.
 */
const TEST_WORD = /test|spec|e2e|\.cy\.|phpunit/i;
const IT_WORD = /(?:^|\/)it\/|IT\./;
export const mayBeTestPath = (path: string): boolean => TEST_WORD.test(path) || IT_WORD.test(path);

export function collectTestFacts(index: FileIndexFacts): TestFacts {
  const byEcosystem: Record<string, number> = {};
  const sample: string[] = [];
  const boilerplate: string[] = [];
  let total = 0;
  for (const path of index.paths) {
    if (!mayBeTestPath(path) || SKIPPED_DIR.test(path)) continue;
    const ecosystem = ecosystemOf(path);
    if (!ecosystem) continue;
    if (BOILERPLATE.some((b) => b.test(path))) {
      if (boilerplate.length < SAMPLE_SIZE) boilerplate.push(path);
      continue;
    }
    byEcosystem[ecosystem] = (byEcosystem[ecosystem] ?? 0) + 1;
    total++;
    if (sample.length < SAMPLE_SIZE) sample.push(path);
  }
  const facts: TestFacts = { byEcosystem, sample, total };
  if (boilerplate.length) {
    facts.boilerplate = boilerplate;
    facts.boilerplateOnly = total === 0;
  }
  return facts;
}

export function ecosystemOf(path: string): string | null {
  for (const c of CONVENTIONS) {
    if (!c.pattern.test(path)) continue;
    // Directory conventions count code files under test/ but not the fixtures kept there.
    if (c.needsTestDir && NON_TEST_DIR.test(path)) continue;
    return c.ecosystem;
  }
  return null;
}
