/**
 * Words for the problems `os2level validate` reports, by problem code, Danish and English; the
 * detail (which field, which value) follows in the loader's own words.
 */
import type { Lang, Text } from '../levels/types.js';

const labels: Record<string, Text> = {
  'yaml-syntax': { en: 'YAML syntax error', da: 'YAML-syntaksfejl' },
  'yaml-invalid': { en: 'invalid YAML', da: 'ugyldig YAML' },
  'yaml-too-deep': { en: 'nested too deeply', da: 'for dybt indlejret' },
  'yaml-duplicate-key': { en: 'a key appears twice', da: 'en nøgle står to gange' },
  'file-not-utf8': { en: 'not UTF-8 text', da: 'ikke UTF-8-tekst' },
  'file-unreadable': { en: 'cannot be read', da: 'kan ikke læses' },
  'file-too-large': { en: 'too large', da: 'for stor' },
  'file-not-found': { en: 'not found', da: 'ikke fundet' },
  'path-outside-directory': { en: 'points outside the repository', da: 'peger uden for repositoriet' },
  'schema-type': { en: 'wrong kind of value', da: 'forkert slags værdi' },
  'schema-required': { en: 'required but missing', da: 'påkrævet, men mangler' },
  'schema-unknown-key': { en: 'unknown key', da: 'ukendt nøgle' },
  'schema-invalid-key': { en: 'invalid key', da: 'ugyldig nøgle' },
  'schema-format': { en: 'wrong format', da: 'forkert format' },
  'schema-range': { en: 'out of range', da: 'uden for det tilladte interval' },
  'schema-length': { en: 'wrong length', da: 'forkert længde' },
  'schema-items': { en: 'wrong number of items', da: 'forkert antal elementer' },
  'schema-const': { en: 'wrong value', da: 'forkert værdi' },
  'schema-enum': { en: 'not one of the allowed values', da: 'ikke en af de tilladte værdier' },
  'schema-pattern': { en: 'does not match the expected form', da: 'passer ikke til den forventede form' },
  'schema-control-character': { en: 'contains control characters', da: 'indeholder kontroltegn' },
  'unknown-requirement-id': { en: 'unknown requirement id', da: 'ukendt krav-id' },
  'conflicting-declaration': { en: 'declared twice', da: 'erklæret to gange' },
};

const words = {
  valid: { en: '{path}: valid', da: '{path}: gyldig' },
  invalid: { en: '{path}: {count} problems in the manifest', da: '{path}: {count} problemer i manifestet' },
  invalidOne: { en: '{path}: 1 problem in the manifest', da: '{path}: 1 problem i manifestet' },
  problem: { en: 'problem', da: 'problem' },
} satisfies Record<string, Text>;

export const validateWords = (key: keyof typeof words, lang: Lang, args: Record<string, string | number>): string =>
  words[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ''));

/** The problem's kind in words; the code itself when the catalogue has none (a schema keyword). */
export function problemLabel(code: string, lang: Lang): string {
  return labels[code]?.[lang] ?? labels[code.startsWith('schema-') ? 'schema-type' : 'yaml-invalid']?.[lang] ?? code;
}
