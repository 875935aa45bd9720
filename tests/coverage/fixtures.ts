/** Small hand-made coverage reports, one per format, with known totals. */

/** 2 records: LF/LH 20/15 and DA-only 20 lines / 15 hit → 30/40 lines; branches 3/4. */
export const LCOV = [
  'TN:',
  'SF:src/a.ts',
  'FN:1,a',
  'FNDA:1,a',
  'DA:1,1',
  'BRDA:1,0,0,1',
  'BRDA:1,0,1,0',
  'BRF:2',
  'BRH:1',
  'LF:20',
  'LH:15',
  'end_of_record',
  'SF:src/b.ts',
  ...Array.from({ length: 20 }, (_, i) => `DA:${i + 1},${i < 15 ? 3 : 0}`),
  'BRDA:2,0,0,4',
  'BRDA:2,0,1,2',
  'end_of_record',
  '',
].join('\n');

/** Root totals 10/60 lines, 2/8 branches. */
export const COBERTURA = `<?xml version="1.0" ?>
<!DOCTYPE coverage SYSTEM "http://cobertura.sourceforge.net/xml/coverage-04.dtd">
<coverage lines-valid="60" lines-covered="10" line-rate="0.1667" branches-valid="8" branches-covered="2" branch-rate="0.25" version="7.4" timestamp="1">
  <sources><source>/src</source></sources>
  <packages><package name="app"><classes>
    <class name="x.py" filename="app/x.py"><methods/><lines><line number="1" hits="1"/></lines></class>
  </classes></package></packages>
</coverage>
`;

/** No root totals: counted from class lines (method lines repeat and are not counted): 2/3 lines, 1/2 branches. */
export const COBERTURA_LINES = `<coverage line-rate="0.6" version="1.9">
  <packages><package name="p"><classes><class name="C" filename="C.cs">
    <methods><method name="m"><lines><line number="1" hits="1"/><line number="2" hits="0"/></lines></method></methods>
    <lines>
      <line number="1" hits="1"/>
      <line number="2" hits="0" branch="true" condition-coverage="50% (1/2)"/>
      <line number="3" hits="7"/>
    </lines>
  </class></classes></package></packages>
</coverage>
`;

/** Report-level LINE 45/50, BRANCH 6/10; package/class counters nested deeper are ignored. */
export const JACOCO = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><!DOCTYPE report PUBLIC "-//JACOCO//DTD Report 1.1//EN" "report.dtd"><report name="app"><sessioninfo id="x" start="1" dump="2"/><package name="dk/os2"><class name="dk/os2/A"><counter type="LINE" missed="1" covered="1"/></class><counter type="LINE" missed="5" covered="45"/></package><counter type="INSTRUCTION" missed="50" covered="450"/><counter type="BRANCH" missed="4" covered="6"/><counter type="LINE" missed="5" covered="45"/><counter type="METHOD" missed="1" covered="9"/></report>
`;

/** Project metrics: 80/100 statements, 5/10 conditionals; package metrics are ignored. */
export const CLOVER = `<?xml version="1.0" encoding="UTF-8"?>
<coverage generated="1700000000" clover="3.2.0">
  <project timestamp="1700000000" name="All files">
    <metrics statements="100" coveredstatements="80" conditionals="10" coveredconditionals="5" methods="4" coveredmethods="4" elements="114" coveredelements="89" complexity="0" loc="200" ncloc="180" packages="1" files="1" classes="1"/>
    <package name="src"><metrics statements="1" coveredstatements="1"/><file name="a.js"><line num="1" count="1" type="stmt"/></file></package>
  </project>
</coverage>
`;

export const ISTANBUL_SUMMARY = JSON.stringify({
  total: { lines: { total: 50, covered: 25, skipped: 0, pct: 50 }, statements: { total: 60, covered: 30 }, branches: { total: 4, covered: 1, pct: 25 } },
  '/src/a.js': { lines: { total: 50, covered: 25 } },
});

/** a.js: statements on lines 1,1,2,3 (line 1: one of two hit; 3: not hit) → 2/3 lines; b.js: line 5 hit → 1/1; branches 2/3. */
export const ISTANBUL_FINAL = JSON.stringify({
  '/src/a.js': {
    path: '/src/a.js',
    statementMap: {
      '0': { start: { line: 1, column: 0 }, end: { line: 1, column: 5 } },
      '1': { start: { line: 1, column: 6 }, end: { line: 1, column: 9 } },
      '2': { start: { line: 2, column: 0 }, end: { line: 2, column: 9 } },
      '3': { start: { line: 3, column: 0 }, end: { line: 3, column: 9 } },
    },
    s: { '0': 0, '1': 2, '2': 1, '3': 0 },
    fnMap: {},
    f: {},
    branchMap: {},
    b: { '0': [1, 0], '1': [3] },
  },
  '/src/b "quoted" {brace}.js': {
    path: '/src/b.js',
    statementMap: { '0': { start: { line: 5, column: 0 }, end: { line: 5, column: 1 } } },
    s: { '0': 4 },
    b: {},
  },
});

/** Three blocks, one repeated from a second package's run (counted once, covered there): 5 of 7 statements. */
export const GO_PROFILE = `mode: set
example.com/app/a.go:3.20,5.2 2 1
example.com/app/a.go:7.20,9.2 3 0
example.com/app/b.go:1.1,2.2 2 0
example.com/app/a.go:7.20,9.2 3 1
example.com/app/b.go:1.1,2.2 2 0
`;
