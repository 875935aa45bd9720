/**
 * `init` on a repository that already has an os2.yaml: only the gaps are filled. A value the
 * manifest holds is never replaced; where init would write something else the difference is
 * reported. The file is edited in place (src/yaml/edit.ts), so what was there keeps its bytes.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { setYamlValue } from '../yaml/edit.js';

export interface ManifestGaps {
  text: string;
  /** Dotted paths of the values added. */
  added: string[];
  /** Values the manifest holds where init would have written something else. */
  differs: { path: string; current: unknown; proposed: unknown }[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);
const isEmpty = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

export function fillManifestGaps(text: string, proposed: Record<string, unknown>): ManifestGaps {
  const existing = (parse(text) ?? {}) as unknown;
  const out: ManifestGaps = { text, added: [], differs: [] };
  if (!isPlainObject(existing)) return out;
  const walk = (have: Record<string, unknown>, want: Record<string, unknown>, path: string[]): void => {
    for (const [key, value] of Object.entries(want)) {
      const at = [...path, key];
      const current = have[key];
      if (isEmpty(current)) {
        out.text = setYamlValue(out.text, at, value);
        out.added.push(at.join('.'));
      } else if (isPlainObject(current) && isPlainObject(value)) walk(current, value, at);
      else if (!isDeepStrictEqual(current, value)) out.differs.push({ path: at.join('.'), current, proposed: value });
    }
  };
  walk(existing, proposed, []);
  return out;
}
