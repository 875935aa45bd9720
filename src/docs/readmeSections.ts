/**
 * README sections generated from the level file and the manifest schema, so the documentation of
 * requirements and manifest fields cannot drift from what the tool checks. `npm run docs` rewrites
 * them; a test fails when the README is out of date.
 */
import type { Lang, LevelCatalogue } from '../levels/types.js';
import { AREAS, areaLabel, levelName } from '../report/ui.js';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

/** One table per area: id, level, must/should, OS2 item (default generation), source, what it asks, how the tool decides. */
export function requirementsMarkdown(catalogue: LevelCatalogue, lang: Lang = 'en'): string {
  const out: string[] = [];
  for (const area of AREAS) {
    const reqs = catalogue.requirements.filter((r) => r.area === area);
    if (!reqs.length) continue;
    out.push(`#### ${areaLabel[area][lang]}`, '');
    out.push(`| id | level | | OS2 item (${catalogue.checklist.id}) | source | requirement | how it is decided and met |`, '|---|---|---|---|---|---|---|');
    for (const r of reqs) {
      out.push(
        `| \`${r.id}\` | ${levelName(r.level, lang)} | ${r.strength} | ${r.refs?.[catalogue.checklist.id] ?? '—'} | ${r.source} | ${cell(r.title[lang])} | ${cell(r.description[lang])} **To meet it:** ${cell(r.remediation[lang])} |`,
      );
    }
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/**
 * OS2's checklist generations, the default generation's items with the requirements that decide
 * each, and the requirements whose item number differs between generations.
 */
export function checklistMarkdown(catalogue: LevelCatalogue, lang: Lang = 'en'): string {
  const { checklists, checklist } = catalogue;
  const out: string[] = ['| generation | from | items | source |', '|---|---|---:|---|'];
  for (const g of checklists.generations) {
    const aliases = Object.entries(checklists.aliases).filter(([, t]) => t === g.id).map(([a]) => `, also \`${a}\``).join('');
    out.push(`| \`${g.id}\`${g.id === checklists.default ? ' (default)' : ''}${aliases} | ${g.from} | ${g.items.length} | ${cell(g.source[lang])} |`);
  }
  const byId = new Map(catalogue.requirements.map((r) => [r.id, r]));
  out.push('', `Items of the default generation (\`${checklist.id}\`) and the requirements that decide them. A requirement takes its item's level and strength unless marked; *interpretation* marks the tool's own reading.`, '');
  out.push('| item | OS2 title | level | | requirements |', '|---|---|---|---|---|');
  for (const i of checklist.items) {
    const parts = i.parts.map((p) => {
      const marks = [p.level !== i.level ? levelName(p.level, lang) : null, p.strength !== i.strength ? p.strength : null, byId.get(p.id)?.source === 'interpretation' ? '*interpretation*' : null].filter(Boolean);
      return `\`${p.id}\`${marks.length ? ` (${marks.join(', ')})` : ''}`;
    });
    out.push(`| ${i.id} | ${cell(i.title.da)} | ${levelName(i.level, lang)} | ${i.strength} | ${parts.join(', ')} |`);
  }
  const changed = catalogue.requirements.filter((r) => new Set(checklists.generations.map((g) => r.refs?.[g.id] ?? null)).size > 1);
  out.push('', 'Requirements whose item number differs between generations (— = on no item of that generation):', '');
  out.push(`| requirement | ${checklists.generations.map((g) => g.id).join(' | ')} |`, `|---|${checklists.generations.map(() => '---').join('|')}|`);
  for (const r of changed) out.push(`| \`${r.id}\` | ${checklists.generations.map((g) => r.refs?.[g.id] ?? '—').join(' | ')} |`);
  return out.join('\n');
}

interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode;
  $ref?: string;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  minimum?: number;
  maximum?: number;
}

function typeOf(node: SchemaNode, defs: Record<string, SchemaNode>): string {
  if (node.$ref) {
    const name = node.$ref.split('/').pop()!;
    const target = defs[name];
    return target && !target.properties ? typeOf(target, defs) : name;
  }
  if (node.const !== undefined) return JSON.stringify(node.const);
  if (node.enum) return node.enum.map((e) => JSON.stringify(e)).join(' \\| ');
  const alts = node.oneOf ?? node.anyOf;
  if (alts) return alts.map((a) => typeOf(a, defs)).join(' or ');
  if (node.type === 'array' && node.items) return `list of ${typeOf(node.items, defs)}`;
  if (node.type === 'integer' && node.minimum !== undefined && node.maximum !== undefined) return `integer ${node.minimum}–${node.maximum}`;
  return Array.isArray(node.type) ? node.type.join(' or ') : (node.type ?? 'any');
}

/** Every manifest field as `dotted.path | type | description`, generated from schemas/os2-manifest.schema.json. */
export function manifestReferenceMarkdown(schema: SchemaNode & { $defs?: Record<string, SchemaNode> }): string {
  const defs = schema.$defs ?? {};
  const rows: string[] = ['| field | type | meaning |', '|---|---|---|'];
  const walk = (node: SchemaNode, path: string, required: boolean): void => {
    const resolved = node.$ref ? { ...defs[node.$ref.split('/').pop()!], ...node, $ref: undefined } : node;
    if (path) rows.push(`| \`${path}\`${required ? ' (required)' : ''} | ${typeOf(node, defs)} | ${cell(node.description ?? resolved.description ?? '')} |`);
    if (resolved.properties) {
      for (const [key, child] of Object.entries(resolved.properties)) walk(child, path ? `${path}.${key}` : key, resolved.required?.includes(key) ?? false);
    } else if (resolved.type === 'array' && resolved.items?.properties) {
      walk({ ...resolved.items, description: undefined }, `${path}[]`, false);
    } else if (resolved.additionalProperties && typeof resolved.additionalProperties === 'object' && resolved.additionalProperties.properties) {
      for (const [key, child] of Object.entries(resolved.additionalProperties.properties)) walk(child, `${path}.<id>.${key}`, false);
    }
  };
  walk(schema, '', false);
  // The array-item pseudo rows duplicate their parent's line; keep only field rows.
  return rows.filter((r) => !/^\| `[^`]*\[\]` \|/.test(r)).join('\n');
}

export const MARKERS = {
  requirements: ['<!-- generated:requirements:start -->', '<!-- generated:requirements:end -->'],
  manifest: ['<!-- generated:manifest:start -->', '<!-- generated:manifest:end -->'],
  checklist: ['<!-- generated:checklist:start -->', '<!-- generated:checklist:end -->'],
} as const;

/** Replaces the text between a pair of markers; throws when the markers are missing. */
export function replaceBetween(text: string, [start, end]: readonly [string, string], body: string): string {
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README markers ${start} … ${end} not found`);
  return `${text.slice(0, i + start.length)}\n${body}\n${text.slice(j)}`;
}
