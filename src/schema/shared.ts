/**
 * Building blocks shared by every collection: identifiers, language tags,
 * dates with their precision, and provenance. Every field carries a
 * description: that text feeds the data dictionary and the data package.
 */
import { z } from 'astro/zod';
import { memoize } from '../lib/memoize.ts';

/** Lower-case ASCII slug: words of a–z and 0–9 joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A stable record identifier (ASCII slug); never reused once published. */
export const Slug = z
  .string()
  .regex(SLUG_PATTERN, {
    message: 'must be lower-case ASCII words (a–z, 0–9) joined by single hyphens, e.g. "vladimir-putin"',
  })
  .meta({ description: 'Stable identifier: lower-case ASCII words joined by hyphens. Never reused.' });

/** A date-prefixed slug, the identifier form of articles and events. */
export const DatedSlug = z
  .string()
  .regex(/^\d{4}(?:-\d{2}){0,2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: 'must start with the date (YYYY, YYYY-MM or YYYY-MM-DD) then a lower-case ASCII slug, e.g. "2024-12-06-minsk-security-treaty"',
  })
  .meta({
    description: 'Stable identifier: the date (as precise as known) then a lower-case ASCII slug. Never reused.',
    examples: ['2024-12-06-minsk-security-treaty'],
  });

/**
 * A list of ids of other records, each at most once: an event listed twice would list its article twice
 * on the event's page and count it twice; an entity or topic listed twice is named twice on the article's.
 */
export function distinctIds<T extends z.ZodType<string>>(id: T) {
  return z
    .array(id)
    .superRefine((ids, ctx) => {
      ids.forEach((value, index) => {
        const first = ids.indexOf(value);
        if (first < index) ctx.addIssue({ code: 'custom', path: [index], message: `lists "${value}" again (it is already item ${first}): remove this one` });
      });
    })
    .meta({ uniqueItems: true });
}

/**
 * True when `tag` is a well-formed BCP 47 tag already in canonical form, whose
 * language is a two- or three-letter ISO 639 code: BCP 47's grammar also
 * admits five- to eight-letter languages, none of them assigned, so "arabic"
 * would pass for a language. Memoized: an archive has a few languages, asked
 * about in every record (at 100,000 articles, asking Intl each time was 2% of
 * content:check's time).
 * @example isCanonicalLanguageTag('zh-Hant') // true
 * @example isCanonicalLanguageTag('arabic') // false
 */
export const isCanonicalLanguageTag = memoize((tag: string): boolean => {
  try {
    return Intl.getCanonicalLocales(tag)[0] === tag && /^[a-z]{2,3}$/.test(new Intl.Locale(tag).language);
  } catch {
    return false;
  }
});

/** A BCP 47 language tag in canonical form, e.g. "hi", "ar", "ms", "en". */
export const LanguageTag = z
  .string()
  .refine(isCanonicalLanguageTag, {
    message: 'must be a BCP 47 language tag in canonical form, its language a two- or three-letter ISO 639 code, e.g. "hi", "ar", "ms" or "zh-Hant"',
  })
  .meta({ description: 'BCP 47 language tag in canonical form.', examples: ['hi', 'ar', 'ms'] });

/** An absolute http(s) URL. */
export const WebUrl = z
  .url({ protocol: /^https?$/, message: 'must be an absolute http:// or https:// URL' })
  .meta({ description: 'Absolute http(s) URL.', examples: ['https://www.seaprwire.com/'] });

/** A calendar date written YYYY-MM-DD. */
export const IsoDate = z.iso
  .date({ message: 'must be a calendar date written YYYY-MM-DD' })
  .meta({ description: 'Calendar date, YYYY-MM-DD.', examples: ['2026-11-25'] });

/** How precisely a date is known. */
export const DatePrecision = z
  .enum(['day', 'month', 'year'])
  .meta({ description: 'How precisely the date is known: day, month or year.' });

const PRECISION_PATTERNS = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  year: /^\d{4}$/,
} as const;

/** True when `value` is a real date written to exactly `precision`. */
export function isDateOfPrecision(value: string, precision: z.infer<typeof DatePrecision>): boolean {
  if (!PRECISION_PATTERNS[precision].test(value)) return false;
  const [year, month = 1, day = 1] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year!, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date as the evidence gives it: the value to its known precision, whether
 * the text states it or an editor inferred it, and the evidence.
 */
export const DateWithPrecision = z
  .object({
    value: z.string().meta({
      description: 'The date, written only as precisely as known: YYYY-MM-DD, YYYY-MM or YYYY.',
      examples: ['2024-12-06', '2024-01', '2025'],
    }),
    precision: DatePrecision,
    basis: z.enum(['stated', 'inferred']).meta({
      description: '"stated" when the text gives this date; "inferred" when an editor deduced it (say how in evidence).',
    }),
    evidence: z.string().min(1).meta({
      description: 'The words of the text that give or imply the date, and the reasoning when inferred.',
    }),
  })
  .strict()
  .refine((d) => isDateOfPrecision(d.value, d.precision), {
    path: ['value'],
    message: 'must be a real date written to its precision: YYYY-MM-DD for day, YYYY-MM for month, YYYY for year',
  })
  .meta({ description: 'A date with its precision, its basis (stated or inferred) and the evidence.' });

/** An entry of an article's editorial notes: one change made to the capture. */
export const EditorialNote = z
  .object({
    action: z.enum(['removed', 'corrected', 'split', 'annotated', 'retained']).meta({
      description:
        'What the editor did: removed (text left out of the article), corrected (text changed), split (part moved to another record), annotated (markup added, e.g. a language tag), retained (a defect kept on purpose).',
    }),
    text: z.string().min(1).meta({ description: 'The text concerned, quoted from the capture.' }),
    reason: z.string().min(1).meta({ description: 'Why, in one or two sentences.' }),
    result: z.string().min(1).optional().meta({ description: 'For a correction, the text as it now reads.' }),
    see: DatedSlug.optional().meta({ description: 'For a split, the id of the article that received the text.' }),
  })
  .strict()
  .meta({ description: 'One change made between the capture and the article text, and why.' });

/** Where a raw capture came from. */
export const CaptureOrigin = z
  .object({
    url: WebUrl.nullable().meta({ description: 'The address the capture was taken from, or null when not recorded.' }),
    retrieved: IsoDate.nullable().meta({ description: 'The day the capture was taken, or null when not recorded.' }),
    description: z.string().min(1).meta({ description: 'What is known of where the capture came from and who published it.' }),
  })
  .strict()
  .meta({ description: 'Where the capture came from: address, retrieval day and what is known of it.' });

/** The raw capture an article was made from, byte for byte. */
export const Capture = z
  .object({
    path: z
      .string()
      .regex(/^captures\/[A-Za-z0-9._-]+$/, { message: 'must be a file directly under content/captures/, written "captures/<file name>"' })
      .meta({ description: 'Path of the raw capture, relative to content/.', examples: ['captures/000_27a7f845d8fbfa4a.txt'] }),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/, { message: 'must be the 64 lower-case hexadecimal digits of the SHA-256 (run `sha256sum <file>`)' })
      .meta({ description: 'SHA-256 of the capture file, lower-case hexadecimal.' }),
    lines: z
      .tuple([z.int().min(1), z.int().min(1)])
      .optional()
      .meta({ description: 'First and last line of the capture that hold this article, when the capture holds more than one.' }),
    origin: CaptureOrigin,
  })
  .strict()
  .meta({ description: 'The raw capture the article was made from, kept byte for byte in content/captures/.' });

/** Who wrote an English rendering and how. */
export const EnglishRendering = z
  .object({
    text: z.string().min(1).meta({ description: 'The English rendering.' }),
    by: z.enum(['editor', 'machine']).meta({ description: '"editor" for a person; "machine" for machine translation.' }),
    agent: z.string().min(1).meta({ description: 'Who: the editor\'s name, or the machine translation engine and model.' }),
  })
  .strict();
