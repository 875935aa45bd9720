import { badDeclaredPath } from './declaredEvidence.js';
import { getPath, isPresent, manifestData } from './declaredValue.js';
import { placeholderFindings, placeholderPlace, stillPlaceholder } from './placeholders.js';
import { globMatcher } from '../facts/globs.js';
import { headingMatcher } from './textMatch.js';
import { defineCheck, type Evidence } from './types.js';

const TOPICS = ['operators', 'maintainers', 'hostingModel', 'components', 'monitoring', 'deployment', 'backup', 'financing'] as const;
type Topic = (typeof TOPICS)[number];

/** operations.setup: every operations topic is declared or covered by a heading in an operations document. */
export const operationsSetup = defineCheck<{ topics: { id: Topic; headings: string[] }[]; docPaths: string[] }>({
  paramsSchema: {
    type: 'object', required: ['topics', 'docPaths'], additionalProperties: false,
    properties: {
      topics: {
        type: 'array', minItems: 1,
        items: { type: 'object', required: ['id', 'headings'], additionalProperties: false, properties: { id: { enum: [...TOPICS] }, headings: { type: 'array', items: { type: 'string' } } } },
      },
      docPaths: { type: 'array', items: { type: 'string' } },
    },
  },
  run({ facts }, { topics, docPaths }) {
    const data = manifestData(facts) ?? {};
    const inOpsDoc = globMatcher(docPaths);
    const opsHeadings = facts.docs.headings.filter((h) => inOpsDoc(h.path));
    const evidence: Evidence[] = [];
    const missing: string[] = [];
    const placeholders: string[] = [];
    let declaredCount = 0;
    for (const topic of topics) {
      const value = getPath(data, `operations.${topic.id}`);
      // A declared repository path that is not there (or leaves the repository) is no evidence.
      if (isPresent(value) && !badDeclaredPath(facts, value)) {
        declaredCount++;
        evidence.push({ kind: 'declared', path: `operations.${topic.id}` });
        continue;
      }
      const match = headingMatcher(topic.headings);
      const h = opsHeadings.find((x) => match(x.text));
      const ev: Evidence | null = h ? { kind: 'heading', path: h.path, line: h.line, value: h.text } : null;
      // A section that is still a template placeholder does not cover its topic.
      const place = ev ? placeholderPlace(facts, ev) : null;
      if (ev && place === null) evidence.push(ev);
      else {
        missing.push(topic.id);
        if (place !== null) placeholders.push(place);
      }
    }
    const basis = declaredCount === topics.length ? 'declared' : evidence.length ? 'verified' : 'none';
    if (missing.length === 0) return { outcome: 'pass', code: 'operations.pass', args: { count: topics.length }, evidence, basis, findings: placeholderFindings(facts, evidence) };
    if (placeholders.length === missing.length) return stillPlaceholder(placeholders, evidence);
    return {
      outcome: 'fail', partial: missing.length < topics.length, code: 'operations.missing-topics', args: { missing, count: topics.length - missing.length, of: topics.length },
      evidence: [...evidence, ...missing.map((m): Evidence => ({ kind: 'looked-for', path: `operations.${m}`, value: `os2.yaml:operations.${m}` }))], basis,
    };
  },
});
