/**
 * Filling templates: `{{key}}` is replaced by the value (nothing when absent); `{{key?text}}` by the
 * value, or, when there is none, by a visible placeholder `<!-- TODO(os2level): text -->`. HTML
 * comments are neither prose nor headings to the checks, so a placeholder never counts as content.
 */
import { PLACEHOLDER_MARK } from './types.js';

export type TemplateValues = Record<string, string | undefined>;

export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(/\{\{(\w+)(?:\?([^}]*))?\}\}/g, (_, key: string, fallback: string | undefined) => {
    const v = values[key];
    if (v !== undefined && v !== '') return v;
    return fallback === undefined ? '' : `<!-- ${PLACEHOLDER_MARK}: ${fallback.trim()} -->`;
  });
}

export const countPlaceholders = (text: string): number => text.split(PLACEHOLDER_MARK).length - 1;

/** A Markdown bullet list followed by a blank line, or undefined for no items. */
export function bulletList(items: readonly string[]): string | undefined {
  return items.length ? items.map((i) => `- ${i}`).join('\n') + '\n\n' : undefined;
}
