/** A subject of coverage, named in the languages readers search and browse in. */
import { z } from 'astro/zod';
import { LanguageTag, Slug } from './shared.ts';

export const TopicSchema = z
  .object({
    id: Slug.meta({ description: 'Stable topic identifier, as articles list it in topics. Equals the file name without ".yaml".', examples: ['nuclear-weapons'] }),
    names: z
      .record(LanguageTag, z.string().min(1))
      .refine((names) => 'en' in names, { message: 'must include English ("en")' })
      .meta({
        description: 'The topic\'s name per language (BCP 47 tag), as a reader of that language would write it: English, and each language the interface speaks.',
        examples: [{ en: 'Nuclear weapons', ar: 'الأسلحة النووية' }],
      }),
    description: z.string().min(1).meta({ description: 'One neutral English sentence on what the topic covers.' }),
  })
  .strict()
  .meta({ title: 'Topic', description: 'A subject of coverage, named in several languages.' });

export type Topic = z.infer<typeof TopicSchema>;
