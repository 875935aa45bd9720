/** Reading a governance report file: bounded, UTF-8, a missing or unreadable file is an input error. */
import { readFile, stat } from 'node:fs/promises';
import { InputError } from '../errors.js';
import type { LevelCatalogue } from '../levels/types.js';
import { parseGovernanceReport } from './parse.js';
import type { ParsedGovernanceReport } from './types.js';

const MAX_BYTES = 2 * 1024 * 1024;

export async function readGovernanceReport(path: string, catalogue: LevelCatalogue): Promise<ParsedGovernanceReport> {
  const problem = (code: string, message: string): InputError => new InputError(`${path}: ${message}`, [{ file: path, line: 1, column: 1, code, message }], code);
  let info;
  try {
    info = await stat(path);
  } catch {
    throw problem('file-not-found', 'file not found');
  }
  if (!info.isFile()) throw problem('file-unreadable', 'is not a regular file');
  if (info.size > MAX_BYTES) throw problem('file-too-large', `file is ${info.size} bytes; the limit is ${MAX_BYTES} bytes`);
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return parseGovernanceReport(text, catalogue);
}
