/**
 * SPDX licence ids for `legal.license`. A shipped subset of the SPDX licence list (the OSI-approved
 * licences public bodies use, the Creative Commons licences for documentation, and the deprecated
 * bare GNU ids the licence detector reports); an id outside it is reported as unknown to os2level,
 * not as invalid SPDX.
 */
const IDS = [
  '0BSD', 'AFL-3.0', 'AGPL-3.0', 'AGPL-3.0-only', 'AGPL-3.0-or-later', 'Apache-2.0', 'Artistic-2.0', 'BSD-2-Clause',
  'BSD-3-Clause', 'BSL-1.0', 'CC-BY-4.0', 'CC-BY-SA-4.0', 'CC0-1.0', 'CDDL-1.0', 'CECILL-2.1', 'ECL-2.0', 'EPL-1.0',
  'EPL-2.0', 'EUPL-1.1', 'EUPL-1.2', 'GPL-2.0', 'GPL-2.0-only', 'GPL-2.0-or-later', 'GPL-3.0', 'GPL-3.0-only',
  'GPL-3.0-or-later', 'ISC', 'LGPL-2.1', 'LGPL-2.1-only', 'LGPL-2.1-or-later', 'LGPL-3.0', 'LGPL-3.0-only',
  'LGPL-3.0-or-later', 'MIT', 'MIT-0', 'MPL-1.1', 'MPL-2.0', 'MPL-2.0-no-copyleft-exception', 'MS-PL', 'MS-RL',
  'NCSA', 'OSL-3.0', 'PostgreSQL', 'Unlicense', 'UPL-1.0', 'W3C', 'Zlib',
];
const EXCEPTIONS = ['Classpath-exception-2.0', 'LLVM-exception', 'GCC-exception-3.1'];

const byLower = new Map(IDS.map((id) => [id.toLowerCase(), id]));
const exceptionsByLower = new Map(EXCEPTIONS.map((id) => [id.toLowerCase(), id]));

/** The canonical spelling of a known SPDX id (`mpl-2.0` → `MPL-2.0`), or null. */
export const canonicalSpdx = (id: string): string | null => byLower.get(id.trim().toLowerCase()) ?? null;

/** Ids in an SPDX expression that os2level does not know (an empty list: every id is known). */
export function unknownSpdxIds(expression: string): string[] {
  const tokens = expression.replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (/^(AND|OR)$/.test(t)) continue;
    if (t === 'WITH') {
      const exception = tokens[++i];
      if (!exception || !exceptionsByLower.has(exception.toLowerCase())) unknown.push(exception ?? 'WITH');
      continue;
    }
    if (!byLower.has(t.replace(/\+$/, '').toLowerCase())) unknown.push(t);
  }
  return unknown;
}
