/** The front matter of an article: one captured report, in its own language. */
import { z } from 'astro/zod';
import { Capture, DatedSlug, DateWithPrecision, distinctIds, EditorialNote, EnglishRendering, IsoDate, LanguageTag, Slug } from './shared.ts';

export const ArticleSchema = z
  .object({
    id: DatedSlug.meta({
      description: 'Stable article identifier: publication date then an ASCII slug. Equals the file name without ".md".',
      examples: ['2024-12-06-russia-belarus-security-pact-newsit-hi'],
    }),
    title: z.string().min(1).nullable().meta({
      description: 'The headline as printed, in the article\'s language; null when the capture has none (then say why in title_missing).',
    }),
    title_missing: z.string().min(1).optional().meta({
      description: 'Required when title is null: why there is no headline (never invent one).',
    }),
    title_en: EnglishRendering.optional().meta({
      description: 'An English rendering of the headline for readers who do not read the language, with who wrote it and how.',
    }),
    language: LanguageTag.meta({ description: 'Language of the article text (BCP 47).', examples: ['hi'] }),
    published: DateWithPrecision.meta({
      description: 'Publication date as the text states or implies it, with its precision and evidence.',
    }),
    source: Slug.meta({ description: 'The publisher: id of a record in content/sources/.' }),
    byline: z.string().min(1).optional().meta({ description: 'The byline as printed, when there is one.' }),
    events: distinctIds(DatedSlug).meta({ description: 'The events the article reports: ids of records in content/events/.' }),
    entities: distinctIds(Slug).meta({ description: 'People, places and organisations mentioned: ids of records in content/entities/.' }),
    topics: distinctIds(Slug).meta({ description: 'Subjects the article is about: ids of records in content/topics/.', examples: [['nuclear-weapons', 'union-state']] }),
    capture: Capture,
    editorial_notes: z.array(EditorialNote).meta({
      description: 'Everything changed between the capture and the article text (removed, corrected, split, annotated), each with its reason.',
    }),
    withdrawn: z
      .object({
        date: IsoDate.meta({ description: 'The day the article was withdrawn.' }),
        reason: z.string().min(1).meta({ description: 'Why it was withdrawn (e.g. a rights holder\'s request), in one sentence.' }),
      })
      .strict()
      .optional()
      .meta({ description: 'Present when the article was withdrawn: its record stays as a tombstone and its body is emptied.' }),
    added: IsoDate.meta({ description: 'The day the record was added to the archive.' }),
    modified: IsoDate.optional().meta({ description: 'The day the record was last changed, when it has been.' }),
  })
  .strict()
  .superRefine((article, ctx) => {
    if (article.title === null && !article.title_missing) {
      ctx.addIssue({ code: 'custom', path: ['title_missing'], message: 'is required when title is null: say why the capture has no headline' });
    }
    if (article.title !== null && article.title_missing) {
      ctx.addIssue({ code: 'custom', path: ['title_missing'], message: 'must be left out when the article has a title' });
    }
    if (article.withdrawn && article.modified !== article.withdrawn.date) {
      ctx.addIssue({ code: 'custom', path: ['modified'], message: `must be the withdrawal date (${article.withdrawn.date}) when the article is withdrawn` });
    }
    if (!article.id.startsWith(article.published.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['id'],
        message: `must start with the published date "${article.published.value}" so that ids sort by date`,
      });
    }
  })
  .meta({ title: 'Article', description: 'One captured news report, in its own language, with its provenance.' });

export type Article = z.infer<typeof ArticleSchema>;
