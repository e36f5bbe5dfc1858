/**
 * The named world of the benchmark corpus: entities (people, places,
 * organisations) and sources (publishers), each with names in every generated
 * script, and the skewed popularity that articles and events draw them by.
 */
import type { Entity, Source } from '../../../src/schema/index.ts';
import { SOURCE_KINDS } from '../../../src/schema/source.ts';
import { arabicOf, devanagariOf, latinOf, randomStem, slugify } from './names.ts';
import { chance, pick, pickWeighted, rngFor, sampleCumulative, zipfCumulative, type Rng } from './random.ts';
import {
  COUNTRIES, englishList, indefinite, LANGUAGE_NAMES, LANGUAGES, ORGANISATION_WORDS, PERSON_ROLES, SOURCE_KIND_WORDS, withKindWord, type Lang,
} from './vocabulary.ts';

/** An entity with its names per language at hand. */
export interface EntityInfo {
  id: string;
  kind: Entity['kind'];
  /** Primary name per language (every generated language has one). */
  name: Record<Lang, string>;
  record: Entity;
}

/** A source with its name per language and its languages. */
export interface SourceInfo {
  id: string;
  languages: Lang[];
  name: Record<Lang, string>;
  record: Source;
}

/** Everything events and articles draw from, with Zipf tables for popularity. */
export interface World {
  entities: EntityInfo[];
  sources: SourceInfo[];
  /** Indices of places, and of people and organisations (who can take part in events). */
  places: number[];
  actors: number[];
  /** Indices of people (for bylines). */
  people: number[];
  sourcesByLanguage: Record<Lang, number[]>;
  popularity: { entities: Float64Array; places: Float64Array; actors: Float64Array; sources: Record<Lang, Float64Array> };
}

/** An id not yet in `taken` (the slug, else the slug with "-2", "-3", …), recorded as taken. */
export function uniqueId(slug: string, taken: Set<string>): string {
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  taken.add(id);
  return id;
}

/** The kind of entity number i: a quarter places, a quarter organisations, half people. */
export function entityKind(i: number): Entity['kind'] {
  return (['place', 'organisation', 'person', 'person'] as const)[i % 4]!;
}

/** Names of one new entity, per language, with variant spellings where coverage would have them. */
function entityNames(rng: Rng, kind: Entity['kind']): { primary: Record<Lang, string>; aliases: Partial<Record<Lang, string[]>> } {
  if (kind === 'person') {
    const given = randomStem(rng, 2, 3);
    const family = randomStem(rng, 2, 4);
    const latin = `${latinOf(given)} ${latinOf(family)}`;
    const primary = { en: latin, hi: `${devanagariOf(given)} ${devanagariOf(family)}`, ar: `${arabicOf(given)} ${arabicOf(family)}`, ms: latin };
    const aliases = chance(rng, 0.4) ? { hi: [devanagariOf(family)], ar: [arabicOf(family)], ms: [latinOf(family)] } : {};
    return { primary, aliases };
  }
  const stem = randomStem(rng, 2, kind === 'place' ? 4 : 3);
  if (kind === 'place') return { primary: { en: latinOf(stem), hi: devanagariOf(stem), ar: arabicOf(stem), ms: latinOf(stem) }, aliases: {} };
  const word = pick(rng, ORGANISATION_WORDS);
  const primary = {
    en: withKindWord('en', latinOf(stem), word.en),
    hi: withKindWord('hi', devanagariOf(stem), word.hi),
    ar: withKindWord('ar', arabicOf(stem), word.ar),
    ms: withKindWord('ms', latinOf(stem), word.ms),
  };
  return { primary, aliases: {} };
}

/** One neutral English sentence identifying an entity. */
function entityDescription(rng: Rng, kind: Entity['kind'], name: string, placeName: string | undefined): string {
  if (kind === 'place') return `${name} is ${pick(rng, ['a city', 'a port city', 'a province', 'a country', 'a border town'])}${placeName ? ` in the region of ${placeName}` : ''}.`;
  if (kind === 'person') return `${name} is ${indefinite(pick(rng, PERSON_ROLES))}${placeName ? ` from ${placeName}` : ''}.`;
  const word = ORGANISATION_WORDS.find((w) => name.endsWith(` ${w.en}`));
  return `${name} is ${word?.what ?? 'an organisation'}${placeName ? ` based in ${placeName}` : ''}.`;
}

/** Builds `count` entities: names in every script, a description and aliases (never a Wikidata id: a made-up one would name a real, unrelated item). */
export function buildEntities(seed: string, count: number): EntityInfo[] {
  const taken = new Set<string>();
  const drafts = Array.from({ length: count }, (_, i) => {
    const rng = rngFor(seed, 'entity', i);
    const kind = entityKind(i);
    const { primary, aliases } = entityNames(rng, kind);
    return { rng, kind, primary, aliases, id: uniqueId(slugify(primary.en), taken) };
  });
  const placeNames = drafts.filter((d) => d.kind === 'place').map((d) => d.primary.en);
  return drafts.map(({ rng, kind, primary, aliases, id }) => {
    const names: Record<string, string[]> = {
      en: [primary.en],
      hi: [primary.hi, ...(aliases.hi ?? [])],
      ar: [primary.ar, ...(aliases.ar ?? [])],
      ...(chance(rng, 0.7) ? { ms: [primary.ms, ...(aliases.ms ?? [])] } : {}),
    };
    const place = placeNames.length > 1 && chance(rng, 0.8) ? pick(rng, placeNames) : undefined;
    const description = entityDescription(rng, kind, primary.en, place === primary.en ? undefined : place);
    return { id, kind, name: primary, record: { id, kind, names, description } };
  });
}

/** Builds `count` sources; source i publishes in language i mod 4 (so every language has publishers), sometimes in others too. */
export function buildSources(seed: string, count: number): SourceInfo[] {
  const taken = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const rng = rngFor(seed, 'source', i);
    const kind = pickWeighted(rng, SOURCE_KINDS.map((k) => [k, k === 'aggregator' || k === 'press-release-wire' ? 0.5 : 1] as const));
    const word = SOURCE_KIND_WORDS[kind]!;
    const stem = randomStem(rng, 2, 3);
    const name = {
      en: withKindWord('en', latinOf(stem), word.en),
      hi: withKindWord('hi', devanagariOf(stem), word.hi),
      ar: withKindWord('ar', arabicOf(stem), word.ar),
      ms: withKindWord('ms', latinOf(stem), word.ms),
    };
    const primary = LANGUAGES[i % LANGUAGES.length]!;
    const others = LANGUAGES.filter((l) => l !== primary && chance(rng, 0.15));
    const languages = [primary, ...others];
    const id = uniqueId(slugify(name.en), taken);
    const country = chance(rng, 0.8) ? pick(rng, COUNTRIES) : null;
    const record: Source = {
      id,
      name: name[primary],
      name_lang: primary,
      name_latin: name.en,
      names: Object.fromEntries(others.map((l) => [l, name[l]])),
      home: chance(rng, 0.85) ? `https://www.${id}.example/` : null,
      country,
      languages,
      kind,
      description: `${name.en} is ${indefinite(word.what)}${country ? ` registered in ${country}` : ''}, publishing in ${englishList(languages.map((l) => LANGUAGE_NAMES[l]))}.`,
    };
    return { id, languages, name, record };
  });
}

/** The world: entities and sources with their index lists and popularity tables. */
export function buildWorld(seed: string, counts: { entities: number; sources: number }): World {
  const entities = buildEntities(seed, counts.entities);
  const sources = buildSources(seed, counts.sources);
  const indicesOf = (test: (e: EntityInfo) => boolean) => entities.flatMap((e, i) => (test(e) ? [i] : []));
  const places = indicesOf((e) => e.kind === 'place');
  const actors = indicesOf((e) => e.kind !== 'place');
  const people = indicesOf((e) => e.kind === 'person');
  const sourcesByLanguage = Object.fromEntries(
    LANGUAGES.map((l) => [l, sources.flatMap((s, i) => (s.languages.includes(l) ? [i] : []))]),
  ) as Record<Lang, number[]>;
  return {
    entities,
    sources,
    places,
    actors,
    people,
    sourcesByLanguage,
    popularity: {
      entities: zipfCumulative(entities.length, 1),
      places: zipfCumulative(places.length, 0.9),
      actors: zipfCumulative(actors.length, 1),
      sources: Object.fromEntries(LANGUAGES.map((l) => [l, zipfCumulative(sourcesByLanguage[l].length, 0.9)])) as Record<Lang, Float64Array>,
    },
  };
}

/** A popular-skewed draw from an index list with its Zipf table. */
export function drawFrom(rng: Rng, indices: readonly number[], popularity: Float64Array): number {
  return indices[sampleCumulative(rng, popularity)]!;
}
