/**
 * Where a met checklist item's documentation may go in os2.yaml. Conservative on purpose: a field
 * is listed only where the documentation column can fill it without interpretation (a URL, a date,
 * the text itself). Requirements not listed carry nothing; the import lists them instead. Names of
 * people, lists of municipalities and multi-topic blocks (operations) are not guessed from prose.
 */

/**
 * What a field takes from the documentation column: `url` the first URL; `url-or-path` a URL or a
 * path that exists in the repository; `date` the first date (YYYY-MM-DD, 14.06.2022, 14. juni 2022);
 * `text` the whole text; `prose` the text with its URLs removed; `true` the boolean true (the
 * item's being met is the declaration).
 */
export type FieldValue = 'url' | 'url-or-path' | 'date' | 'text' | 'prose' | 'true';

export interface FieldMapping {
  /** Dotted path in os2.yaml. */
  path: string;
  value: FieldValue;
  /** Without it the declaration would not validate or would mean nothing; then nothing is carried. */
  required?: boolean;
}

const doc = (path: string): FieldMapping[] => [{ path, value: 'url-or-path', required: true }];
const board = (key: string): FieldMapping[] => [
  { path: `governance.board.${key}.date`, value: 'date', required: true },
  { path: `governance.board.${key}.minutes`, value: 'url-or-path' },
];

export const MANIFEST_FIELDS = {
  'relevance.local-value': [{ path: 'relevance.localValue', value: 'text', required: true }],
  'relevance.value-for-others': [{ path: 'relevance.valueForOthers', value: 'text', required: true }],
  'relevance.line-management': [
    { path: 'relevance.lineManagement.document', value: 'url-or-path', required: true },
    { path: 'relevance.lineManagement.date', value: 'date' },
  ],
  'docs.install': doc('documentation.install'),
  'docs.technical': doc('documentation.technical'),
  'docs.implementation-guide': doc('documentation.implementationGuide'),
  'docs.training-material': doc('documentation.trainingMaterial'),
  'docs.presentation-material': doc('documentation.presentationMaterial'),
  'docs.strategic-communication': doc('documentation.strategicCommunication'),
  'docs.political-communication': doc('documentation.politicalCommunication'),
  'docs.os2-channels': doc('documentation.os2Channels'),
  'docs.architecture-standards': doc('documentation.architectureFramework'),
  'versioning.vcs': [{ path: 'repository.url', value: 'url', required: true }],
  'versioning.issue-tracker': [{ path: 'issueTracker.url', value: 'url', required: true }],
  'versioning.single-mainline': [{ path: 'codebase.singleCoreVersion', value: 'true', required: true }],
  'legal.procurement': [
    { path: 'legal.procurement.statement', value: 'text', required: true },
    { path: 'legal.procurement.document', value: 'url' },
  ],
  'legal.lawfulness': [
    { path: 'legal.lawfulness.statement', value: 'text', required: true },
    { path: 'legal.lawfulness.dataProcessingAgreements', value: 'url' },
  ],
  'security.considered': [{ path: 'security.description', value: 'text', required: true }],
  'operations.implementation-plan': doc('operations.implementationPlan.document'),
  'governance.portfolio': [
    { path: 'governance.portfolio.registered', value: 'date' },
    { path: 'governance.portfolio.url', value: 'url' },
  ],
  'governance.secretariat': [{ path: 'governance.secretariat.lastContact', value: 'date', required: true }],
  'governance.board-informed': board('informed'),
  'governance.board-approved': board('approved'),
  'governance.steering-group-approved': board('approvedSteeringGroup'),
  'governance.steering-group': doc('governance.steeringGroup.mandate'),
  'governance.coordination-group': doc('governance.coordinationGroup.mandate'),
  'governance.project-model-documented': doc('governance.projectModel.document'),
  'governance.joining-agreement': doc('governance.joiningAgreement'),
  'governance.funding': doc('governance.funding.agreement'),
  'governance.community': [
    { path: 'governance.community.url', value: 'url' },
    { path: 'governance.community.description', value: 'prose' },
  ],
  'strategy.os2-strategy': [{ path: 'strategy.os2Strategy', value: 'text', required: true }],
  'strategy.innovation': [{ path: 'strategy.innovation', value: 'text', required: true }],
  'strategy.mission-link': [{ path: 'strategy.missionLink', value: 'text', required: true }],
  'strategy.product-vision': [{ path: 'strategy.productVision', value: 'text', required: true }],
  'strategy.vision-alignment': [{ path: 'strategy.visionAlignment', value: 'text', required: true }],
} satisfies Record<string, FieldMapping[]>;

export const fieldsFor = (id: string): FieldMapping[] | undefined => (MANIFEST_FIELDS as Record<string, FieldMapping[]>)[id];
