/** A subject of coverage, named in every language the interface speaks: readers browse and filter by it. */
import { z } from 'astro/zod';
import { localeKeys, locales } from '../i18n/locales.ts';
import { LanguageTag, Slug } from './shared.ts';

/** The languages a topic must be named in: the interface's, as its own strings are. */
const INTERFACE_LANGUAGES = localeKeys.map((key) => locales[key].lang);

export const TopicSchema = z
  .object({
    id: Slug.meta({ description: 'Stable topic identifier, as articles list it in topics. Equals the file name without ".yaml".', examples: ['nuclear-weapons'] }),
    names: z
      .record(LanguageTag, z.string().min(1))
      .superRefine((names, ctx) => {
        const missing = INTERFACE_LANGUAGES.filter((lang) => !(lang in names));
        if (missing.length > 0) {
          ctx.addIssue({ code: 'custom', message: `must name the topic in every language the interface speaks: add ${missing.map((lang) => `"${lang}"`).join(', ')}` });
        }
      })
      .meta({
        description: `The topic's name per language (BCP 47 tag), as a reader of that language would write it: in each language the interface speaks (${INTERFACE_LANGUAGES.join(', ')}), and any other.`,
        examples: [{ en: 'Nuclear weapons', ar: 'الأسلحة النووية', hi: 'परमाणु हथियार', ms: 'Senjata nuklear' }],
      }),
    description: z.string().min(1).meta({ description: 'One neutral English sentence on what the topic covers.' }),
  })
  .strict()
  .meta({ title: 'Topic', description: 'A subject of coverage, named in several languages.' });

export type Topic = z.infer<typeof TopicSchema>;
