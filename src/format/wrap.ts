/**
 * Wrapping for the terminal: a line longer than the width breaks at spaces only, never inside a
 * word (a word longer than the width stands alone on its line, whole). Continuation lines keep the
 * line's indentation, plus the width of a leading marker ("✗ ", "→ ", "· ", "! ") so the text
 * aligns under itself. ANSI colour codes take no columns.
 */

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a string takes on a terminal (code points; colour codes take none). */
export const visibleWidth = (s: string): number => [...s.replace(ANSI, '')].length;

const MARKERS = new Set(['✗', '✓', '◐', '–', '?', '!', '≈', '→', '·', '≠']);

/** The continuation indent: the leading spaces, and a one-character marker with its space. */
function hangingIndent(line: string): number {
  const plain = line.replace(ANSI, '');
  const lead = plain.length - plain.trimStart().length;
  const rest = [...plain.slice(lead)];
  return rest.length > 1 && MARKERS.has(rest[0]!) && rest[1] === ' ' ? lead + 2 : lead;
}

export function wrapLine(line: string, width: number): string[] {
  if (width <= 0 || visibleWidth(line) <= width) return [line];
  const indent = hangingIndent(line);
  const pad = ' '.repeat(indent);
  const leading = line.match(/^(?:\s|\u001b\[[0-9;]*m)*/)![0];
  const words = line.slice(leading.length).split(' ');
  const out: string[] = [];
  let current = leading;
  let currentWidth = visibleWidth(leading);
  let empty = true;
  for (const word of words) {
    const w = visibleWidth(word);
    if (!empty && currentWidth + 1 + w > width) {
      out.push(current);
      current = pad + word;
      currentWidth = indent + w;
      continue;
    }
    current += (empty ? '' : ' ') + word;
    currentWidth += (empty ? 0 : 1) + w;
    empty = false;
  }
  out.push(current);
  return out;
}

/** Every line of `text` wrapped to `width`; without a width, the text as it is. */
export function wrapText(text: string, width: number | undefined): string {
  if (!width) return text;
  return text.split('\n').flatMap((l) => wrapLine(l, width)).join('\n');
}
