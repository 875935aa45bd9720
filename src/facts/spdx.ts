/**
 * SPDX licence ids and expressions through the ecosystem's packages: the whole licence list
 * (`spdx-license-ids`, current and deprecated ids), the expression grammar (`spdx-expression-parse`)
 * and corrections of deprecated or loosely written ids (`spdx-correct`). `-only`/`-or-later`/`+`
 * are kept as written; a deprecated bare GNU id (`GPL-3.0`) is corrected to what SPDX says it meant.
 */
import { createRequire } from 'node:module';
import parseExpression from 'spdx-expression-parse';

const require = createRequire(import.meta.url);
const CURRENT = require('spdx-license-ids') as string[];
const DEPRECATED = require('spdx-license-ids/deprecated.json') as string[];
const EXCEPTIONS = require('spdx-exceptions') as string[];

const byLower = new Map<string, string>([...DEPRECATED, ...CURRENT].map((id) => [id.toLowerCase(), id]));
const exceptionByLower = new Map(EXCEPTIONS.map((id) => [id.toLowerCase(), id]));
const deprecated = new Set(DEPRECATED);
/**
 * spdx-correct's reading of a loosely written or deprecated id (`Apache 2`, `GPLv3`, `GPL-3.0`);
 * null when it finds none. Loaded on first use: it sorts its tables when loaded (~15 ms), and
 * most checks never need it.
 */
let correctId: ((id: string, opts?: { upgrade?: boolean }) => string | null) | undefined;
export function correctSpdx(id: string, opts: { upgrade?: boolean } = {}): string | null {
  correctId ??= require('spdx-correct') as NonNullable<typeof correctId>;
  return correctId(id, opts);
}

export type SpdxNode = parseExpression.Info;
export type SpdxLicence = parseExpression.LicenseInfo;

/** True for an id on the SPDX licence list (current or deprecated), in SPDX's spelling. */
export const isSpdxId = (id: string): boolean => byLower.get(id.toLowerCase()) === id;
export const isDeprecatedSpdxId = (id: string): boolean => deprecated.has(id);

/**
 * An id in SPDX's own spelling: `mpl-2.0` → `MPL-2.0`, a deprecated id corrected (`GPL-3.0` →
 * `GPL-3.0-or-later` as SPDX defines it, `GPL-2.0+` → `GPL-2.0-or-later`), `-only`/`-or-later`
 * kept; null when it is no SPDX id.
 */
export function canonicalSpdxId(id: string): string | null {
  const trimmed = id.trim();
  const plus = trimmed.endsWith('+');
  const exact = byLower.get((plus ? trimmed.slice(0, -1) : trimmed).toLowerCase());
  if (!exact) return null;
  const written = plus ? `${exact}+` : exact;
  if (!plus && !deprecated.has(exact)) return exact;
  return correctSpdx(written, { upgrade: true }) ?? written;
}

/** The expression's tree, with ids and operators in any case accepted; null when it does not parse. */
export function parseSpdx(expression: string): SpdxNode | null {
  const text = expression.trim();
  if (!text) return null;
  try {
    return parseExpression(text);
  } catch {
    // Case-insensitive ids and operators (`mit or apache-2.0`) are common; SPDX's grammar is case-sensitive.
    const respelled = text.replace(/[A-Za-z0-9.+-]+/g, (token) => {
      const upper = token.toUpperCase();
      if (upper === 'AND' || upper === 'OR' || upper === 'WITH') return upper;
      return byLower.get(token.replace(/\+$/, '').toLowerCase())?.concat(token.endsWith('+') ? '+' : '') ?? exceptionByLower.get(token.toLowerCase()) ?? token;
    });
    try {
      return parseExpression(respelled);
    } catch {
      return null;
    }
  }
}

/** The licences of an expression tree, left to right. */
export function spdxLicences(node: SpdxNode): SpdxLicence[] {
  return 'license' in node ? [node] : [...spdxLicences(node.left), ...spdxLicences(node.right)];
}

/** The expression written back in SPDX's spelling, each id canonical; null when it does not parse. */
export function canonicalSpdxExpression(expression: string): string | null {
  const tree = parseSpdx(expression);
  return tree ? render(tree, null) : null;
}

function render(node: SpdxNode, parent: 'and' | 'or' | null): string {
  if ('license' in node) {
    const id = node.license.startsWith('LicenseRef-') || node.license.startsWith('DocumentRef-') ? node.license : (canonicalSpdxId(node.plus ? `${node.license}+` : node.license) ?? node.license);
    return node.exception ? `${id} WITH ${node.exception}` : id;
  }
  const text = `${render(node.left, node.conjunction)} ${node.conjunction.toUpperCase()} ${render(node.right, node.conjunction)}`;
  return parent !== null && parent !== node.conjunction ? `(${text})` : text;
}

/**
 * True when the expression follows SPDX's grammar and names only ids and exceptions on the SPDX
 * lists (or `LicenseRef-…`): spdx-expression-parse refuses anything else.
 */
export const isValidSpdxExpression = (expression: string): boolean => parseSpdx(expression) !== null;

/** The licence id without `-only`/`-or-later`/`+`: what a licence text identifies. */
export const spdxFamily = (id: string): string => (canonicalSpdxId(id) ?? id).replace(/(-only|-or-later|\+)$/, '');
