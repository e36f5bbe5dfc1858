/** The dataset's own record: identity, licence, and every release with what it changed. */
import { z } from 'astro/zod';
import { DatedSlug, IsoDate, Slug, WebUrl } from './shared.ts';

/** A semantic version, as the Data Package Version recipe uses it. */
export const SemVer = z
  .string()
  .regex(/^\d+\.\d+\.\d+$/, { message: 'must be a semantic version MAJOR.MINOR.PATCH, e.g. "1.0.0"' })
  .meta({ description: 'Semantic version: major when a table\'s fields change, minor when records or tables are added, patch for corrections.' });

export const ReleaseSchema = z
  .object({
    version: SemVer,
    date: IsoDate.meta({ description: 'The day the release was made.' }),
    summary: z.string().min(1).meta({ description: 'What the release is, in one or two sentences.' }),
    added: z.array(DatedSlug).meta({ description: 'Ids of articles added in this release.' }),
    corrected: z.array(DatedSlug).meta({ description: 'Ids of articles corrected in this release.' }),
    withdrawn: z.array(DatedSlug).meta({ description: 'Ids of articles withdrawn in this release (they remain as tombstones).' }),
  })
  .strict();

export const DatasetSchema = z
  .object({
    name: Slug.meta({ description: 'The dataset\'s name in the data package: never changes.' }),
    title: z.string().min(1),
    description: z.string().min(1),
    homepage: WebUrl,
    licenses: z
      .array(z.object({ name: z.string().min(1), path: WebUrl, title: z.string().min(1), scope: z.string().min(1) }).strict())
      .min(1)
      .meta({ description: 'Licences of the dataset\'s own work (metadata, notes, code).' }),
    rights: z.string().min(1).meta({ description: 'On what terms the articles, which belong to their publishers, are archived.' }),
    contributors: z.array(z.object({ title: z.string().min(1), roles: z.array(z.string().min(1)).min(1) }).strict()).min(1),
    releases: z.array(ReleaseSchema).min(1).meta({ description: 'Every release, newest first.' }),
  })
  .strict()
  .superRefine((dataset, ctx) => {
    dataset.releases.forEach((release, i) => {
      const older = dataset.releases[i + 1];
      if (older && compareVersions(release.version, older.version) <= 0) {
        ctx.addIssue({ code: 'custom', path: ['releases', i, 'version'], message: `must be newer than the release below it (${older.version}); list releases newest first` });
      }
    });
  });

export type Dataset = z.infer<typeof DatasetSchema>;
export type Release = z.infer<typeof ReleaseSchema>;

/** Compares two semantic versions numerically. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i]! - pb[i]!;
  return 0;
}
