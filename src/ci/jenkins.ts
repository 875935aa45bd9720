/**
 * Jenkinsfile (declarative or scripted Groovy): `sh`, `bat`, `powershell` and `pwsh` steps, with
 * the enclosing `stage('name')` as the job. A small tokenizer that knows Groovy strings and
 * comments, so quotes, triple quotes and commented-out steps are read as Groovy reads them.
 */
import type { CiStep } from '../facts/types.js';
import type { CiParse } from './parse.js';
import { commandStep } from './yamlSource.js';

type Token =
  | { t: 'ident'; v: string; line: number }
  | { t: 'str'; v: string; line: number }
  | { t: 'punct'; v: string; line: number };

const STEP_NAMES = new Set(['sh', 'bat', 'powershell', 'pwsh']);

export function parseJenkinsfile(file: string, text: string): CiParse {
  const lexed = tokenize(text);
  if (!lexed.ok) return { steps: [], parseError: lexed.error };
  const tokens = lexed.tokens;
  const regions = argumentRegions(tokens);
  const steps: CiStep[] = [];
  const stages: { name: string; depth: number }[] = [];
  let depth = 0;
  let pendingStage: string | null = null;

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.t === 'punct') {
      if (tok.v === '{') {
        depth++;
        if (pendingStage !== null) stages.push({ name: pendingStage, depth });
        pendingStage = null;
      } else if (tok.v === '}') {
        if (stages.length && stages[stages.length - 1]!.depth === depth) stages.pop();
        depth--;
        if (depth < 0) return { steps, parseError: `unbalanced '}' at line ${tok.line}` };
      }
      continue;
    }
    if (tok.t !== 'ident') continue;
    if (tok.v === 'stage' && tokens[i + 1]?.v === '(' && tokens[i + 2]?.t === 'str') {
      pendingStage = tokens[i + 2]!.v;
      i += 2;
      continue;
    }
    if (!STEP_NAMES.has(tok.v)) continue;
    const command = regions.scriptArgument(i);
    if (command !== null) {
      steps.push(commandStep('jenkins', file, stages[stages.length - 1]?.name ?? null, command.v, command.line));
    }
  }
  if (depth !== 0) return { steps, parseError: `unbalanced braces: ${depth} '{' not closed at end of file` };
  return { steps };
}

/**
 * Where each step's arguments end and which script argument they hold, worked out for all tokens
 * in a few passes, so a file of a few hundred thousand words is read in linear time (scanning the
 * rest of the line or file from every step name was quadratic).
 *
 * A step's arguments are a parenthesised list (to the matching bracket, `(` and `[` alike), or the
 * rest of the line, continued onto the next while a line ends in `,` or `:`, and ended by `{`,
 * `}` or `;`.
 */
function argumentRegions(tokens: Token[]): { scriptArgument(step: number): Token | null } {
  const n = tokens.length;
  const isPunct = (k: number, ...vs: string[]): boolean => tokens[k]!.t === 'punct' && vs.includes(tokens[k]!.v);
  // The close matching each opening bracket; n - 1 when it never closes (the list runs to the end).
  const match = new Int32Array(n).fill(-1);
  const open: number[] = [];
  for (let k = 0; k < n; k++) {
    if (isPunct(k, '(', '[')) open.push(k);
    else if (isPunct(k, ')', ']')) {
      const o = open.pop();
      if (o !== undefined) match[o] = k;
    }
  }
  for (const o of open) match[o] = n - 1;
  // Whether the arguments of a line-form step stop before token k, given they reached token k - 1.
  const stopsAt = (k: number): boolean => {
    if (isPunct(k, '{', '}', ';')) return true;
    const prev = tokens[k - 1]!;
    const continued = prev.t === 'punct' && (prev.v === ',' || prev.v === ':');
    return tokens[k]!.line > prev.line && !continued;
  };
  // nextStop[k]: the first j ≥ k where line-form arguments stop (n when they run to the end).
  const nextStop = new Int32Array(n + 1).fill(n);
  for (let k = n - 1; k >= 1; k--) nextStop[k] = stopsAt(k) ? k : nextStop[k + 1]!;
  // nextScript[k]: the first j ≥ k starting `script : <string>` (n when there is none).
  const nextScript = new Int32Array(n + 1).fill(n);
  for (let k = n - 3; k >= 0; k--) {
    const here = tokens[k]!.t === 'ident' && tokens[k]!.v === 'script' && tokens[k + 1]!.v === ':' && tokens[k + 2]!.t === 'str';
    nextScript[k] = here ? k : nextScript[k + 1]!;
  }
  return {
    /** `sh 'cmd'`, `sh('cmd')`, `sh script: 'cmd', returnStdout: true`, `sh(label: 'x', script: "cmd")`. */
    scriptArgument(step: number): Token | null {
      const start = step + 1;
      if (start >= n) return null;
      let end: number; // exclusive
      if (isPunct(start, '(')) end = match[start]! + 1;
      else if (isPunct(start, '{', '}', ';') || tokens[start]!.line > tokens[step]!.line) end = start;
      else end = start + 1 < n ? nextStop[start + 1]! : n;
      if (end <= start) return null;
      const script = nextScript[start]!;
      if (script + 2 < end) return tokens[script + 2]!;
      const firstReal = isPunct(start, '(') ? (start + 1 < end ? tokens[start + 1] : undefined) : tokens[start];
      return firstReal?.t === 'str' ? firstReal : null;
    },
  };
}

type Lexed = { ok: true; tokens: Token[] } | { ok: false; error: string };

function tokenize(text: string): Lexed {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return { ok: false, error: `unterminated comment starting at line ${line}` };
      line += countNewlines(text, i, end);
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const startLine = line;
      const triple = text.startsWith(c.repeat(3), i);
      const quote = triple ? c.repeat(3) : c;
      let j = i + quote.length;
      let value = '';
      for (;;) {
        if (j >= n) return { ok: false, error: `unterminated string starting at line ${startLine}` };
        if (text[j] === '\\' && j + 1 < n) {
          value += text[j + 1] === 'n' ? '\n' : text[j + 1];
          j += 2;
          continue;
        }
        if (text.startsWith(quote, j)) break;
        if (!triple && text[j] === '\n') return { ok: false, error: `unterminated string at line ${startLine}` };
        value += text[j];
        j++;
      }
      line += countNewlines(text, i, j);
      tokens.push({ t: 'str', v: value, line: startLine });
      i = j + quote.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$]/.test(text[j]!)) j++;
      tokens.push({ t: 'ident', v: text.slice(i, j), line });
      i = j;
    } else {
      tokens.push({ t: 'punct', v: c, line });
      i++;
    }
  }
  return { ok: true, tokens };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) count++;
  return count;
}
