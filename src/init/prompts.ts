/**
 * The few questions nothing in a repository answers: the target level, the project lead and the
 * participating municipalities. Asked on the terminal (prompts on stderr, so stdout stays the
 * summary); an empty answer leaves the field out.
 */
import { input, select } from '@inquirer/prompts';
import { InputError } from '../errors.js';
import type { Lang, Text } from '../levels/types.js';
import type { InitAnswers } from './build.js';

const Q = {
  level: { da: 'Hvilket niveau sigter produktet mod?', en: 'Which level does the product aim for?' },
  level0: { da: '0 – minimumskrav (sandkasse)', en: '0 – minimum requirements (sandbox)' },
  level1: { da: '1 – N1', en: '1 – N1' },
  level2: { da: '2 – N2 (kræver bestyrelsens godkendelse)', en: '2 – N2 (needs the board\'s approval)' },
  level3: { da: '3 – N3 (kræver bestyrelsens godkendelse)', en: '3 – N3 (needs the board\'s approval)' },
  skip: { da: 'spring over', en: 'skip' },
  leadName: { da: 'Projektleder eller koordinator (navn; tomt for at springe over):', en: 'Project lead or coordinator (name; empty to skip):' },
  leadOrg: { da: 'Projektlederens organisation (fx Aarhus Kommune):', en: 'The lead\'s organisation (e.g. Aarhus Kommune):' },
  participants: { da: 'Deltagende kommuner/myndigheder (kommasepareret):', en: 'Participating municipalities or bodies (comma-separated):' },
  cancelled: { da: 'afbrudt; intet skrevet', en: 'cancelled; nothing written' },
} satisfies Record<string, Text>;

export interface PromptDefaults {
  participants?: string[];
}

export async function askInitQuestions(lang: Lang, defaults: PromptDefaults = {}): Promise<InitAnswers> {
  const context = { input: process.stdin, output: process.stderr };
  try {
    const answers: InitAnswers = {};
    const level = await select(
      {
        message: Q.level[lang],
        choices: [
          { name: Q.level1[lang], value: '1' },
          { name: Q.level0[lang], value: '0' },
          { name: Q.level2[lang], value: '2' },
          { name: Q.level3[lang], value: '3' },
          { name: Q.skip[lang], value: '' },
        ],
      },
      context,
    );
    if (level !== '') answers.targetLevel = Number(level) as 0 | 1 | 2 | 3;
    const name = (await input({ message: Q.leadName[lang] }, context)).trim();
    if (name) {
      const organisation = (await input({ message: Q.leadOrg[lang] }, context)).trim();
      answers.lead = organisation ? { name, organisation } : { name };
    }
    const participants = await input({ message: Q.participants[lang], default: defaults.participants?.join(', ') }, context);
    const list = participants.split(',').map((s) => s.trim()).filter(Boolean);
    if (list.length) answers.participants = [...new Set(list)];
    return answers;
  } catch (e) {
    if ((e as Error)?.name === 'ExitPromptError') throw new InputError(Q.cancelled[lang], [], 'cancelled');
    throw e;
  }
}
