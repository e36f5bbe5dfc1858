/** A publisher: the news organisation an article comes from. */
import { z } from 'astro/zod';
import { LanguageTag, Slug, WebUrl } from './shared.ts';

export const SOURCE_KINDS = ['news-agency', 'broadcaster', 'newspaper', 'news-website', 'press-release-wire', 'aggregator'] as const;

export const SourceSchema = z
  .object({
    id: Slug.meta({ description: 'Stable source identifier. Equals the file name without ".yaml".', examples: ['fars-news-agency'] }),
    name: z.string().min(1).meta({ description: 'The publisher\'s name in its own script.', examples: ['خبرگزاری فارس'] }),
    name_lang: LanguageTag.meta({ description: 'Language of name.' }),
    name_latin: z.string().min(1).meta({ description: 'The name in Latin script.', examples: ['Fars News Agency'] }),
    names: z.record(LanguageTag, z.string().min(1)).meta({
      description: 'The name as written in other languages (e.g. as the archived coverage writes it), keyed by BCP 47 tag.',
    }),
    home: WebUrl.nullable().meta({ description: 'The publisher\'s home page, or null when not known for sure.' }),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. "IR"' })
      .nullable()
      .meta({ description: 'Country of the publisher (ISO 3166-1 alpha-2), or null when not known.' }),
    languages: z.array(LanguageTag).min(1).meta({ description: 'Languages the publisher publishes in (BCP 47).' }),
    kind: z.enum(SOURCE_KINDS).meta({ description: 'What kind of publisher: ' + SOURCE_KINDS.join(', ') + '.' }),
    description: z.string().min(1).meta({ description: 'One or two neutral English sentences on who the publisher is.' }),
  })
  .strict()
  .meta({ title: 'Source', description: 'A publisher of archived coverage.' });

export type Source = z.infer<typeof SourceSchema>;
