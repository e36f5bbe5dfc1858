/** Which name of a record to show in an interface language, with the language it is actually in. */
import { ENTITY_KINDS, type Entity, type Event, type Source, type Topic } from '../schema/index.ts';
import { articleCount, type Translate } from '../i18n/ui/index.ts';
import { countryName, textDirection } from './languages.ts';

/** A text together with its language and direction, ready for `lang`/`dir` attributes. */
export interface LangText {
  text: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

function inLanguage(text: string, lang: string): LangText {
  return { text, lang, dir: textDirection(lang) };
}

/**
 * The event's title in `lang` when it has one, else the English title.
 * @example eventTitle(event, 'ar') // { text: 'روسيا وبيلاروس…', lang: 'ar', dir: 'rtl' }
 */
export function eventTitle(event: Pick<Event, 'title' | 'titles'>, lang: string): LangText {
  const localized = event.titles[lang];
  return localized ? inLanguage(localized, lang) : inLanguage(event.title, 'en');
}

/** The entity's primary name in `lang` when recorded, else in English. */
export function entityName(entity: Pick<Entity, 'names'>, lang: string): LangText {
  const localized = entity.names[lang]?.[0];
  return localized ? inLanguage(localized, lang) : inLanguage(entity.names.en![0]!, 'en');
}

/**
 * The topic's name in `lang` when recorded, else in English.
 * @example topicName({ names: { en: 'Trade', hi: 'व्यापार' } }, 'hi') // { text: 'व्यापार', lang: 'hi', dir: 'ltr' }
 */
export function topicName(topic: Pick<Topic, 'names'>, lang: string): LangText {
  const localized = topic.names[lang];
  return localized ? inLanguage(localized, lang) : inLanguage(topic.names.en!, 'en');
}

/** The source's name as written in `lang` when recorded, else its Latin-script name. */
export function sourceName(source: Pick<Source, 'names' | 'name_latin'>, lang: string): LangText {
  const localized = source.names[lang];
  return localized ? inLanguage(localized, lang) : inLanguage(source.name_latin, 'en');
}

/**
 * Every name of a source, each once: as it writes its own name, in Latin script, then in other languages.
 * @example sourceNames({ name: 'Euronews', name_lang: 'en', name_latin: 'Euronews', names: { ar: 'يورونيوز' } }).map((n) => n.text) // ["Euronews", "يورونيوز"]
 */
export function sourceNames(source: Pick<Source, 'name' | 'name_lang' | 'name_latin' | 'names'>): LangText[] {
  const names = [inLanguage(source.name, source.name_lang), inLanguage(source.name_latin, 'en'), ...Object.entries(source.names).map(([lang, text]) => inLanguage(text, lang))];
  const shown = new Set<string>();
  return names.filter(({ text }) => {
    if (shown.has(text)) return false;
    shown.add(text);
    return true;
  });
}

/**
 * Entities in the order of the list of entities in interface language `lang`:
 * people, then places, then organisations, each by name as that language sorts it.
 */
export function entitiesInListOrder(entities: Iterable<Entity>, lang: string): Entity[] {
  const collator = new Intl.Collator(lang);
  const keyed = [...entities].map((entity) => ({ entity, kind: ENTITY_KINDS.indexOf(entity.kind), name: entityName(entity, lang).text }));
  keyed.sort((a, b) => a.kind - b.kind || collator.compare(a.name, b.name) || a.entity.id.localeCompare(b.entity.id));
  return keyed.map(({ entity }) => entity);
}

/**
 * A source in one line of the interface language: its kind, its country when known, and how many of its
 * articles the archive holds. The list of sources shows it, and a source's page describes itself with it.
 * @example sourceSummary(rt, 1, t, 'en') // "Broadcaster · Russia · Articles: 1"
 */
export function sourceSummary(source: Pick<Source, 'kind' | 'country'>, articles: number, t: Translate, lang: string): string {
  return [t(`source.kind.${source.kind}`), source.country && countryName(source.country, lang), articleCount(t, articles, lang)].filter(Boolean).join(' · ');
}
