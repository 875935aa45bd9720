/** Loading templates/fixes.yaml and the templates of one language (the only I/O of planning a fix). */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Lang } from '../levels/types.js';
import type { FixData, FixSpec } from './types.js';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export async function loadFixData(dir: string = TEMPLATES_DIR): Promise<FixData> {
  const raw = parse(await readFile(join(dir, 'fixes.yaml'), 'utf8')) as Partial<FixData> | null;
  if (!raw || !Array.isArray(raw.fixes) || typeof raw.readme !== 'string') throw new Error(`${join(dir, 'fixes.yaml')}: expected fixes, readme and ecosystems`);
  for (const f of raw.fixes as FixSpec[]) {
    if (typeof f.requirement !== 'string' || typeof f.file !== 'string' || (!f.template && !f.section)) {
      throw new Error(`${join(dir, 'fixes.yaml')}: each fix needs requirement, file and a template or section (${JSON.stringify(f)})`);
    }
  }
  return { fixes: raw.fixes, readme: raw.readme, ecosystems: raw.ecosystems ?? {} };
}

/** Every template of a language, keyed by its path relative to templates/<lang>/ with `/`. */
export async function loadTemplates(lang: Lang, dir: string = TEMPLATES_DIR): Promise<Record<string, string>> {
  const base = join(dir, lang);
  const out: Record<string, string> = {};
  for (const entry of await readdir(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join((entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? base, entry.name);
    out[relative(base, full).split(sep).join('/')] = await readFile(full, 'utf8');
  }
  return out;
}
