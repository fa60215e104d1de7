/**
 * Small grammar helpers for sentences built around a number or a word that comes from content:
 * `1 policy` and `2 policies`, `a list` and `an array`. Every layer may need them (the loader's
 * messages, the trust center's pages), so they live at the bottom.
 */

/** The word that agrees with `n`: `agree(1, 'is', 'are')` is `is`. */
export const agree = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** A count with its noun: `plural(1, 'policy', 'policies')` is `1 policy`; the plural defaults to an added `s`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${agree(n, one, many)}`;

/**
 * Words that start with a vowel letter but a consonant sound, and the reverse, as far as the
 * sites and messages need: `a unique`, `a one-off`, `a URL`, `an hour`, `an ISO`, `an HTTP`.
 */
const CONSONANT_SOUND = /^(?:one\b|once\b|uni|use|usu|ur[aeio]|eu|ewe)/i;
const VOWEL_SOUND = /^(?:hour|honest|honou?r|heir)/i;
/** Initialisms read letter by letter whose first letter is named with a vowel sound (F = "eff", S = "ess"). */
const VOWEL_LETTER_NAME = /^[AEFHILMNORSX](?:[A-Z0-9]|\/|$)/;

/** The word with `a` or `an` before it, by how it sounds: `an array`, `a list`, `an ISO/IEC standard`. */
export function withArticle(word: string): string {
  if (/^U[A-Z]/.test(word)) return `a ${word}`;
  const an = VOWEL_LETTER_NAME.test(word) || VOWEL_SOUND.test(word) || (/^[aeiou]/i.test(word) && !CONSONANT_SOUND.test(word));
  return `${an ? 'an' : 'a'} ${word}`;
}
