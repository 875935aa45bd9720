/**
 * The fill-in hints and placeholders of OS2's forms, as people leave them in a copied template:
 * "[Ikke udfyldt]", "[Udfyldes i selvevaluering]", "Indsæt link", "Hvordan?", "Hvor?", "-".
 * Such a text is never a reason, a value or evidence.
 */

const EXACT = new Set([
  '?', '??', '-', '--', '—', '–', '...', '…', 'tbd', 'todo', 'kan udfyldes', 'udfyldes', 'ikke udfyldt', 'udfyld',
  'udfyldes i selvevaluering', 'beskriv', 'link', 'dokumentation', 'henvisning', 'tekst, links eller henvisninger',
]);

const QUESTION_WORDS = /^(hvordan|hvor|hvem|hvilke|hvilken|hvad|hvornår|how|where|who|which|what)\b/;

/** True when a text is a form's placeholder or fill-in hint rather than something a person wrote. */
export function isPlaceholder(written: string): boolean {
  const text = written.replace(/\s+/g, ' ').trim();
  if (!text) return false;
  const lower = text.toLowerCase();
  // A bracketed note of the form: "[Ikke udfyldt]", "[Udfyldes i selvevaluering]", "[Indsæt link]".
  const bracketed = /^\[([^\]]*)\]$/.exec(lower);
  const inner = (bracketed ? bracketed[1]! : lower).replace(/[.:]+$/, '').trim();
  if (EXACT.has(inner)) return true;
  if (bracketed && /udfyld|indsæt|beskriv|angiv|link/.test(inner)) return true;
  if (/^(indsæt|udfyld|angiv|beskriv her)\b/.test(inner) && inner.split(' ').length <= 5) return true;
  // "Link til kommissorium", "Henvisning til en faggruppe eller et forum": the template's hint, no link in it.
  if (/^(link|henvisning|reference) til\b/.test(inner) && inner.split(' ').length <= 7 && !/https?:\/\//.test(inner)) return true;
  // "Hvordan?", "Hvor?", "Hvordan/hvilke?", "Hvem? evt. link til beskrivelse af ansvar/opgaver".
  const words = inner.split(' ');
  if (QUESTION_WORDS.test(inner) && /^[^?]{0,30}\?/.test(inner) && words.length <= 8) return true;
  // "Hvem drifter løsningen? er der sat økonomi af til vedligeholdelse?": the template's questions, nothing answered.
  if (QUESTION_WORDS.test(inner) && inner.endsWith('?') && words.length <= 15 && !/https?:\/\//.test(inner)) return true;
  // "fx tilslutningserklæring": the template's example, left in place.
  if (/^(fx|f\.eks\.|eksempel:)\s/.test(inner) && words.length <= 4) return true;
  return false;
}
