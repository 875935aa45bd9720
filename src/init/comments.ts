/**
 * The words `init` writes into os2.yaml: one short comment per section saying what it is for, and
 * commented-out hints for the sections nothing in the repository could fill. Danish and English.
 */
import type { Lang, Text } from '../levels/types.js';

/** Top-level sections in the order init writes them. */
export const SECTION_ORDER = [
  'schemaVersion', 'product', 'repository', 'licence', 'issueTracker', 'documentation', 'codebase', 'quality',
  'security', 'legal', 'relevance', 'operations', 'governance', 'strategy', 'explanations', 'notApplicable',
] as const;
export type Section = (typeof SECTION_ORDER)[number];

export const HEADER: Text = {
  da: ' os2.yaml beskriver produktet over for OS2\'s produktniveauer (os2level).\n Kun schemaVersion og product.name er påkrævet; erklær det, repositoriet ikke selv viser.\n Tjek med: os2level check    Valider med: os2level validate',
  en: ' os2.yaml describes the product for OS2\'s product levels (os2level).\n Only schemaVersion and product.name are required; declare what the repository cannot show.\n Check with: os2level check    Validate with: os2level validate',
};

export const SECTION_COMMENTS: Record<Section, Text> = {
  schemaVersion: { da: ' Manifestets format; altid 1.', en: ' The manifest format; always 1.' },
  product: {
    da: ' Produktet: navn, hvad det gør og for hvem, og målniveauet (0 = minimum/sandkasse, 1-3 = N1-N3).',
    en: ' The product: its name, what it does and for whom, and the target level (0 = minimum/sandbox, 1-3 = N1-N3).',
  },
  repository: { da: ' Hvor koden ligger; OS2-produkter ligger i en organisation, OS2 styrer.', en: ' Where the code lives; OS2 products live in an organisation OS2 controls.' },
  licence: { da: ' Licenser: OS2 beder om MPL-2.0 til kode og CC BY-SA til dokumentation.', en: ' Licences: OS2 asks for MPL-2.0 for code and CC BY-SA for documentation.' },
  issueTracker: { da: ' Den offentlige issue tracker.', en: ' The public issue tracker.' },
  documentation: {
    da: ' Dokumentation, som tjekkene ikke selv finder: stier i repositoriet eller URL\'er.',
    en: ' Documentation the checks do not find on their own: paths in the repository or URLs.',
  },
  codebase: { da: ' Kodebasen: én version af kernekoden.', en: ' The code base: one version of the core code.' },
  quality: { da: ' Kvalitet: testdækning og tredjepartsgennemgange.', en: ' Quality: test coverage and third-party reviews.' },
  security: { da: ' Sikkerhed: beskrivelse og hvor sårbarheder meldes fortroligt.', en: ' Security: a description and where vulnerabilities are reported privately.' },
  legal: { da: ' Lovlighed: udbudsregler og lovgivning (fx databehandleraftaler).', en: ' Lawfulness: procurement rules and general law (e.g. data-processing agreements).' },
  relevance: { da: ' Relevans: lokal værdi, værdi for andre, og hvem der bruger produktet.', en: ' Relevance: local value, value for others, and who uses the product.' },
  operations: { da: ' Drift og vedligehold: hvem driver og vedligeholder, hosting, overvågning, backup, finansiering.', en: ' Operation and maintenance: who operates and maintains, hosting, monitoring, backup, financing.' },
  governance: { da: ' Governance: projektleder, deltagere, bestyrelsesbeslutninger, styregruppe.', en: ' Governance: lead, participants, board decisions, steering group.' },
  strategy: { da: ' Strategisk sammenhæng med OS2\'s strategi.', en: ' Strategic fit with OS2\'s strategy.' },
  explanations: {
    da: ' Følg eller forklar: krav, der ikke er opfyldt, hver med begrundelse (approvedBy og expires udfyldes af styregruppen).',
    en: ' Comply or explain: requirements not met, each with its reason (approvedBy and expires are for the steering group to fill in).',
  },
  notApplicable: { da: ' Krav, der ikke er relevante for produktet, hver med begrundelse.', en: ' Requirements that do not apply to the product, each with its reason.' },
};

/** Commented-out examples for sections left empty; placeholders in the chosen language. */
const HINTS: Partial<Record<Section, Text>> = {
  product: { da: 'product:\n  targetLevel: 1', en: 'product:\n  targetLevel: 1' },
  repository: { da: 'repository:\n  url: https://github.com/OS2eksempel/os2eksempel\n  organisation: OS2eksempel', en: 'repository:\n  url: https://github.com/OS2example/os2example\n  organisation: OS2example' },
  licence: { da: 'licence:\n  code: MPL-2.0\n  documentation: CC-BY-SA-4.0', en: 'licence:\n  code: MPL-2.0\n  documentation: CC-BY-SA-4.0' },
  issueTracker: { da: 'issueTracker:\n  url: https://github.com/OS2eksempel/os2eksempel/issues', en: 'issueTracker:\n  url: https://github.com/OS2example/os2example/issues' },
  security: { da: 'security:\n  description: SECURITY.md\n  contact: sikkerhed@eksempel.dk', en: 'security:\n  description: SECURITY.md\n  contact: security@example.dk' },
  legal: {
    da: 'legal:\n  procurement: { statement: "Hvordan udbudsreglerne er overholdt", document: https://... }\n  lawfulness: { statement: "Hvordan GDPR og anden lovgivning overholdes", dataProcessingAgreements: https://... }',
    en: 'legal:\n  procurement: { statement: "How procurement rules were followed", document: https://... }\n  lawfulness: { statement: "How GDPR and other law are respected", dataProcessingAgreements: https://... }',
  },
  relevance: {
    da: 'relevance:\n  localValue: "Den værdi, produktet skaber lokalt"\n  valueForOthers: "Hvorfor andre myndigheder kan bruge det"\n  usedBy: [Aarhus Kommune, Ballerup Kommune]',
    en: 'relevance:\n  localValue: "The value the product creates locally"\n  valueForOthers: "Why other public bodies can use it"\n  usedBy: [Aarhus Kommune, Ballerup Kommune]',
  },
  operations: {
    da: 'operations:\n  operators: [{ name: "Driftsleverandør", role: hosting }]\n  maintainers: ["Udviklingsleverandør"]\n  hostingModel: [on-premises]\n  monitoring: "..."\n  backup: "..."\n  financing: "..."',
    en: 'operations:\n  operators: [{ name: "Hosting supplier", role: hosting }]\n  maintainers: ["Development supplier"]\n  hostingModel: [on-premises]\n  monitoring: "..."\n  backup: "..."\n  financing: "..."',
  },
  governance: {
    da: 'governance:\n  lead: { name: "Fornavn Efternavn", organisation: "Aarhus Kommune" }\n  participants: [Aarhus Kommune, Ballerup Kommune]\n  board:\n    informed: { date: 2025-01-01, minutes: https://... }',
    en: 'governance:\n  lead: { name: "First Last", organisation: "Aarhus Kommune" }\n  participants: [Aarhus Kommune, Ballerup Kommune]\n  board:\n    informed: { date: 2025-01-01, minutes: https://... }',
  },
  strategy: {
    da: 'strategy:\n  os2Strategy: "Hvordan produktet understøtter OS2\'s strategi"\n  innovation: "Hvordan det fremmer innovation og open source"',
    en: 'strategy:\n  os2Strategy: "How the product supports OS2\'s strategy"\n  innovation: "How it furthers innovation and open source"',
  },
  explanations: {
    da: 'explanations:\n  operations.container:\n    reason: "Kører som Windows-service på kommunernes servere"\n    approvedBy: styregruppen, 2025-03-04\n    expires: 2027-03-01',
    en: 'explanations:\n  operations.container:\n    reason: "Runs as a Windows service on municipal servers"\n    approvedBy: steering group, 2025-03-04\n    expires: 2027-03-01',
  },
};

export const HINTS_TITLE: Text = {
  da: ' Afsnit, repositoriet ikke kunne udfylde (fjern # for at bruge dem; os2level explain <id> viser kravene):',
  en: ' Sections the repository could not fill (remove the # to use them; os2level explain <id> shows the requirements):',
};

/** The commented-out hints for the sections missing from `present`, as one comment block. */
export function hintsFor(present: ReadonlySet<string>, lang: Lang, extra: Partial<Record<Section, Text>> = {}): string | null {
  const blocks: string[] = [];
  for (const section of SECTION_ORDER) {
    const hint = extra[section] ?? (present.has(section) ? undefined : HINTS[section]);
    if (hint) blocks.push(hint[lang].split('\n').map((l) => ` ${l}`).join('\n'));
  }
  if (blocks.length === 0) return null;
  return `${HINTS_TITLE[lang]}\n\n${blocks.join('\n\n')}`;
}

/** A commented-out key written inside an existing `product:` mapping (never a second `product:`). */
export const TARGET_LEVEL_HINT: Text = {
  da: ' targetLevel: 1   # det niveau, produktet sigter mod (0-3)',
  en: ' targetLevel: 1   # the level the product aims for (0-3)',
};
