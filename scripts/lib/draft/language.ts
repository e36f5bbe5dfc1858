/**
 * Language detection for captures, with franc (trigram statistics over 400+
 * languages, well kept, pure JavaScript, no model download): it told every
 * seed capture's language right, including Malay from Indonesian.
 */
import { francAll } from 'franc';

/** ISO 639-3 codes that CLDR does not fold into the BCP 47 tag we use. */
const MACROLANGUAGE: Record<string, string> = { zlm: 'ms', zsm: 'ms' };

/** BCP 47 tag of a franc (ISO 639-3) code. */
function toTag(code: string): string {
  return MACROLANGUAGE[code] ?? Intl.getCanonicalLocales(code)[0]!;
}

/**
 * The BCP 47 tag of the language a text is most likely in, or undefined when
 * the text is too short to tell. Close calls (franc scores within 5% of the
 * best, as Malay and Indonesian often are, or English and Scots in a short
 * text) go to the first of `preferred` among them: the languages the archive
 * holds, then those of its interface.
 * @example detectLanguage('रूस और बेलारूस ने सैन्य समझौते पर हस्ताक्षर किए …') // "hi"
 */
export function detectLanguage(text: string, preferred: readonly string[] = []): string | undefined {
  const candidates = francAll(text, { minLength: 20 });
  const [best] = candidates;
  if (!best || best[0] === 'und') return undefined;
  const close = candidates.filter(([, score]) => score >= best[1] * 0.95).map(([code]) => toTag(code));
  return preferred.find((tag) => close.includes(tag)) ?? toTag(best[0]);
}
