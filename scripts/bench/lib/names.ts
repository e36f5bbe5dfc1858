/**
 * Invented names that exist in several scripts at once: a name is a list of
 * consonant–vowel syllables, written in Latin, Devanagari and Arabic letters
 * by fixed transliteration tables. The names are not real; their scripts are.
 */
import { int, pick, type Rng } from './random.ts';

/** A consonant in each script. */
interface Consonant {
  latin: string;
  deva: string;
  arab: string;
}

const CONSONANTS: readonly Consonant[] = [
  { latin: 'k', deva: 'क', arab: 'ك' },
  { latin: 'g', deva: 'ग', arab: 'غ' },
  { latin: 't', deva: 'त', arab: 'ت' },
  { latin: 'd', deva: 'द', arab: 'د' },
  { latin: 'n', deva: 'न', arab: 'ن' },
  { latin: 'm', deva: 'म', arab: 'م' },
  { latin: 'r', deva: 'र', arab: 'ر' },
  { latin: 'l', deva: 'ल', arab: 'ل' },
  { latin: 's', deva: 'स', arab: 'س' },
  { latin: 'sh', deva: 'श', arab: 'ش' },
  { latin: 'b', deva: 'ब', arab: 'ب' },
  { latin: 'v', deva: 'व', arab: 'ف' },
  { latin: 'h', deva: 'ह', arab: 'ه' },
  { latin: 'j', deva: 'ज', arab: 'ج' },
  { latin: 'p', deva: 'प', arab: 'ب' },
  { latin: 'ch', deva: 'च', arab: 'تش' },
  { latin: 'y', deva: 'य', arab: 'ي' },
];

/** A vowel: its Latin letter, Devanagari vowel sign (inside and at the end of a word) and Arabic letter. */
interface Vowel {
  latin: string;
  devaSign: string;
  devaFinal: string;
  arab: string;
}

const VOWELS: readonly Vowel[] = [
  { latin: 'a', devaSign: '', devaFinal: 'ा', arab: 'ا' },
  { latin: 'i', devaSign: 'ि', devaFinal: 'ी', arab: 'ي' },
  { latin: 'u', devaSign: 'ु', devaFinal: 'ू', arab: 'و' },
  { latin: 'e', devaSign: 'े', devaFinal: 'े', arab: 'ي' },
  { latin: 'o', devaSign: 'ो', devaFinal: 'ो', arab: 'و' },
];

/** One invented word: its syllables and whether it ends in "n". */
export interface Stem {
  syllables: readonly (readonly [Consonant, Vowel])[];
  finalN: boolean;
}

/** A random word of `min` to `max` consonant–vowel syllables, sometimes ending in "n". */
export function randomStem(rng: Rng, min: number, max: number): Stem {
  const syllables = Array.from({ length: int(rng, min, max) }, () => [pick(rng, CONSONANTS), pick(rng, VOWELS)] as const);
  return { syllables, finalN: rng() < 0.25 };
}

/** The word in Latin letters, capitalised. */
export function latinOf(stem: Stem): string {
  const word = stem.syllables.map(([c, v]) => c.latin + v.latin).join('') + (stem.finalN ? 'n' : '');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The word in Devanagari: inherent "a" unwritten inside the word, vowel signs otherwise, final "n" as anusvara. */
export function devanagariOf(stem: Stem): string {
  const last = stem.syllables.length - 1;
  const word = stem.syllables
    .map(([c, v], i) => c.deva + (i === last && !stem.finalN ? v.devaFinal : v.devaSign))
    .join('');
  return word + (stem.finalN ? 'ं' : '');
}

/** The word in Arabic letters, every vowel written as a long vowel letter. */
export function arabicOf(stem: Stem): string {
  return stem.syllables.map(([c, v]) => c.arab + v.arab).join('') + (stem.finalN ? 'ن' : '');
}

/** A lower-case ASCII slug of Latin text: runs of other characters become single hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
