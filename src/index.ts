/** The public library API: the CLI is a thin layer over these. */
export { checkRepository, type CheckRepositoryOptions, type CheckedRepository } from './checkRepository.js';
export { collectFacts, type CollectOptions } from './facts/collect.js';
export type { Facts } from './facts/types.js';
export { evaluate } from './evaluate/evaluate.js';
export type { Evaluation, Outcome, RequirementOutcome } from './evaluate/types.js';
export { loadLevels, defaultLevelsPath } from './levels/load.js';
export type { LevelCatalogue, Requirement, Lang } from './levels/types.js';
export { loadManifest, findManifest } from './manifest/load.js';
export { buildReport, buildResult } from './report/build.js';
export type { Report, RepositoryResult, ReportRequirement } from './report/model.js';
export { exitCodeFor, gateFailures, EXIT_OK, EXIT_GATE_FAILED, EXIT_COULD_NOT_RUN } from './report/exitCode.js';
export { formatters, formatNames, type FormatName } from './format/registry.js';
export { InputError, type SourceProblem } from './errors.js';
