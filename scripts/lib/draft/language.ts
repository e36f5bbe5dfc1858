/**
 * Language detection for captures, with franc (trigram statistics over 400+
 * languages, well kept, pure JavaScript, no model download): it told every
 * seed capture's language right, including Malay from Indonesian.
 */
import { franc } from 'franc';

/** ISO 639-3 codes that CLDR does not fold into the BCP 47 tag we use. */
const MACROLANGUAGE: Record<string, string> = { zlm: 'ms', zsm: 'ms' };

/**
 * The BCP 47 tag of the language a text is most likely in, or undefined when the text is too short to tell.
 * @example detectLanguage('रूस और बेलारूस ने सैन्य समझौते पर हस्ताक्षर किए …') // "hi"
 */
export function detectLanguage(text: string): string | undefined {
  const code = franc(text, { minLength: 20 });
  if (code === 'und') return undefined;
  return MACROLANGUAGE[code] ?? Intl.getCanonicalLocales(code)[0];
}
