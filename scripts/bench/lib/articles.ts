/**
 * Articles of the benchmark corpus: a cheap plan (language, source, day, events)
 * for all of them, then, one at a time, the article file and its raw capture,
 * whose editorial notes account for every line the article leaves out.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../../../src/schema/index.ts';
import { ADDED_FIRST_DAY, ADDED_LAST_DAY, dateValue, isoOf, LAST_DAY, MODIFIED_LAST_DAY, partsOf } from './dates.ts';
import { drawPrecision, planTitle, type EventPlan } from './events.ts';
import { chance, distinct, int, pick, pickWeighted, rngFor, sampleCumulative, zipfCumulative, type Rng } from './random.ts';
import { articleLength, composeParagraphs, headlineFrom, type SentencePools } from './text.ts';
import {
  boilerplateFor, BYLINE_LABELS, dateLine, englishList, indefinite, LANGUAGE_NAMES, LANGUAGE_WEIGHTS, LANGUAGES, STAFF_BYLINES, TITLE_MISSING_REASONS, TOPICS, type Lang,
} from './vocabulary.ts';
import { drawFrom, type SourceInfo, type World } from './world.ts';
import { markdownText } from './yaml-out.ts';

type EditorialNote = Article['editorial_notes'][number];

/** Who wrote machine renderings of titles. */
export const RENDERING_AGENT = 'benchmark generator';

/** The plan of every article, in typed arrays: language (index into LANGUAGES), source, publication day, first and second event (-1 for none). */
export interface ArticlePlan {
  language: Uint8Array;
  day: Int32Array;
  source: Int32Array;
  event1: Int32Array;
  event2: Int32Array;
  /** Per event, a bit mask of the languages (bit = index into LANGUAGES) of its coverage. */
  coverage: Uint8Array;
}

/** The day an article on an event of `eventDay` is published: mostly the same day or within a week, sometimes months later. */
export function publicationDay(rng: Rng, eventDay: number): number {
  const offset = pickWeighted(rng, [[0, 0.4], [int(rng, 1, 7), 0.4], [int(rng, 8, 365), 0.2]] as const);
  return Math.min(LAST_DAY, eventDay + offset);
}

/**
 * Plans `count` articles. Event popularity is Zipf-like: a few events get
 * thousands of articles, most a handful; article i < events is assigned
 * event i first, so that every event has coverage.
 */
export function planArticles(seed: string, count: number, world: World, events: readonly EventPlan[]): ArticlePlan {
  const plan: ArticlePlan = {
    language: new Uint8Array(count),
    day: new Int32Array(count),
    source: new Int32Array(count),
    event1: new Int32Array(count),
    event2: new Int32Array(count),
    coverage: new Uint8Array(events.length),
  };
  const popularity = zipfCumulative(events.length, 1);
  for (let i = 0; i < count; i++) {
    const rng = rngFor(seed, 'article-plan', i);
    const lang = pickWeighted(rng, LANGUAGE_WEIGHTS);
    const first = i < events.length ? i : sampleCumulative(rng, popularity);
    const day = publicationDay(rng, events[first]!.day);
    // A second event, drawn among related or popular ones, that had begun by the day of publication.
    let second = -1;
    const related = events[first]!.related;
    for (let tries = chance(rng, 0.25) ? 4 : 0; tries > 0 && second < 0; tries--) {
      const candidate = related.length > 0 && chance(rng, 0.6) ? pick(rng, related) : sampleCumulative(rng, popularity);
      if (candidate !== first && events[candidate]!.day <= day) second = candidate;
    }
    plan.language[i] = LANGUAGES.indexOf(lang);
    plan.day[i] = day;
    plan.source[i] = drawFrom(rng, world.sourcesByLanguage[lang], world.popularity.sources[lang]);
    plan.event1[i] = first;
    plan.event2[i] = second;
    plan.coverage[first]! |= 1 << LANGUAGES.indexOf(lang);
    if (second >= 0) plan.coverage[second]! |= 1 << LANGUAGES.indexOf(lang);
  }
  return plan;
}

/** One generated article: its file, and its capture as bytes. */
export interface ArticleFiles {
  id: string;
  language: Lang;
  text: string;
  captureName: string;
  capture: Buffer;
}

/** The article's title: null (with why), its event's title in its language (with an English rendering), or a headline. */
function drawTitle(rng: Rng, lang: Lang, event: EventPlan, world: World, pools: SentencePools): Pick<Article, 'title' | 'title_missing' | 'title_en'> {
  const r = rng();
  if (r < 0.08) return { title: null, title_missing: pick(rng, TITLE_MISSING_REASONS) };
  if (r < 0.55) {
    const title = planTitle(event, world, lang);
    if (lang === 'en' || chance(rng, 0.4)) return { title };
    return { title, title_en: { text: planTitle(event, world, 'en'), by: 'machine', agent: RENDERING_AGENT } };
  }
  return { title: headlineFrom(rng, pick(rng, pools[lang]).text) };
}

/** Page furniture lines of a capture with their removal notes. */
function furniture(rng: Rng, lang: Lang, sourceName: string): { lines: string[]; notes: EditorialNote[] } {
  if (!chance(rng, 0.45)) return { lines: [], notes: [] };
  const options = boilerplateFor(lang);
  const chosen = distinct(int(rng, 1, 3), () => pick(rng, options));
  if (lang === 'ar' && chance(rng, 0.4)) {
    chosen.unshift({ text: `المصدر: ${sourceName}`, reason: 'Source credit of the aggregator page; the publisher is recorded as the source.' });
  }
  return { lines: chosen.map((b) => b.text), notes: chosen.map((b) => ({ action: 'removed', text: b.text, reason: b.reason })) };
}

/** Joins two neighbouring words of a paragraph, as a capture that lost a word boundary; undefined when there is no pair. */
function lostBoundary(rng: Rng, paragraph: string): { captured: string; note: EditorialNote } | undefined {
  const words = paragraph.split(' ');
  if (words.length < 4) return undefined;
  const j = int(rng, 0, words.length - 2);
  const [w1, w2] = [words[j]!, words[j + 1]!];
  const captured = [...words.slice(0, j), w1 + w2, ...words.slice(j + 2)].join(' ');
  return {
    captured,
    note: { action: 'corrected', text: w1 + w2, reason: 'Two words run together where the capture lost a word boundary; the missing space is restored.', result: `${w1} ${w2}` },
  };
}

/** What a capture holds besides the text, for `captureOf`. */
interface CaptureParts {
  lang: Lang;
  title: string | null;
  /** The printed date line, when the page has one. */
  dateLine: string | undefined;
  byline: string | undefined;
  sourceName: string;
  englishPool: SentencePools['en'];
}

/**
 * The lines of an article's raw capture (headline, date line, text, byline
 * block, page furniture) and the editorial notes that account for every
 * difference from the article; may add an English figure caption to `paragraphs`.
 */
function captureOf(rng: Rng, parts: CaptureParts, paragraphs: string[]): { lines: string[]; notes: EditorialNote[]; furnished: boolean } {
  const { lang, title, dateLine: printedDate, byline } = parts;
  const lines: string[] = [];
  const notes: EditorialNote[] = [];
  if (title) lines.push(title);
  if (printedDate) {
    lines.push(printedDate);
    notes.push({ action: 'removed', text: printedDate, reason: 'The publication date line; the date is recorded in "published".' });
  }
  if (title && chance(rng, 0.1)) {
    lines.push(title);
    notes.push({ action: 'removed', text: title, reason: 'The headline is printed twice at the top of the capture; it is kept once, as the title.' });
  }
  const corrected = chance(rng, 0.05) ? int(rng, 0, paragraphs.length - 1) : -1;
  const retained = chance(rng, 0.05) ? int(rng, 0, paragraphs.length - 1) : -1;
  const bodyStart = lines.length;
  paragraphs.forEach((paragraph, p) => {
    const lost = p === corrected ? lostBoundary(rng, paragraph) : undefined;
    const line = lost?.captured ?? paragraph;
    lines.push(line);
    if (lost) notes.push(lost.note);
    if (p === retained) {
      const text = line.split(' ').slice(0, 8).join(' ');
      notes.push({ action: 'retained', text, reason: 'Kept as printed: the wording may be a leftover of a machine translation, but it cannot be shown to be a capture defect.' });
    }
  });
  if (lang !== 'en' && chance(rng, 0.05)) {
    const caption = pick(rng, parts.englishPool).text;
    lines.splice(bodyStart + 1, 0, caption);
    paragraphs.splice(1, 0, `<figure lang="en" dir="ltr"><figcaption>${caption}</figcaption></figure>`);
    notes.push({
      action: 'annotated',
      text: caption,
      reason: `English image caption inside the ${LANGUAGE_NAMES[lang]} article (the image itself is not in the capture). It is kept in place and marked as English (lang="en", dir="ltr") in a figure caption.`,
    });
  }
  if (byline) {
    const { label, gloss } = BYLINE_LABELS[lang];
    lines.push(label, byline);
    notes.push(
      { action: 'removed', text: label, reason: `The label "${label}" ("${gloss}") of the byline block; the byline is recorded in "byline".` },
      { action: 'removed', text: byline, reason: 'The byline, moved out of the text into "byline".' },
    );
  }
  const page = furniture(rng, lang, parts.sourceName);
  return { lines: [...lines, ...page.lines], notes: [...notes, ...page.notes], furnished: page.lines.length > 0 };
}

/** Where a capture came from: sometimes the page's address and retrieval day, always a description of what it holds. */
function originOf(rng: Rng, source: SourceInfo, lang: Lang, id: string, day: number, addedDay: number, holds: string[]): Article['capture']['origin'] {
  const { year, month } = partsOf(day);
  const url = source.record.home && chance(rng, 0.55) ? `${source.record.home}${lang}/${year}/${String(month).padStart(2, '0')}/${id}` : null;
  return {
    url,
    retrieved: url && chance(rng, 0.8) ? isoOf(Math.min(addedDay - 1, day + int(rng, 0, 400))) : null,
    description: `${indefinite(LANGUAGE_NAMES[lang]).replace(/^a/, 'A')} article page of ${source.record.name_latin}: ${englishList(holds)}. Synthetic capture written by the benchmark generator from sentences of the real corpus.`,
  };
}

/**
 * Article `i` and its capture. The capture holds the headline, the date line,
 * the text, the byline block and page furniture as lines; the article keeps the
 * text and records everything else in its fields and editorial notes.
 */
export function articleFiles(seed: string, i: number, plan: ArticlePlan, events: readonly EventPlan[], world: World, pools: SentencePools): ArticleFiles {
  const rng = rngFor(seed, 'article', i);
  const lang = LANGUAGES[plan.language[i]!]!;
  const source = world.sources[plan.source[i]!]!;
  const event = events[plan.event1[i]!]!;
  const second = plan.event2[i]! >= 0 ? events[plan.event2[i]!] : undefined;
  const day = plan.day[i]!;

  const precision = drawPrecision(rng, 0.75, 0.15, 0.1);
  const stated = chance(rng, 0.6);
  const value = dateValue(day, precision);
  const topics = distinct(int(rng, event.topics.length, 4), () => (chance(rng, 0.5) ? pick(rng, event.topics) : pick(rng, TOPICS)));
  const id = `${value}-${topics[0]}-${source.id}-${lang}-${i.toString(36)}`;
  const extra = distinct(int(rng, 0, 6), () => sampleCumulative(rng, world.popularity.entities));
  const entities = [...new Set([event.place, ...event.participants, ...extra])].map((k) => world.entities[k]!.id);
  const title = drawTitle(rng, lang, event, world, pools);
  const byline = chance(rng, 0.35)
    ? chance(rng, 0.6) ? world.entities[pick(rng, world.people)]!.name[lang] : STAFF_BYLINES[lang]
    : undefined;

  const paragraphs = composeParagraphs(rng, pools[lang], articleLength(rng, 650, 200, 4000));
  if (chance(rng, 0.3)) paragraphs[0] = `${world.entities[event.place]!.name[lang]} – ${paragraphs[0]}`;
  // A wire reference closes every text: recombined sentences alone could give two short articles the same text
  // (content:check rejects that), and at 100,000 articles they did.
  paragraphs.push(`(${source.name[lang]} ${i.toString(36).toUpperCase()})`);
  const printedDate = stated ? dateLine(lang, day, precision) : undefined;
  const { lines, notes, furnished } = captureOf(rng, { lang, title: title.title, dateLine: printedDate, byline, sourceName: source.name[lang], englishPool: pools.en }, paragraphs);
  const capture = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const sha256 = createHash('sha256').update(capture).digest('hex');
  const captureName = `${String(i).padStart(6, '0')}_${sha256.slice(0, 16)}.txt`;
  const holds = [title.title ? 'headline' : '', printedDate ? 'date line' : '', 'the article text', byline ? 'a byline block' : '', furnished ? 'page widgets' : ''].filter(Boolean);
  const addedDay = int(rng, ADDED_FIRST_DAY, ADDED_LAST_DAY);

  const data: Article = {
    id,
    ...title,
    language: lang,
    published: {
      value,
      precision,
      basis: stated ? 'stated' : 'inferred',
      evidence: printedDate
        ? `The date line reads "${printedDate}".`
        : `No date is printed; the date is inferred from the report of the event ${event.id} and the tense of the text, to the ${precision}.`,
    },
    source: source.id,
    ...(byline ? { byline } : {}),
    events: second ? [event.id, second.id] : [event.id],
    entities,
    topics,
    capture: { path: `captures/${captureName}`, sha256, origin: originOf(rng, source, lang, id, day, addedDay, holds) },
    editorial_notes: notes,
    added: isoOf(addedDay),
    ...(chance(rng, 0.08) ? { modified: isoOf(Math.min(MODIFIED_LAST_DAY, addedDay + int(rng, 1, 30))) } : {}),
  };
  return { id, language: lang, text: markdownText(data, paragraphs), captureName, capture };
}
