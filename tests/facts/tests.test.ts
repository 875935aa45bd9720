import { describe, expect, it } from 'vitest';
import { collectTestFacts, ecosystemOf, mayBeTestPath } from '../../src/facts/tests.js';
import type { FileIndexFacts } from '../../src/facts/types.js';

const indexOf = (paths: string[]): FileIndexFacts => ({ source: 'git', paths: [...paths].sort(), symlinksOutside: [], truncated: false });

describe('collectTestFacts', () => {
  it('counts test files per ecosystem by convention', () => {
    const facts = collectTestFacts(
      indexOf([
        'src/index.ts',
        'src/parse.test.ts',
        'src/ui/Button.spec.tsx',
        'src/__tests__/util.js',
        'test/cli.mjs',
        'test/fixtures/sample.js',
        'app/tests/test_models.py',
        'app/models_test.py',
        'conftest.py',
        'app/tests/__init__.py',
        'service/src/test/java/dk/os2/FooTest.java',
        'service/src/main/java/dk/os2/Foo.java',
        'android/app/src/test/kotlin/ParserTests.kt',
        'Api.Tests/ControllerTests.cs',
        'Api.Tests/Helpers.cs',
        'Api/Controller.cs',
        'tests/Unit/UserTest.php',
        'phpunit.xml.dist',
        'pkg/server_test.go',
        'pkg/server.go',
        'spec/models/user_spec.rb',
        'test/models/user_test.rb',
        'crate/tests/integration.rs',
        'crate/src/lib.rs',
        'test/app_test.exs',
        'node_modules/lib/index.test.js',
        'vendor/pkg/thing_test.go',
      ]),
    );
    expect(facts.byEcosystem).toEqual({ javascript: 4, python: 3, java: 2, csharp: 2, php: 2, go: 1, ruby: 2, rust: 1, elixir: 1 });
    expect(facts.total).toBe(18);
    expect(facts.sample).toHaveLength(18);
    expect(facts.sample).not.toContain('test/fixtures/sample.js');
    expect(facts.boilerplate).toBeUndefined();
    expect(facts.boilerplateOnly).toBeUndefined();
  });

  it('generator boilerplate alone is not a suite', () => {
    const cra = collectTestFacts(indexOf(['src/App.js', 'src/App.test.js', 'src/setupTests.js']));
    expect(cra).toEqual({ byEcosystem: {}, sample: [], total: 0, boilerplate: ['src/App.test.js'], boilerplateOnly: true });
    const android = collectTestFacts(
      indexOf(['app/src/test/java/dk/os2/app/ExampleUnitTest.kt', 'app/src/androidTest/java/dk/os2/app/ExampleInstrumentedTest.kt', 'app/src/main/java/dk/os2/app/MainActivity.kt']),
    );
    expect(android.total).toBe(0);
    expect(android.boilerplateOnly).toBe(true);
    expect(android.boilerplate).toHaveLength(2);
  });

  it('boilerplate next to real tests is listed apart and the real ones count', () => {
    const facts = collectTestFacts(indexOf(['src/App.test.tsx', 'src/cart.test.tsx']));
    expect(facts).toMatchObject({ total: 1, byEcosystem: { javascript: 1 }, boilerplate: ['src/App.test.tsx'], boilerplateOnly: false });
  });

  it('bounds the sample', () => {
    const facts = collectTestFacts(indexOf(Array.from({ length: 50 }, (_, i) => `pkg/f${i}_test.go`)));
    expect(facts.total).toBe(50);
    expect(facts.sample).toHaveLength(20);
  });

  it('the quick word test passes every path some convention classifies', () => {
    const dirs = ['', 'src/', 'src/test/java/dk/', 'src/it/java/', 'src/integrationTest/kotlin/', 'app/src/androidTest/', 'spec/models/', 'test/', 'tests/unit/',
      '__tests__/', 'e2e/', 'cypress/e2e/', 'Api.Tests/', 'Api.UnitTests/x/', 'lib/', 'Test/', 'SPEC/', 'IT/'];
    const names = ['a_test.go', 'a_test.exs', 'a_spec.rb', 'a_test.rb', 'a.rs', 'test_a.py', 'a_test.py', 'conftest.py', 'tests.py', 'a.py', '__init__.py',
      'ATest.java', 'AIT.java', 'ASpec.groovy', 'ATests.kt', 'A.scala', 'ATests.cs', 'A.cs', 'ATest.php', 'phpunit.xml', 'phpunit.xml.dist', 'a.php',
      'a.test.ts', 'a.spec.jsx', 'a.cy.js', 'a.e2e-spec.ts', 'a.e2e.mjs', 'a.vue', 'a.svelte', 'a.cts', 'a.ts', 'A.java', 'README.md', 'Main.kt'];
    let classified = 0;
    for (const d of dirs) {
      for (const n of names) {
        for (const p of [d + n, (d + n).toUpperCase(), `x/${d}${n}`]) {
          if (ecosystemOf(p) === null) continue;
          classified++;
          expect(mayBeTestPath(p), p).toBe(true);
        }
      }
    }
    expect(classified).toBeGreaterThan(300);
    expect(mayBeTestPath('src/m0/f1.ts')).toBe(false);
  });

  it('no tests', () => {
    expect(collectTestFacts(indexOf(['README.md', 'src/main.py']))).toEqual({ byEcosystem: {}, sample: [], total: 0 });
  });
});
