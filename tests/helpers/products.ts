/**
 * Fixture products: real git repositories that reach a known level, built from files and a
 * manifest. Dates are fixed so that `--as-of 2026-06-01` makes every time rule deterministic.
 */
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { createRepo, type TestRepo } from './gitRepo.js';
import { PROJECT_ROOT } from './cli.js';

export const MPL_TEXT = readFileSync(`${PROJECT_ROOT}/LICENSE`, 'utf8');

/** A README with enough prose and the Requirements/Installation/Security headings N1 asks for. */
export function productReadme(name: string, withSecurity = true): string {
  return `# ${name}

${name} lets municipal case workers book meeting rooms, cars and equipment across
administrations, and gives citizens a self-service page for booking public facilities.
It replaces spreadsheets and phone calls with one shared calendar, sends reminders, and
reports how rooms are used so that administrations can plan their buildings better.
Read more on [os2.eu](https://os2.eu/produkt/${name.toLowerCase()}).

## Requirements

PostgreSQL 15 and a Linux server with 2 GB of memory.

## Installation

Run the container image and point it at the database.
${withSecurity ? '\n## Security\n\nSee SECURITY.md.\n' : ''}`;
}

const README = productReadme('OS2example');

/** Everything a minimum + N1 product declares in os2.yaml. */
export function n1Manifest(): Record<string, any> {
  return {
    schemaVersion: 1,
    product: { name: 'OS2example', description: 'Booking of rooms and equipment for municipalities.', targetLevel: 2 },
    repository: { url: 'https://github.com/OS2offdig/os2example' },
    licence: { code: 'MPL-2.0' },
    legal: {
      procurement: { statement: 'Developed under the OS2 framework agreement.' },
      lawfulness: { statement: 'Processes personal data under data-processing agreements.' },
    },
    relevance: { localValue: 'Saves two hours a week per administration.', valueForOthers: 'Every municipality books rooms.' },
    governance: {
      portfolio: { registered: '2024-01-10', url: 'https://os2.eu/portfolio/os2example' },
      secretariat: { lastContact: '2026-05-01' },
      lead: { name: 'Anne Jensen', organisation: 'Aarhus Kommune' },
      board: { informed: { date: '2024-02-01', minutes: 'https://os2.eu/board/2024-02-01' } },
      participants: ['Aarhus Kommune', 'Ballerup Kommune'],
    },
    strategy: { os2Strategy: 'Supports shared municipal solutions.', innovation: 'Open source from day one.' },
  };
}

/** A product that reaches N1: repository evidence plus the N1 manifest. */
export function createN1Product(manifest: Record<string, any> = n1Manifest()): TestRepo {
  const repo = createRepo({
    'README.md': README,
    'LICENSE': MPL_TEXT,
    'SECURITY.md': '# Security\n\nReport vulnerabilities to security@os2example.dk.\n',
    'docs/architecture.md': '# Architecture\n\nA web front end and an API over PostgreSQL.\n',
    'src/app.py': 'print("hello")\n',
    'tests/test_app.py': 'def test_app():\n    assert True\n',
    'os2.yaml': stringify(manifest),
  });
  repo.remote('origin', 'https://github.com/OS2offdig/os2example.git');
  repo.commit('Initial import #1', '2026-01-15T12:00:00Z');
  return repo;
}

/** The extra declarations N2 needs. */
export function n2Manifest(): Record<string, any> {
  const m = n1Manifest();
  m.documentation = {
    presentationMaterial: ['https://os2.eu/os2example/slides.pdf'],
    strategicCommunication: ['https://os2.eu/os2example/business-case.pdf'],
  };
  m.codebase = { singleCoreVersion: true };
  m.relevance.lineManagement = { document: 'https://os2.eu/os2example/backing.pdf', date: '2024-03-01' };
  m.relevance.usedBy = ['Aarhus Kommune', 'Ballerup Kommune'];
  m.operations = {
    operators: [{ name: 'Aarhus Kommune IT', role: 'hosting' }],
    maintainers: ['Magenta ApS'],
    hostingModel: ['container'],
    components: ['postgresql'],
    monitoring: 'Prometheus alerts to the operator.',
    deployment: 'Helm chart per municipality.',
    backup: 'Nightly database dumps kept 30 days.',
    financing: 'Annual contribution per municipality.',
  };
  m.governance.board.approved = { date: '2024-06-01', minutes: 'https://os2.eu/board/2024-06-01' };
  m.governance.steeringGroup = { members: ['Anne Jensen', 'Bo Hansen'], mandate: 'https://os2.eu/os2example/mandate' };
  m.governance.joiningAgreement = 'https://os2.eu/os2example/joining-agreement.pdf';
  m.strategy.missionLink = 'https://os2.eu/os2example/mission';
  m.strategy.productVision = 'https://os2.eu/os2example/vision';
  return m;
}

/** A product that reaches N2: N1 plus releases, changelog, CI tests, coverage, coding standards. */
export function createN2Product(manifest: Record<string, any> = n2Manifest()): TestRepo {
  const repo = createN1Product(manifest);
  repo.write({
    '.editorconfig': 'root = true\n',
    'docs/architecture.md': '# Architecture\n\nA web front end and an API over PostgreSQL.\n\n## Rammearkitektur og standarder\n\nFollows the common public-sector architecture principles; OpenAPI 3 for every interface.\n',
    'docs/implementation.md': '# Implementation guide\n\nHow to roll the solution out in a municipality.\n',
    'CHANGELOG.md': '# Changelog\n\n## [1.1.0] - 2026-03-01\n\n- Reminders.\n\n## [1.0.0] - 2025-09-01\n\n- First release.\n',
    '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: pytest --cov\n',
    'coverage/lcov.info': 'TN:\nSF:src/app.py\nDA:1,1\nDA:2,1\nDA:3,0\nLF:3\nLH:2\nend_of_record\n',
  });
  repo.commit('Release 1.1.0 (#12)', '2026-03-01T12:00:00Z');
  repo.tag('v1.1.0', { message: 'Release 1.1.0', date: '2026-03-01T12:00:00Z' });
  return repo;
}
