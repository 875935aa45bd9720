/**
 * How each check kind decides, in words, with the thresholds the level file gives it: for
 * `os2level explain`. One sentence per kind, then one per parameter that is set. Danish and English.
 */
import type { ArgValue } from '../checks/types.js';
import type { Lang, Text } from '../levels/types.js';
import { fill } from './messages.js';

const kinds: Record<string, Text> = {
  'readme-prose': { en: 'Met when the README has enough prose describing the solution (outside code blocks, badges and link lists).', da: 'Opfyldt, når README har nok prosa, der beskriver løsningen (uden for kodeblokke, badges og linklister).' },
  documented: { en: 'Met when the README or the documentation has a matching heading or file, or os2.yaml points to one.', da: 'Opfyldt, når README eller dokumentationen har en passende overskrift eller fil, eller os2.yaml peger på en.' },
  'docs-open-format': { en: 'Met when the documentation is in an open format (Markdown, AsciiDoc, reStructuredText, HTML, ODF, PDF) rather than only in closed ones such as .docx.', da: 'Opfyldt, når dokumentationen er i et åbent format (Markdown, AsciiDoc, reStructuredText, HTML, ODF, PDF) og ikke kun i lukkede som .docx.' },
  'docs-fresh': { en: 'Met when the documentation was changed recently in git.', da: 'Opfyldt, når dokumentationen er ændret for nylig i git.' },
  'links-to': { en: "Met when the README or the documentation links to OS2's channels, or os2.yaml gives an address there.", da: 'Opfyldt, når README eller dokumentationen henviser til OS2s kanaler, eller os2.yaml angiver en adresse der.' },
  'git-repository': { en: 'Met when the folder is a git repository with at least one commit.', da: 'Opfyldt, når mappen er et git-repositorie med mindst ét commit.' },
  'git-activity': { en: 'Met when the code is developed in the open: recent commits that are not only bulk uploads.', da: 'Opfyldt, når koden udvikles åbent: nye commits, der ikke kun er masseuploads.' },
  'os2-organisation': { en: "Met when the repository's remote is owned by an OS2 organisation, or os2.yaml names one together with a reference to the handover.", da: 'Opfyldt, når repositoriets remote ejes af en OS2-organisation, eller os2.yaml angiver en sammen med en henvisning til overdragelsen.' },
  'issue-tracker': { en: 'Met when os2.yaml names a public issue tracker, or the remote is on a code host with one built in.', da: 'Opfyldt, når os2.yaml angiver en offentlig issue tracker, eller remoten ligger hos en kodevært med en indbygget.' },
  'issue-references': { en: 'Met when enough recent commits refer to an issue.', da: 'Opfyldt, når nok af de seneste commits henviser til et issue.' },
  'single-mainline': { en: 'Met when there is one version of the core code: no long-lived branch that has drifted away from the main branch.', da: 'Opfyldt, når der er én version af kernekoden: ingen langlivet gren, der er gledet væk fra hovedgrenen.' },
  releases: { en: 'Met when a version was released (a version tag) recently.', da: 'Opfyldt, når en version er udgivet (et versions-tag) for nylig.' },
  semver: { en: 'Met when the version tags follow Semantic Versioning (MAJOR.MINOR.PATCH).', da: 'Opfyldt, når versions-tags følger Semantic Versioning (MAJOR.MINOR.PATCH).' },
  'changelog-current': { en: 'Met when the changelog names the newest released version.', da: 'Opfyldt, når ændringsloggen nævner den nyeste udgivne version.' },
  'signed-tags': { en: 'Met when the release tags are signed.', da: 'Opfyldt, når udgivelses-tags er signerede.' },
  'tests-present': { en: 'Met when the repository holds automated tests.', da: 'Opfyldt, når repositoriet indeholder automatiske test.' },
  'ci-step': { en: 'Met when a CI pipeline in the repository runs such a step.', da: 'Opfyldt, når en CI-pipeline i repositoriet kører sådan et trin.' },
  coverage: { en: 'Met when a coverage report (or os2.yaml quality.coverage) shows enough line coverage.', da: 'Opfyldt, når en dækningsrapport (eller os2.yaml quality.coverage) viser nok linjedækning.' },
  declared: { en: 'Only the product can say this: met when os2.yaml declares it.', da: 'Kun produktet kan sige det: opfyldt, når os2.yaml erklærer det.' },
  'operations-setup': { en: 'Met when the documentation covers every topic of the operations set-up (a heading or a document per topic).', da: 'Opfyldt, når dokumentationen dækker hvert emne i driftsopsætningen (en overskrift eller et dokument pr. emne).' },
  'licence-osi': { en: 'Met when the repository has a licence file with an OSI-approved open-source licence.', da: 'Opfyldt, når repositoriet har en licensfil med en OSI-godkendt open source-licens.' },
  'licence-allowed': { en: "Met when the licence is OS2's standard licence, or the board approved another.", da: 'Opfyldt, når licensen er OS2s standardlicens, eller bestyrelsen har godkendt en anden.' },
  'licence-consistent': { en: 'Met when the licence file, package manifests and os2.yaml name the same licence.', da: 'Opfyldt, når licensfilen, pakkemanifester og os2.yaml angiver samme licens.' },
  'security-disclosure': { en: 'Met when a SECURITY file says how to report a vulnerability privately (an e-mail address or a URL).', da: 'Opfyldt, når en SECURITY-fil fortæller, hvordan man indberetter en sårbarhed fortroligt (en e-mailadresse eller en URL).' },
};

/** By `kind.param`, else by `param` for every kind. `{value}` is the parameter; `{percent}` a ratio as percent. */
const params: Record<string, Text> = {
  minChars: { en: 'At least {value} characters of prose.', da: 'Mindst {value} tegn prosa.' },
  declared: { en: 'Or declared in os2.yaml: {value}.', da: 'Eller erklæret i os2.yaml: {value}.' },
  'declared.fields': { en: 'Fields in os2.yaml: {value}.', da: 'Felter i os2.yaml: {value}.' },
  'declared.minItems': { en: 'At least {value} entries.', da: 'Mindst {value} angivelser.' },
  'declared.match.any': { en: 'One of the fields is enough.', da: 'Ét af felterne er nok.' },
  'declared.match.all': { en: 'Every field must be set.', da: 'Alle felterne skal være udfyldt.' },
  'declared.publiccode': { en: 'publiccode.yml counts too: {value}.', da: 'publiccode.yml tæller også: {value}.' },
  headings: { en: 'Headings that count: {value}.', da: 'Overskrifter, der tæller: {value}.' },
  docsFolder: { en: 'A documentation folder (docs/, doc/, documentation/) counts.', da: 'En dokumentationsmappe (docs/, doc/, documentation/) tæller.' },
  siteConfig: { en: 'A documentation site configuration (MkDocs, Docusaurus, Sphinx and the like) counts.', da: 'En konfiguration af et dokumentationssite (MkDocs, Docusaurus, Sphinx og lignende) tæller.' },
  architecture: { en: 'Architecture documents and diagrams count.', da: 'Arkitekturdokumenter og -diagrammer tæller.' },
  wellKnown: { en: 'Files of these kinds count: {value}.', da: 'Filer af disse slags tæller: {value}.' },
  paths: { en: 'Files matching: {value}.', da: 'Filer, der matcher: {value}.' },
  docPaths: { en: 'Operations documents matching: {value}.', da: 'Driftsdokumenter, der matcher: {value}.' },
  topics: { en: 'Topics: {value}.', da: 'Emner: {value}.' },
  withinMonths: { en: 'Within the last {value} months.', da: 'Inden for de seneste {value} måneder.' },
  hosts: { en: 'Addresses on: {value}.', da: 'Adresser på: {value}.' },
  declaredUrls: { en: 'Addresses in os2.yaml that count: {value}.', da: 'Adresser i os2.yaml, der tæller: {value}.' },
  requireRemoteOrDeclared: { en: 'It must also have a remote, or repository.url in os2.yaml must say where it is shared.', da: 'Det skal også have en remote, eller repository.url i os2.yaml skal sige, hvor det deles.' },
  maxBulkRatio: { en: 'At most {percent} % of the commits may be bulk uploads.', da: 'Højst {percent} % af commits må være masseuploads.' },
  bulkPatterns: { en: 'Commit messages that count as bulk uploads: {count} patterns (release, sync, upload, update, import, snapshot and the like).', da: 'Commit-beskeder, der tæller som masseuploads: {count} mønstre (release, sync, upload, update, import, snapshot og lignende).' },
  trackerHosts: { en: 'Code hosts with a built-in issue tracker: {value}.', da: 'Kodeværter med indbygget issue tracker: {value}.' },
  sample: { en: 'The newest {value} commits are read.', da: 'De nyeste {value} commits læses.' },
  minRatio: { en: 'At least {percent} % of them must refer to an issue.', da: 'Mindst {percent} % af dem skal henvise til et issue.' },
  maxDivergentBranchAgeDays: { en: 'A branch counts as drifted after {value} days apart from the main branch.', da: 'En gren tæller som gledet væk efter {value} dage adskilt fra hovedgrenen.' },
  minFiles: { en: 'At least {value} test files.', da: 'Mindst {value} testfiler.' },
  stepKind: { en: 'The step: {value}.', da: 'Trinnet: {value}.' },
  minLinePercent: { en: 'At least {value} % line coverage.', da: 'Mindst {value} % linjedækning.' },
  allowed: { en: 'Licences allowed: {value}.', da: 'Tilladte licenser: {value}.' },
  exceptionField: { en: 'Another licence approved by the board is declared in os2.yaml: {value}.', da: 'En anden licens godkendt af bestyrelsen erklæres i os2.yaml: {value}.' },
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parameter as a message argument: lists of words joined, topic objects by their id. */
function argOf(value: unknown): ArgValue {
  if (Array.isArray(value)) return value.map((v) => (isRecord(v) && typeof v.id === 'string' ? v.id : typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return JSON.stringify(value);
}

/** The sentences that describe a check: what meets it, then each parameter's threshold. */
export function describeCheck(check: { kind: string; params?: Record<string, unknown> }, lang: Lang): string[] {
  const lines = [kinds[check.kind]?.[lang] ?? check.kind];
  for (const [key, value] of Object.entries(check.params ?? {})) {
    if (value === false || value === undefined) continue;
    const words = (typeof value === 'string' ? params[`${check.kind}.${key}.${value}`] : undefined) ?? params[`${check.kind}.${key}`] ?? params[key];
    const arg = argOf(value);
    const args = {
      value: arg,
      percent: typeof value === 'number' ? Math.round(value * 100) : undefined,
      count: Array.isArray(value) ? value.length : undefined,
    };
    lines.push(words ? fill(words[lang], args, lang) : `${key}: ${Array.isArray(arg) ? arg.join(', ') : String(arg)}`);
  }
  return lines;
}

/** Every check kind has words (a test holds the registry to this). */
export const describedKinds = (): string[] => Object.keys(kinds);
