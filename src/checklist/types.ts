/**
 * OS2's checklist (the governance report template and the self-evaluation form), one entry per
 * template generation, as loaded from levels/checklists.yaml. Items are what OS2 rates (R1…G14,
 * green / yellow / red / grey); the catalogue's requirements are how the tool decides each item.
 */
import type { LevelNumber, Strength, Text, Theme } from '../levels/types.js';

/** One requirement deciding (part of) an item, with the level and strength it has in that generation. */
export interface ItemPart {
  id: string;
  /** The item's level unless the tool asks this part later (never earlier). */
  level: LevelNumber;
  /** The item's strength unless this part is only a recommendation inside a must item. */
  strength: Strength;
}

export interface ChecklistItemDef {
  /** OS2's id in this generation, e.g. "F7". */
  id: string;
  theme: Theme;
  /** 0 = sandkasse (minimum). */
  level: LevelNumber;
  /** "(anbefaling)" on the form = should. */
  strength: Strength;
  title: Text;
  parts: ItemPart[];
}

export interface ChecklistGeneration {
  id: string;
  /** First day this state of the template was published (YYYY-MM-DD). */
  from: string;
  source: Text;
  documentationHeader?: string;
  statusColumn?: Text;
  items: ChecklistItemDef[];
}

export interface Checklists {
  /** The generation used unless `--checklist` names another. */
  default: string;
  /** Older names for a generation, e.g. "2024" → "2024-07". */
  aliases: Record<string, string>;
  generations: ChecklistGeneration[];
}

/** The checklist file as written: a part is a bare requirement id or an object with overrides. */
export interface ChecklistsFile {
  schemaVersion: 1;
  default: string;
  aliases?: Record<string, string>;
  generations: (Omit<ChecklistGeneration, 'items' | 'from'> & {
    from: string | Date;
    items: (Omit<ChecklistItemDef, 'parts'> & { requirements: (string | { id: string; level?: LevelNumber; strength?: Strength })[] })[];
  })[];
}
