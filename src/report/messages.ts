/**
 * The message catalogue: every sentence the core can produce, in Danish and English. Checks emit
 * codes with arguments; this file turns them into words (`{name}` placeholders, lists joined).
 */
import type { ArgValue, MessageArgs } from '../checks/types.js';
import type { Lang, Text } from '../levels/types.js';

export const messages = {
  // readme-prose
  'readme.pass': { en: '{path} describes the solution ({chars} characters of prose).', da: '{path} beskriver løsningen ({chars} tegn prosa).' },
  'readme.too-short': { en: '{path} has only {chars} characters of prose; at least {min} are expected.', da: '{path} har kun {chars} tegn prosa; der forventes mindst {min}.' },
  'readme.missing': { en: 'No README was found in the repository.', da: 'Der er ingen README i repositoriet.' },
  'readme.unreadable': { en: 'The README could not be read: {reason}.', da: 'README kunne ikke læses: {reason}.' },
  // declared
  'report.declared': {
    en: 'Declared in the governance report {file} ({item}: "{status}", dated {date}).',
    da: 'Erklæret i governancerapporten {file} ({item}: "{status}", dateret {date}).',
  },
  'report.declared-undated': {
    en: 'Declared in the governance report {file} ({item}: "{status}"; the report states no date).',
    da: 'Erklæret i governancerapporten {file} ({item}: "{status}"; rapporten angiver ingen dato).',
  },
  'declared.pass': { en: 'Declared in os2.yaml: {fields}.', da: 'Erklæret i os2.yaml: {fields}.' },
  'declared.publiccode': { en: 'publiccode.yml lists {count} entries in {field}.', da: 'publiccode.yml angiver {count} i {field}.' },
  'declared.no-manifest': { en: 'Not declared: there is no os2.yaml (needs {fields}).', da: 'Ikke erklæret: der er ingen os2.yaml (kræver {fields}).' },
  'declared.missing': { en: 'Not declared in os2.yaml: {fields}.', da: 'Ikke erklæret i os2.yaml: {fields}.' },
  'declared.not-equal': { en: '{field} is {actual}; {expected} is required.', da: '{field} er {actual}; der kræves {expected}.' },
  'declared.too-few': { en: '{field} names {count}; at least {min} are required.', da: '{field} angiver {count}; der kræves mindst {min}.' },
  'declared.path-missing': { en: '{field} points to {path}, which is not a tracked file in the repository.', da: '{field} peger på {path}, som ikke er en fil i repositoriet.' },
  'declared.path-outside': { en: '{field} points to {path}, outside the repository; refused.', da: '{field} peger på {path} uden for repositoriet; afvist.' },
  // documented
  'documented.found': { en: 'Found in the repository: {first} ({count} in all).', da: 'Fundet i repositoriet: {first} ({count} i alt).' },
  'placeholder.only': {
    en: 'Not met: still a placeholder to fill in ({places}); an os2level TODO placeholder is not documentation.',
    da: 'Ikke opfyldt: stadig en pladsholder, der skal udfyldes ({places}); en os2level TODO-pladsholder er ikke dokumentation.',
  },
  'documented.placeholder': {
    en: 'Found, but still an os2level placeholder to fill in: {places}.',
    da: 'Fundet, men stadig en os2level-pladsholder, der skal udfyldes: {places}.',
  },
  'documented.missing': {
    en: 'Nothing found. Looked for: {lookedFor}.',
    da: 'Intet fundet. Ledte efter: {lookedFor}.',
  },
  // links-to
  'links.found': { en: 'Links to OS2\'s channels: {first} ({count} in all).', da: 'Henviser til OS2\'s kanaler: {first} ({count} i alt).' },
  'links.declared': { en: 'os2.yaml gives an address on OS2\'s channels: {first}.', da: 'os2.yaml angiver en adresse på OS2\'s kanaler: {first}.' },
  'links.none': {
    en: 'No link to {hosts} in the README or the documentation, and none declared in os2.yaml.',
    da: 'Ingen henvisning til {hosts} i README eller dokumentationen, og ingen erklæret i os2.yaml.',
  },
  // docs-open-format
  'open-format.pass': { en: 'Documentation is in open text formats ({text} text files, {office} office/PDF files).', da: 'Dokumentationen er i åbne tekstformater ({text} tekstfiler, {office} office/PDF-filer).' },
  'open-format.mostly-office': {
    en: 'Only {percent}% of the documentation is in open text formats ({text} text, {office} office/PDF files): {files}.',
    da: 'Kun {percent}% af dokumentationen er i åbne tekstformater ({text} tekst, {office} office/PDF-filer): {files}.',
  },
  'open-format.office-only': { en: 'Documentation exists only as office/PDF files ({office}): {files}.', da: 'Dokumentationen findes kun som office/PDF-filer ({office}): {files}.' },
  // docs-fresh
  'fresh.pass': { en: 'README or docs last changed {date} (within {months} months).', da: 'README eller docs blev sidst ændret {date} (inden for {months} måneder).' },
  'fresh.stale': { en: 'README and docs last changed {date}, more than {months} months ago.', da: 'README og docs blev sidst ændret {date}, for mere end {months} måneder siden.' },
  'fresh.never': { en: 'No commit has touched a README or docs folder.', da: 'Ingen commit har ændret en README eller docs-mappe.' },
  // git
  'git.not-repository': { en: 'The directory is not a git repository.', da: 'Mappen er ikke et git-repositorie.' },
  'git.unreadable': { en: 'The git history could not be read: {reason}.', da: 'Git-historikken kunne ikke læses: {reason}.' },
  'git.partial': { en: 'The clone holds only part of the history (shallow or partial); tags cannot be judged.', da: 'Klonen rummer kun en del af historikken (shallow eller partial); tags kan ikke vurderes.' },
  'git.no-commits': { en: 'The repository has no commits.', da: 'Repositoriet har ingen commits.' },
  'git.pass-remote': { en: 'In git with {commits} commits, published at {remote}.', da: 'I git med {commits} commits, offentliggjort på {remote}.' },
  'git.pass-declared': { en: 'In git with {commits} commits; repository URL declared in os2.yaml.', da: 'I git med {commits} commits; repositoriets URL er erklæret i os2.yaml.' },
  'git.pass-local': { en: 'In git with {commits} commits.', da: 'I git med {commits} commits.' },
  'git.no-remote': { en: 'In git with {commits} commits, but no remote and no repository.url says where it is shared.', da: 'I git med {commits} commits, men hverken en remote eller repository.url siger, hvor koden deles.' },
  'activity.pass': { en: 'Last commit {date}; {bulk} of the last {sample} commits look like bulk uploads.', da: 'Seneste commit {date}; {bulk} af de seneste {sample} commits ligner masseuploads.' },
  'activity.stale': { en: 'Last commit {date}, more than {months} months ago.', da: 'Seneste commit {date}, for mere end {months} måneder siden.' },
  'activity.bulk': { en: '{percent} % of the last {sample} commits look like bulk release/sync uploads.', da: '{percent} % af de seneste {sample} commits ligner masseuploads (release/sync).' },
  'org.pass': { en: 'The code lives under {owner}, an OS2 organisation ({remote}).', da: 'Koden ligger under {owner}, en OS2-organisation ({remote}).' },
  'org.pass-url': { en: 'The declared repository address {url} places the code under {owner}, an OS2 organisation.', da: 'Den erklærede repositorieadresse {url} placerer koden under {owner}, en OS2-organisation.' },
  'org.sandbox': { en: '{owner} is OS2\'s sandbox: it holds projects at the minimum level only.', da: '{owner} er OS2\'s sandkasse: den rummer kun projekter på minimumsniveau.' },
  'org.declared': { en: 'Declared organisation {owner} with a handover reference.', da: 'Erklæret organisation {owner} med en overdragelsesreference.' },
  'org.declared-no-handover': { en: 'Declared organisation {owner}, but no repository.handover reference.', da: 'Erklæret organisation {owner}, men ingen repository.handover-reference.' },
  'org.not-os2': { en: 'The code is owned by {owners}, not an organisation OS2 controls.', da: 'Koden ejes af {owners}, ikke af en organisation, OS2 kontrollerer.' },
  'tracker.declared': { en: 'Issue tracker declared in os2.yaml ({templates} issue templates).', da: 'Issue-tracker erklæret i os2.yaml ({templates} issue-skabeloner).' },
  'tracker.inferred': { en: 'Issues on {host}/{owner}/{repo} ({templates} issue templates).', da: 'Issues på {host}/{owner}/{repo} ({templates} issue-skabeloner).' },
  'tracker.missing': { en: 'No issue tracker declared and no remote on {hosts}.', da: 'Ingen issue-tracker erklæret og ingen remote på {hosts}.' },
  'refs.pass': { en: '{hits} of the last {sample} commits ({percent} %) reference an issue.', da: '{hits} af de seneste {sample} commits ({percent} %) henviser til et issue.' },
  'refs.low': { en: 'Only {hits} of the last {sample} commits ({percent} %) reference an issue; {min} % is expected.', da: 'Kun {hits} af de seneste {sample} commits ({percent} %) henviser til et issue; der forventes {min} %.' },
  'mainline.declared': { en: 'Declared: one version of the core code.', da: 'Erklæret: én version af kernekoden.' },
  'mainline.declared-false': { en: 'os2.yaml says there is more than one version of the core code.', da: 'os2.yaml angiver, at der er mere end én version af kernekoden.' },
  'mainline.divergent': { en: 'Branches ahead of the default branch and untouched for over {days} days: {branches}.', da: 'Branches foran standardbranchen og uberørt i over {days} dage: {branches}.' },
  'releases.none': { en: 'No version tags ({tags} tags in all).', da: 'Ingen versionstags ({tags} tags i alt).' },
  'releases.pass': { en: 'Newest release {tag} on {date} ({count} version tags).', da: 'Nyeste release {tag} den {date} ({count} versionstags).' },
  'releases.stale': { en: 'Newest release {tag} on {date}, more than {months} months ago.', da: 'Nyeste release {tag} den {date}, for mere end {months} måneder siden.' },
  'semver.pass': { en: 'The last {count} version tags are Semantic Versions.', da: 'De seneste {count} versionstags følger Semantic Versioning.' },
  'semver.not-semver': { en: '{count} of the last {of} version tags are not SemVer: {tags}.', da: '{count} af de seneste {of} versionstags følger ikke SemVer: {tags}.' },
  'changelog.missing': { en: 'No changelog, so release {tag} is not described.', da: 'Ingen changelog, så release {tag} er ikke beskrevet.' },
  'changelog.unreadable': { en: 'The changelog could not be read: {reason}.', da: 'Changelog kunne ikke læses: {reason}.' },
  'changelog.current': { en: '{path} covers the newest release {tag}.', da: '{path} dækker den nyeste release {tag}.' },
  'changelog.behind': { en: '{path} does not mention the newest release {tag} (newest entry: {latest}).', da: '{path} nævner ikke den nyeste release {tag} (nyeste afsnit: {latest}).' },
  'signed.pass': { en: 'Release tag {tag} is signed.', da: 'Release-tagget {tag} er signeret.' },
  'signed.unsigned': { en: 'Release tag {tag} is annotated but not signed.', da: 'Release-tagget {tag} er annoteret, men ikke signeret.' },
  'signed.lightweight': { en: 'Release tag {tag} is a lightweight tag and cannot carry a signature.', da: 'Release-tagget {tag} er et letvægtstag og kan ikke bære en signatur.' },
  // tests
  'tests.pass': { en: '{count} test files: {ecosystems}.', da: '{count} testfiler: {ecosystems}.' },
  'tests.none': { en: 'No test files found by any ecosystem convention.', da: 'Ingen testfiler fundet efter nogen økosystems konvention.' },
  'tests.boilerplate': { en: 'Only generated boilerplate tests ({count} files); no real test suite.', da: 'Kun genererede skabelontests ({count} filer); ingen egentlig testsuite.' },
  'ci.pass': { en: 'CI runs a {stepKind} step: {file} job {job}: {command}.', da: 'CI kører et {stepKind}-trin: {file} job {job}: {command}.' },
  'ci.none': { en: 'No CI definition found.', da: 'Ingen CI-definition fundet.' },
  'ci.no-step': { en: 'CI definitions exist ({files}) but no step runs {stepKind}.', da: 'Der er CI-definitioner ({files}), men intet trin kører {stepKind}.' },
  'ci.unparsable': { en: 'CI definitions could not be parsed ({files}): {reason}.', da: 'CI-definitionerne kunne ikke læses ({files}): {reason}.' },
  'coverage.pass': { en: 'Measured line coverage {percent} % (at least {min} %), from {reports}.', da: 'Målt linjedækning {percent} % (mindst {min} %), fra {reports}.' },
  'coverage.low': { en: 'Measured line coverage {percent} % is below {min} % ({reports}).', da: 'Målt linjedækning {percent} % er under {min} % ({reports}).' },
  'coverage.declared-pass': { en: 'Self-declared line coverage {percent} % (at least {min} %), report {url}.', da: 'Selverklæret linjedækning {percent} % (mindst {min} %), rapport {url}.' },
  'coverage.declared-low': { en: 'Self-declared line coverage {percent} % is below {min} %.', da: 'Selverklæret linjedækning {percent} % er under {min} %.' },
  'coverage.unreadable': { en: 'The coverage report {path} could not be read: {reason}.', da: 'Dækningsrapporten {path} kunne ikke læses: {reason}.' },
  'coverage.no-report': { en: 'No coverage report found; pass --coverage FILE or set quality.coverage in os2.yaml.', da: 'Ingen dækningsrapport fundet; brug --coverage FIL eller angiv quality.coverage i os2.yaml.' },
  'coverage.mismatch': { en: 'Declared coverage {declared} % differs from measured {measured} %.', da: 'Erklæret dækning {declared} % afviger fra den målte {measured} %.' },
  // operations
  'operations.pass': { en: 'All {count} operations topics are described.', da: 'Alle {count} driftsemner er beskrevet.' },
  'operations.missing-topics': { en: '{count} of {of} operations topics described; missing: {missing}.', da: '{count} af {of} driftsemner beskrevet; mangler: {missing}.' },
  // licence
  'licence.osi': { en: '{path} is {spdx}, an OSI-approved licence.', da: '{path} er {spdx}, en OSI-godkendt licens.' },
  'licence.not-osi': { en: 'The licence {spdx} is not OSI-approved.', da: 'Licensen {spdx} er ikke OSI-godkendt.' },
  'licence.unrecognised': { en: '{path} holds no licence text the tool recognises.', da: '{path} indeholder ingen licenstekst, værktøjet genkender.' },
  'licence.unreadable': { en: 'The licence could not be read: {reason}.', da: 'Licensen kunne ikke læses: {reason}.' },
  'licence.missing': { en: 'No LICENSE, LICENCE or COPYING file and no licence in package manifests.', da: 'Ingen LICENSE-, LICENCE- eller COPYING-fil og ingen licens i pakkemanifester.' },
  'licence.allowed': { en: 'Licensed under {spdx}, OS2\'s licence.', da: 'Licenseret under {spdx}, OS2\'s licens.' },
  'licence.board-decision': { en: 'Licensed under {spdx} by a declared board decision.', da: 'Licenseret under {spdx} efter en erklæret bestyrelsesbeslutning.' },
  'licence.not-allowed': { en: 'Licensed under {spdx}, not {allowed}, and no {field} is declared.', da: 'Licenseret under {spdx}, ikke {allowed}, og ingen {field} er erklæret.' },
  'consistent.nothing-declared': { en: 'No licence is declared elsewhere, so nothing can disagree.', da: 'Ingen licens er erklæret andre steder, så intet kan være i modstrid.' },
  'consistent.pass': { en: 'os2.yaml and publiccode.yml agree with the licence text ({spdx}).', da: 'os2.yaml og publiccode.yml stemmer med licensteksten ({spdx}).' },
  'consistent.mismatch': { en: '{source} says {declared}, but the licence text is {spdx}.', da: '{source} siger {declared}, men licensteksten er {spdx}.' },
  'consistent.no-detected': { en: 'Declared {declared}, but the licence text could not be identified ({reason}).', da: 'Erklæret {declared}, men licensteksten kunne ikke identificeres ({reason}).' },
  'disclosure.pass': { en: '{path} tells how to report a vulnerability.', da: '{path} fortæller, hvordan en sårbarhed indberettes.' },
  'disclosure.no-contact': { en: '{path} gives no e-mail address or URL for reporting vulnerabilities.', da: '{path} angiver ingen e-mailadresse eller URL til indberetning af sårbarheder.' },
  'disclosure.missing': { en: 'No SECURITY file and no security.contact in os2.yaml.', da: 'Ingen SECURITY-fil og ingen security.contact i os2.yaml.' },
  // consistency (src/evaluate/consistency.ts): os2.yaml or publiccode.yml against the repository
  'consistency.heading': { en: 'os2.yaml or publiccode.yml disagrees with the repository', da: 'os2.yaml eller publiccode.yml er uenig med repositoriet' },
  'consistency.licence': { en: '{source} says {declared}, but the licence text is {detected} (see {requirement}).', da: '{source} siger {declared}, men licensteksten er {detected} (se {requirement}).' },
  'consistency.organisation': { en: 'repository.organisation is {declared}, but the remote is owned by {remote}.', da: 'repository.organisation er {declared}, men remoten ejes af {remote}.' },
  'consistency.repository-url': { en: 'repository.url is {declared}, but the remotes are {remote}.', da: 'repository.url er {declared}, men remoterne er {remote}.' },
  'consistency.coverage': { en: 'Declared coverage {declared} % differs from measured {measured} % (see {requirement}).', da: 'Erklæret dækning {declared} % afviger fra den målte {measured} % (se {requirement}).' },
  'consistency.participants': {
    en: '{field} and usedBy in {path} name different bodies: only in os2.yaml {onlyManifest}; only in {path} {onlyPubliccode}.',
    da: '{field} og usedBy i {path} nævner forskellige organisationer: kun i os2.yaml {onlyManifest}; kun i {path} {onlyPubliccode}.',
  },
  'consistency.path-missing': { en: '{field} points to {path}, which does not exist in the repository.', da: '{field} peger på {path}, som ikke findes i repositoriet.' },
  'consistency.path-outside': { en: '{field} points to {path}, outside the repository.', da: '{field} peger på {path} uden for repositoriet.' },
  'consistency.contract-expired': { en: '{path}: the maintenance contract with {contractor} ended on {until}.', da: '{path}: vedligeholdelsesaftalen med {contractor} udløb {until}.' },
  'consistency.stable-unreleased': { en: '{path} says developmentStatus: stable, but the repository has no version tag ({tags} tags in all).', da: '{path} angiver developmentStatus: stable, men repositoriet har intet versionstag ({tags} tags i alt).' },
  // publiccode (src/publiccode/plan.ts, `os2level publiccode`)
  'publiccode.cannot-know': {
    en: '{field}: os2.yaml and the repository cannot tell; fill it in (or pass --platform, --software-type, --maintenance-type).',
    da: '{field}: os2.yaml og repositoriet kan ikke afgøre det; udfyld det (eller brug --platform, --software-type, --maintenance-type).',
  },
  'publiccode.categories': { en: 'categories: choose words from the standard\'s categories list; os2level does not guess them.', da: 'categories: vælg ord fra standardens kategoriliste; os2level gætter dem ikke.' },
  'publiccode.stable-without-release': { en: 'developmentStatus is stable, but there is no version tag; left as written (consider development).', da: 'developmentStatus er stable, men der er intet versionstag; efterladt som skrevet (overvej development).' },
  'publiccode.differs': {
    en: '{field}: the file says "{current}", os2level would write "{proposed}" (from {from}); left as written.',
    da: '{field}: filen siger "{current}", os2level ville skrive "{proposed}" (fra {from}); efterladt som skrevet.',
  },
  'publiccode.licence-from-text': { en: 'legal.license is {detected} from the licence text; os2.yaml says {declared}.', da: 'legal.license er {detected} ifølge licensteksten; os2.yaml siger {declared}.' },
  'publiccode.contractors': { en: 'maintenance.type is contract, but contractors need an end date (until) that only the contract gives; maintainers in os2.yaml: {maintainers}.', da: 'maintenance.type er contract, men contractors kræver en slutdato (until), som kun aftalen kender; vedligeholdere i os2.yaml: {maintainers}.' },
  'publiccode.long-description': { en: 'description.{lang}.longDescription needs at least {min} characters; product.description and the README give {chars}.', da: 'description.{lang}.longDescription kræver mindst {min} tegn; product.description og README giver {chars}.' },
  'publiccode.problem-missing': { en: '{pointer}: missing ({detail}).', da: '{pointer}: mangler ({detail}).' },
  'publiccode.problem-invalid': { en: '{pointer}: {detail}.', da: '{pointer}: {detail}.' },
  'publiccode.written': { en: 'Wrote {path}: {count} fields set.', da: 'Skrev {path}: {count} felter sat.' },
  'publiccode.unchanged': { en: '{path} is up to date.', da: '{path} er opdateret.' },
  'publiccode.todo': { en: 'Still to fill in:', da: 'Mangler stadig:' },
  // fix (src/fix/*, `os2level fix`)
  'fix.nothing': { en: 'Nothing to write: no requirement at or below level {level} fails in a way a file can close.', da: 'Intet at skrive: intet krav på eller under niveau {level} fejler på en måde, en fil kan lukke.' },
  'fix.would-create': { en: 'would create {path} ({requirements}; {placeholders} placeholders)', da: 'ville oprette {path} ({requirements}; {placeholders} pladsholdere)' },
  'fix.would-append': { en: 'would add sections to {path} ({requirements}; {placeholders} placeholders)', da: 'ville tilføje afsnit til {path} ({requirements}; {placeholders} pladsholdere)' },
  'fix.created': { en: 'created {path} ({requirements}; {placeholders} placeholders)', da: 'oprettede {path} ({requirements}; {placeholders} pladsholdere)' },
  'fix.appended': { en: 'added sections to {path} ({requirements}; {placeholders} placeholders)', da: 'tilføjede afsnit til {path} ({requirements}; {placeholders} pladsholdere)' },
  'fix.skipped-exists': { en: 'skipped {path}: it appeared while fix ran; nothing overwritten', da: 'sprang {path} over: filen opstod undervejs; intet overskrevet' },
  'fix.skipped-symlink': { en: 'skipped {path}: it is a symbolic link ({detail}); a link is never replaced', da: 'sprang {path} over: det er et symbolsk link ({detail}); et link erstattes aldrig' },
  'fix.skipped-outside': { en: 'skipped {path}: writing it would leave the repository ({detail})', da: 'sprang {path} over: at skrive den ville gå uden for repositoriet ({detail})' },
  'fix.skipped-not-a-file': { en: 'skipped {path}: {detail}; nothing written', da: 'sprang {path} over: {detail}; intet skrevet' },
  'fix.skipped-not-utf8': { en: 'skipped {path}: it is not UTF-8 (or UTF-16 with a byte-order mark) text; left untouched rather than risk damaging it; convert it to UTF-8 and run fix again', da: 'sprang {path} over: filen er ikke UTF-8-tekst (eller UTF-16 med byte-order mark); den er ikke rørt for ikke at ødelægge den; konvertér den til UTF-8, og kør fix igen' },
  'fix.placeholders': {
    en: 'Placeholders are marked <!-- TODO(os2level): … -->. A file or section that still holds one does not count: its requirement stays unmet ("still a placeholder") until you replace every placeholder with real content.',
    da: 'Pladsholdere er markeret <!-- TODO(os2level): … -->. En fil eller et afsnit, der stadig har en, tæller ikke: kravet forbliver uopfyldt ("stadig en pladsholder"), indtil du erstatter hver pladsholder med rigtigt indhold.',
  },
  'fix.now-met': { en: 'Now met: {ids}.', da: 'Nu opfyldt: {ids}.' },
  'fix.still-not-met': { en: 'Still not met: {ids}.', da: 'Stadig ikke opfyldt: {ids}.' },
  'fix.needs-contact': {
    en: 'security.disclosure stays unmet: {path} needs a real e-mail address or URL for reporting vulnerabilities privately (or set security.contact in os2.yaml and run fix on a repository without SECURITY.md). os2level never invents one.',
    da: 'security.disclosure forbliver uopfyldt: {path} skal have en rigtig e-mailadresse eller URL til fortrolig indberetning af sårbarheder (eller angiv security.contact i os2.yaml, og kør fix i et repositorie uden SECURITY.md). os2level opfinder aldrig en.',
  },
  'fix.needs-description': { en: 'docs.readme needs prose only people can write: fill in the purpose section of {path}, or set product.description in os2.yaml.', da: 'docs.readme kræver tekst, som kun mennesker kan skrive: udfyld formålsafsnittet i {path}, eller angiv product.description i os2.yaml.' },
  'fix.not-by-file': { en: 'No file can close: {ids} (see `os2level explain <id>`).', da: 'Ingen fil kan lukke: {ids} (se `os2level explain <id>`).' },
  // repository discovery (src/repo/discover.ts), printed on stderr by the commands
  'discover.checking': { en: 'os2level: checking the repository at {root} (found from {named}; --no-discover checks {named} itself)', da: 'os2level: tjekker repositoriet i {root} (fundet fra {named}; --no-discover tjekker {named} selv)' },
  'discover.using': { en: 'os2level: using the repository at {root} (found from {named}; --no-discover uses {named} itself)', da: 'os2level: bruger repositoriet i {root} (fundet fra {named}; --no-discover bruger {named} selv)' },
  'discover.other-owner': { en: 'os2level: {topLevel} holds a repository owned by another user; using {named} on its own', da: 'os2level: {topLevel} rummer et repositorie, som en anden bruger ejer; bruger {named} for sig' },
  // the command line
  'cli.unknown-command': { en: "os2level: unknown command '{word}', and no directory of that name{hint}", da: "os2level: ukendt kommando '{word}', og ingen mappe med det navn{hint}" },
  'cli.did-you-mean': { en: ' (did you mean {commands}?)', da: ' (mente du {commands}?)' },
  'cli.see-help': { en: '; os2level --help lists the commands', da: '; os2level --help viser kommandoerne' },
  'check.error': { en: 'The check failed to run: {message}.', da: 'Kontrollen kunne ikke køre: {message}.' },
} as const satisfies Record<string, Text>;

export type MessageCode = keyof typeof messages;

const formatArg = (v: ArgValue | undefined, lang: Lang): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '—';
  if (typeof v === 'number') return lang === 'da' ? String(v).replace('.', ',') : String(v);
  return String(v);
};

/** Fills `{name}` placeholders of a template. */
export function fill(template: string, args: MessageArgs, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => formatArg(args[name], lang));
}

/** The sentence for a code; an unknown code yields the code itself so nothing is ever silently dropped. */
export function message(code: string, args: MessageArgs, lang: Lang): string {
  const t = (messages as Record<string, Text>)[code];
  return t ? fill(t[lang], args, lang) : `${code} ${JSON.stringify(args)}`;
}
