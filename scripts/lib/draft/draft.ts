/**
 * Drafts article records from the text of a raw capture: headline, boilerplate
 * moved into editorial notes, a second appended article split off, dates,
 * source, entities and events proposed. What it cannot decide it marks TODO,
 * which content:check rejects. Pure: the command does the reading and writing.
 */
import type { Article, Entity, Event, Source } from '../../../src/schema/index.ts';
import { findReadAlso, removeBoilerplate, type BoilerplateRules } from './boilerplate.ts';
import { findDates, findWeekdays } from './dates.ts';

export interface DraftContext {
  language: string;
  sha256: string;
  /** Path of the capture relative to content/, e.g. "captures/x.txt". */
  capturePath: string;
  origin: Article['capture']['origin'];
  sources: readonly Source[];
  entities: readonly Entity[];
  events: readonly Event[];
  rules: BoilerplateRules;
  /** Chosen by the maintainer on the command line, when given. */
  source?: string | undefined;
  event?: string | undefined;
  /** The day the record is added (YYYY-MM-DD). */
  added: string;
  /** Appended to the id, to tell apart two articles drafted from one capture. */
  idSuffix?: string;
}

export interface Draft {
  id: string;
  data: Article;
  body: string;
  /** What the maintainer still has to decide (also marked TODO in the file). */
  todos: string[];
  /** What the tool did, for its report. */
  done: string[];
}

const TODO = 'TODO';
const isSentence = (line: string) => /[.!?।؟]$/.test(line) || line.length > 200;
/** A line that opens with a dateline credit, e.g. "(SeaPRwire) –": the text has started, there is no headline. */
const DATELINE = /^\(?[\p{L}\p{N} .]+\)?\s*[–—-]\s/u;

/** Proposes the source whose names occur most often in the text. */
function matchSource(text: string, sources: readonly Source[]): Source | undefined {
  const scored = sources
    .map((source) => {
      const names = [source.name, source.name_latin, ...Object.values(source.names), source.home ? new URL(source.home).hostname.replace(/^www\./, '') : '']
        .filter((n) => n.length >= 2);
      return { source, count: names.reduce((sum, name) => sum + text.split(name).length - 1, 0) };
    })
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count);
  return scored[0]?.source;
}

/** Entities any of whose recorded names occur in the text as whole words. */
export function matchEntities(text: string, entities: readonly Entity[]): Entity[] {
  const isWordAt = (index: number, length: number) => !/[\p{L}\p{M}]/u.test(text[index - 1] ?? ' ') && !/[\p{L}\p{M}]/u.test(text[index + length] ?? ' ');
  return entities.filter((entity) =>
    Object.values(entity.names).flat().some((name) => {
      if (name.length < 3) return false;
      for (let index = text.indexOf(name); index >= 0; index = text.indexOf(name, index + 1)) {
        // Arabic writes "and", "the", "in" as prefixes (وبيلاروسيا): allow them before a name.
        const prefix = text.slice(Math.max(0, index - 2), index);
        if (isWordAt(index, name.length) || (/^(?:[وبلفك]|ال|لل)$/u.test(prefix.slice(-1)) || /^(?:ال|لل|وب|وال)$/u.test(prefix))) return true;
      }
      return false;
    }),
  );
}

/** Events within a week of the date that share a participant or place with the article. */
function matchEvents(published: string | undefined, entities: readonly Entity[], events: readonly Event[]): Event[] {
  if (!published || published.length < 10) return [];
  const day = Date.parse(published);
  const ids = new Set(entities.map((e) => e.id));
  return events.filter((event) => {
    const eventDay = Date.parse(event.date.value.padEnd(10, '-01').slice(0, 10));
    return Math.abs(eventDay - day) <= 7 * 864e5 && [event.place, ...event.participants].some((id) => ids.has(id));
  });
}

/** Drafts one article from the lines of its text (line numbers are the capture's). */
function draftOne(lines: readonly { line: number; text: string }[], context: DraftContext, split?: { see: string; text: string }): Draft {
  const todos: string[] = [];
  const done: string[] = [];
  const notes: Article['editorial_notes'] = [];
  const rawText = lines.map((l) => l.text).join('\n');

  const source = context.sources.find((s) => s.id === context.source) ?? matchSource(rawText, context.sources);
  const { kept, removals } = removeBoilerplate(lines.map((l) => l.text), context.rules, source?.id);
  for (const removal of removals) notes.push({ action: 'removed', text: removal.text, reason: removal.reason });
  if (removals.length > 0) done.push(`moved ${removals.length} line(s) of boilerplate into editorial_notes (${[...new Set(removals.map((r) => r.rule))].join(', ')})`);

  // Headline: the first line, unless the text has already started.
  let body = kept.map((k) => k.text);
  let title: string | null = null;
  const first = body[0];
  if (first && !isSentence(first) && !DATELINE.test(first)) {
    title = first;
    body = body.slice(1);
    const repeat = body.findIndex((line) => line === title);
    if (repeat >= 0 && repeat < 5) {
      body.splice(repeat, 1);
      notes.push({ action: 'removed', text: first, reason: 'The headline is printed twice in the capture; it is kept once, as the title.' });
      done.push('found the headline printed twice and kept it once');
    }
  } else {
    todos.push('title: the capture seems to have no headline; say why in title_missing (or set the title if it has one)');
  }

  // Publication date: a date stated near the top, else the first one; a line that is only a date goes.
  const dates = findDates(rawText, context.language);
  const top = dates.find((d) => d.precision === 'day' && rawText.slice(0, d.index).split('\n').length <= 6) ?? dates[0];
  const dateOnlyLine = body.findIndex((line) => top && line.includes(top.evidence) && line.replace(top.evidence, '').replace(/[^\p{L}]+/gu, '').length < 20);
  if (top && dateOnlyLine >= 0 && dateOnlyLine < 6) {
    notes.push({ action: 'removed', text: body[dateOnlyLine]!, reason: 'The publication date line; the date is recorded in "published".' });
    body.splice(dateOnlyLine, 1);
  }
  const weekdays = findWeekdays(rawText, context.language);
  const published: Article['published'] = top
    ? { value: top.value, precision: top.precision, basis: 'stated', evidence: `"${top.evidence}"` }
    : { value: TODO, precision: 'day', basis: 'inferred', evidence: `${TODO}: no date found${weekdays.length ? `; the text names ${weekdays.map((w) => `"${w}"`).join(', ')}` : ''}. Give the date as precisely as the evidence allows, with its precision and basis.` };
  if (top) done.push(`proposed published ${top.value} (${top.precision}) from "${top.evidence}"`);
  else todos.push('published: no date found in the text; infer it and say how');

  const entities = matchEntities(rawText, context.entities);
  done.push(`matched ${entities.length} entit${entities.length === 1 ? 'y' : 'ies'} by their recorded names`);
  const events = context.event ? [context.event] : matchEvents(top?.value, entities, context.events).map((e) => e.id);
  if (events.length === 0) todos.push('events: no event matched by date and shared entities; link one or create it');
  if (!source) todos.push('source: no known source matched; pass --source or add the publisher to content/sources/');
  else if (!context.source) done.push(`proposed source ${source.id} (its name occurs in the text)`);

  if (split) notes.push({ action: 'split', text: split.text, reason: `${TODO}: say why this appended text is a separate article (another source, another event).`, see: split.see });

  const sourceId = source?.id ?? 'todo-source';
  const id = `${top ? top.value : 'undated'}-${sourceId}-${context.sha256.slice(0, 8)}${context.idSuffix ?? ''}`;
  const data = {
    id,
    title,
    ...(title === null ? { title_missing: `${TODO}: say why the capture has no headline.` } : {}),
    language: context.language,
    published,
    source: sourceId,
    events,
    entities: entities.map((e) => e.id),
    topics: [],
    capture: {
      path: context.capturePath,
      sha256: context.sha256,
      ...(lines.length > 0 ? { lines: [lines[0]!.line, lines.at(-1)!.line] as [number, number] } : {}),
      origin: context.origin,
    },
    editorial_notes: notes,
    added: context.added,
  } as Article;
  return { id, data, body: body.join('\n\n') + '\n', todos, done };
}

/** Drafts the article(s) in a capture: two when a "read also" heading introduces a second one. */
export function draftArticles(text: string, context: DraftContext): Draft[] {
  const lines = text.split(/\r?\n/).map((line, i) => ({ line: i + 1, text: line.trim() })).filter((l) => l.text);
  const readAlso = findReadAlso(text.split(/\r?\n/), context.rules);
  if (readAlso === undefined) {
    const draft = draftOne(lines, context);
    // The article is the whole capture: no line range.
    delete (draft.data.capture as { lines?: unknown }).lines;
    return [draft];
  }
  const firstPart = lines.filter((l) => l.line < readAlso);
  const secondPart = lines.filter((l) => l.line > readAlso);
  const second = draftOne(secondPart, { ...context, source: undefined, event: undefined, idSuffix: '-2' });
  const first = draftOne(firstPart, context, { see: second.id, text: secondPart.map((l) => l.text).join('\n').slice(0, 200) });
  first.data.editorial_notes.push({ action: 'removed', text: lines.find((l) => l.line === readAlso)!.text, reason: 'The page\'s "read also" heading introducing the next, unrelated article.' });
  second.data.editorial_notes.push({ action: 'split', text: firstPart[0]?.text ?? '', reason: `${TODO}: this article was appended to another in the same capture; say so.`, see: first.id });
  first.done.push(`found a second article after the "read also" heading on line ${readAlso} and drafted it as ${second.id}`);
  return [first, second];
}
