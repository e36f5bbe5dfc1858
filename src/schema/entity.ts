/** A person, place or organisation that coverage mentions, named in every language we hold. */
import { z } from 'astro/zod';
import { LanguageTag, Slug } from './shared.ts';

export const ENTITY_KINDS = ['person', 'place', 'organisation'] as const;

export const EntitySchema = z
  .object({
    id: Slug.meta({ description: 'Stable entity identifier. Equals the file name without ".yaml".', examples: ['alexander-lukashenko'] }),
    kind: z.enum(ENTITY_KINDS).meta({ description: 'person, place or organisation.' }),
    names: z
      .record(LanguageTag, z.array(z.string().min(1)).min(1))
      .refine((names) => 'en' in names, { message: 'must include English ("en")' })
      .meta({
        description:
          'Names per language (BCP 47 tag): the first is the primary name, the rest are aliases and variant spellings found in coverage.',
      }),
    wikidata: z
      .string()
      .regex(/^Q[1-9]\d*$/, { message: 'must be a Wikidata item id such as "Q7747"' })
      .optional()
      .meta({ description: 'Wikidata item id, only where certain.', examples: ['Q7747'] }),
    description: z.string().min(1).meta({ description: 'One neutral English sentence identifying the entity.' }),
  })
  .strict()
  .meta({ title: 'Entity', description: 'A person, place or organisation mentioned in the coverage.' });

export type Entity = z.infer<typeof EntitySchema>;
