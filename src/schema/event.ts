/** The front matter of an event: what happened, when and where, covered by articles. */
import { z } from 'astro/zod';
import { DatedSlug, DateWithPrecision, IsoDate, LanguageTag, Slug } from './shared.ts';

export const EventSchema = z
  .object({
    id: DatedSlug.meta({
      description: 'Stable event identifier: the event date then an ASCII slug. Equals the file name without ".md".',
      examples: ['2024-12-06-minsk-security-guarantees-treaty'],
    }),
    title: z.string().min(1).meta({ description: 'Neutral English title of the event.' }),
    titles: z.record(LanguageTag, z.string().min(1)).meta({
      description: 'The title in the languages of the event\'s coverage, keyed by BCP 47 tag.',
    }),
    date: DateWithPrecision.meta({ description: 'When the event happened, with precision and the evidence from its coverage.' }),
    place: Slug.meta({ description: 'Where it happened: id of a place in content/entities/.' }),
    participants: z.array(Slug).min(1).meta({ description: 'Who took part: ids of people or organisations in content/entities/.' }),
    related: z.array(DatedSlug).meta({ description: 'Ids of related events.' }),
    added: IsoDate.meta({ description: 'The day the record was added to the archive.' }),
    modified: IsoDate.optional().meta({ description: 'The day the record was last changed, when it has been.' }),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (!event.id.startsWith(event.date.value)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must start with the event date "${event.date.value}"` });
    }
  })
  .meta({ title: 'Event', description: 'Something that happened, which articles report; its body is a short neutral English summary.' });

export type Event = z.infer<typeof EventSchema>;
