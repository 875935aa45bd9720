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
    const args = stepArguments(tokens, i + 1, tok.line);
    const command = scriptArgument(args);
    if (command !== null) {
      steps.push(commandStep('jenkins', file, stages[stages.length - 1]?.name ?? null, command.v, command.line));
    }
  }
  if (depth !== 0) return { steps, parseError: `unbalanced braces: ${depth} '{' not closed at end of file` };
  return { steps };
}

/** The tokens that make up a step's arguments: a parenthesised list, or the rest of the (comma-continued) line. */
function stepArguments(tokens: Token[], start: number, line: number): Token[] {
  const first = tokens[start];
  if (!first) return [];
  if (first.v === '(' && first.t === 'punct') {
    const out: Token[] = [];
    let level = 0;
    for (let j = start; j < tokens.length; j++) {
      const tok = tokens[j]!;
      if (tok.t === 'punct' && (tok.v === '(' || tok.v === '[')) level++;
      if (tok.t === 'punct' && (tok.v === ')' || tok.v === ']')) level--;
      out.push(tok);
      if (level === 0) break;
    }
    return out;
  }
  const out: Token[] = [];
  let lastLine = line;
  for (let j = start; j < tokens.length; j++) {
    const tok = tokens[j]!;
    const prev = out[out.length - 1];
    const continued = prev?.t === 'punct' && (prev.v === ',' || prev.v === ':');
    if (tok.line > lastLine && !continued) break;
    if (tok.t === 'punct' && (tok.v === '{' || tok.v === '}' || tok.v === ';')) break;
    out.push(tok);
    lastLine = tok.t === 'str' ? Math.max(lastLine, tok.line) : tok.line;
  }
  return out;
}

/** `sh 'cmd'`, `sh('cmd')`, `sh script: 'cmd', returnStdout: true`, `sh(label: 'x', script: "cmd")`. */
function scriptArgument(args: Token[]): Token | null {
  for (let j = 0; j + 2 < args.length; j++) {
    if (args[j]!.t === 'ident' && args[j]!.v === 'script' && args[j + 1]!.v === ':' && args[j + 2]!.t === 'str') return args[j + 2]!;
  }
  const firstReal = args[0]?.v === '(' ? args[1] : args[0];
  return firstReal?.t === 'str' ? firstReal : null;
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
