import { describe, expect, it } from 'vitest';
import { editDistance, mistypedCommand, similarCommands } from '../../src/cli/unknownCommand.js';

const COMMANDS = ['check', 'validate', 'levels', 'scan', 'merge', 'explain', 'badge', 'publiccode', 'fix', 'init', 'import-report', 'help'];

describe('mistyped commands', () => {
  it('suggests the near commands', () => {
    expect(editDistance('chek', 'check')).toBe(1);
    expect(editDistance('chcek', 'check')).toBe(1);
    expect(similarCommands('chek', COMMANDS)).toEqual(['check']);
    expect(similarCommands('publi', COMMANDS)).toEqual(['publiccode']);
    expect(similarCommands('frobnicate', COMMANDS)).toEqual([]);
  });

  it('takes only a first word that is not an option, a command, a path or anything on disk', () => {
    const nothing = (): boolean => false;
    expect(mistypedCommand(['chek'], COMMANDS, nothing)).toBe('chek');
    expect(mistypedCommand(['chek'], COMMANDS, () => true)).toBeNull();
    for (const args of [[], ['check'], ['-f', 'json'], ['./chek'], ['sub/dir'], ['..'], ['~x'], ['https://x']]) {
      expect(mistypedCommand(args, COMMANDS, nothing), JSON.stringify(args)).toBeNull();
    }
  });
});
