/**
 * Making outside strings safe to show: every string that came from a scanned repository or an
 * input file (names, paths, headings, messages built from them) has its control characters
 * replaced by a visible escape (`ESC` → `\u001b`) before it reaches a terminal, a Markdown file or
 * a CI annotation. ESC/CSI/OSC sequences, BEL, C1 controls and bidirectional overrides can then
 * neither move the cursor, retitle the terminal, hide text nor reorder it. Tab and newline stay.
 *
 * Applied in one place per channel: to the report model where the CLI hands it to a text-like
 * formatter (`forFormat`), and to every line the stderr diagnostics printer writes.
 */

/** C0 except tab and newline, DEL, C1, and the Unicode bidi/line controls. */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export function printable(text: string): string {
  UNPRINTABLE.lastIndex = 0;
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLE, escape) : text;
}

/**
 * A copy of `value` with every string (and object key) made printable; arrays and plain objects
 * are copied, anything else (numbers, dates, null) is kept as it is. Unchanged parts are shared.
 */
export function printableDeep<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return printable(value);
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const w = walk(v);
      if (w !== v) changed = true;
      return w;
    });
    return changed ? out : value;
  }
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = printable(k);
      const w = walk(v);
      if (w !== v || key !== k) changed = true;
      out[key] = w;
    }
    return changed ? out : value;
  }
  return value;
}

/** The model a formatter gets: made printable when the format is read by people (text, Markdown, annotations). */
export const forFormat = <T>(needsPrintable: boolean, model: T): T => (needsPrintable ? printableDeep(model) : model);
