/**
 * Events of the benchmark corpus: first a plan (date, kind, place,
 * participants, related events) that articles are assigned to, then, once the
 * languages of each event's coverage are known, the record and its summary.
 */
import type { Event } from '../../../src/schema/index.ts';
import { ADDED_FIRST_DAY, ADDED_LAST_DAY, dateValue, FIRST_DAY, isoOf, LAST_DAY, MODIFIED_LAST_DAY, type Precision } from './dates.ts';
import { slugify } from './names.ts';
import { chance, distinct, int, pick, pickWeighted, rngFor, type Rng } from './random.ts';
import { composeParagraphs, type SentencePools } from './text.ts';
import { englishDate, EVENT_KINDS, eventLead, eventTitle, LANGUAGES, TOPICS, type EventKind, type Lang } from './vocabulary.ts';
import { drawFrom, type World } from './world.ts';
import { markdownText } from './yaml-out.ts';

/** What is decided about an event before its coverage is assigned. */
export interface EventPlan {
  id: string;
  day: number;
  precision: Precision;
  basis: 'stated' | 'inferred';
  kind: EventKind;
  place: number;
  participants: number[];
  topics: string[];
  /** Indices of related events. */
  related: number[];
}

/** A day's precision drawn with the given weights of day, month and year. */
export function drawPrecision(rng: Rng, day: number, month: number, year: number): Precision {
  return pickWeighted(rng, [['day', day], ['month', month], ['year', year]] as const);
}

/** Plans `count` events spread uniformly over 1995–2025, with popular places and participants. */
export function planEvents(seed: string, count: number, world: World): EventPlan[] {
  const plans = Array.from({ length: count }, (_, i): EventPlan => {
    const rng = rngFor(seed, 'event', i);
    const day = int(rng, FIRST_DAY, LAST_DAY);
    const precision = drawPrecision(rng, 0.8, 0.14, 0.06);
    const kind = pick(rng, EVENT_KINDS);
    const place = drawFrom(rng, world.places, world.popularity.places);
    const size = pickWeighted(rng, [[1, 0.2], [2, 0.5], [3, 0.2], [4, 0.1]] as const);
    const participants = distinct(size, () => drawFrom(rng, world.actors, world.popularity.actors));
    const topics = distinct(int(rng, 1, 2), () => pick(rng, TOPICS));
    const id = `${dateValue(day, precision)}-${kind}-${slugify(world.entities[place]!.name.en)}-${i.toString(36)}`;
    return { id, day, precision, basis: chance(rng, 0.6) ? 'stated' : 'inferred', kind, place, participants, topics, related: [] };
  });
  plans.forEach((plan, i) => {
    const rng = rngFor(seed, 'event-related', i);
    if (count > 1 && chance(rng, 0.5)) plan.related = distinct(int(rng, 1, 3), () => int(rng, 0, count - 1)).filter((r) => r !== i);
  });
  return plans;
}

/** The event's title in `lang` from its kind, first two participants and place, named in that language. */
export function planTitle(plan: EventPlan, world: World, lang: Lang): string {
  const [a, b] = plan.participants.map((p) => world.entities[p]!.name[lang]);
  return eventTitle(plan.kind, lang, a!, b, world.entities[plan.place]!.name[lang]);
}

/**
 * The Markdown file of event `i`: titles in the languages of its coverage
 * (`coverage` is a bit mask over LANGUAGES), an English summary opening with
 * what happened and continuing with sentences of the real English corpus.
 */
export function eventFile(seed: string, i: number, plans: readonly EventPlan[], coverage: number, world: World, pools: SentencePools): { id: string; text: string } {
  const plan = plans[i]!;
  const rng = rngFor(seed, 'event-file', i);
  const titles = Object.fromEntries(
    LANGUAGES.flatMap((lang, bit) => (lang !== 'en' && coverage & (1 << bit) ? [[lang, planTitle(plan, world, lang)]] : [])),
  );
  const evidence =
    plan.basis === 'stated'
      ? `The coverage dates the event to ${englishDate(plan.day, plan.precision)}.`
      : `No report prints the date; it is inferred from the publication dates of the coverage, to the ${plan.precision}.`;
  const addedDay = int(rng, ADDED_FIRST_DAY, ADDED_LAST_DAY);
  const data: Event = {
    id: plan.id,
    title: planTitle(plan, world, 'en'),
    titles,
    date: { value: dateValue(plan.day, plan.precision), precision: plan.precision, basis: plan.basis, evidence },
    place: world.entities[plan.place]!.id,
    participants: plan.participants.map((p) => world.entities[p]!.id),
    related: plan.related.map((r) => plans[r]!.id),
    added: isoOf(addedDay),
    ...(chance(rng, 0.1) ? { modified: isoOf(Math.min(MODIFIED_LAST_DAY, addedDay + int(rng, 1, 30))) } : {}),
  };
  const [a, b] = plan.participants.map((p) => world.entities[p]!.name.en);
  const lead = eventLead(plan.kind, a!, b, world.entities[plan.place]!.name.en);
  const [first = '', ...rest] = composeParagraphs(rng, pools.en, int(rng, 30, 150));
  return { id: plan.id, text: markdownText(data, [`${lead} ${first}`.trim(), ...rest]) };
}
