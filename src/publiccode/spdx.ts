/**
 * SPDX for `legal.license`: the whole SPDX licence list and grammar (src/facts/spdx.ts, on the
 * spdx-license-ids / spdx-expression-parse / spdx-correct packages).
 */
import { canonicalSpdxExpression, canonicalSpdxId, isValidSpdxExpression } from '../facts/spdx.js';

/** The canonical spelling of an SPDX id or expression (`mpl-2.0` → `MPL-2.0`, `AGPL-3.0` → `AGPL-3.0-or-later`), or null. */
export const canonicalSpdx = (id: string): string | null => canonicalSpdxId(id) ?? canonicalSpdxExpression(id);

/** The expression itself when it is not valid SPDX (an empty list: it is). */
export function unknownSpdxIds(expression: string): string[] {
  return isValidSpdxExpression(expression) ? [] : [expression];
}
