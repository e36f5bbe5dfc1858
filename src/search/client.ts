/**
 * The search page's script: the only JavaScript on the site. It loads one
 * Pagefind bundle per language (each with its own stemmer and diacritics
 * rule), searches them all, merges the results, and keeps the URL in step.
 */
import { isolate } from '../lib/bidi.ts';
import { LABELLED_FILTERS, LABELS_DIR, labelFileOf, type LabelFile, type LabelledFilter } from '../lib/filter-labels.ts';
import { textDirection } from '../lib/languages.ts';
import { scriptsOf } from '../lib/scripts.ts';
import { trimExcerptEdges } from '../lib/search-excerpt.ts';
import {
  FILTER_KEYS,
  filterValueOrder,
  finderMatches,
  formatSearchState,
  localizeResultUrl,
  mergeFilterCounts,
  mergeSorted,
  needsExactDiacritics,
  parseSearchState,
  toPagefindFilters,
  toPagefindSort,
  type FilterKey,
  type SearchState,
} from '../lib/search-state.ts';

/**
 * The part of Pagefind's module API used here (pagefind.js, imported once per
 * bundle). Not one module with an instance per bundle (createInstance): the
 * instances would share one WebAssembly binding, and each language's differs.
 */
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, options: Record<string, unknown>): Promise<PagefindResponse>;
}
interface PagefindResponse {
  results: { id: string; score: number; data: () => Promise<PagefindResult> }[];
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

/** Strings the page hands to this script, from the typed dictionary. */
type Strings = Record<string, string>;

const PAGE_SIZE = 10;
const VISIBLE_FILTER_VALUES = 8;

/** One entry of /pagefind/bundles.json, written by scripts/search-index.ts. */
interface BundleEntry {
  bundle: string;
  scripts: string[];
}

/** /pagefind/bundles.json: the bundles, and how many files of filter labels each interface language has. */
interface Manifest {
  bundles: BundleEntry[];
  /** Absent from a manifest written before there were labels, which a browser may hold across a deploy. */
  labels?: Record<string, number>;
}

/** The manifest, fetched once. */
function createManifestLoader(): () => Promise<Manifest> {
  let manifest: Promise<Manifest> | undefined;
  return () => (manifest ??= fetch('/pagefind/bundles.json').then((r) => r.json() as Promise<Manifest>));
}

interface Config {
  lang: string;
  segment: string;
  strings: Strings;
}

function readConfig(app: HTMLElement): Config {
  return {
    lang: document.documentElement.lang,
    segment: app.dataset.segment ?? '',
    strings: JSON.parse(document.getElementById('search-strings')!.textContent!) as Strings,
  };
}

function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_placeholder, name: string) => String(values[name] ?? ''));
}

/**
 * Loads the bundles that can hold a query's scripts, each once, on first use.
 * Every bundle is its own module instance with its own WebAssembly, so each
 * language is searched with its own stemmer.
 */
function createBundleLoader(manifest: () => Promise<Manifest>): (query: string) => Promise<PagefindModule[]> {
  const modules = new Map<string, Promise<PagefindModule>>();
  const load = (bundle: string) => {
    let module = modules.get(bundle);
    if (!module) {
      const basePath = `/pagefind/${bundle}/`;
      module = (async () => {
        const instance = (await import(/* @vite-ignore */ `${basePath}pagefind.js`)) as PagefindModule;
        await instance.options({ basePath, excerptLength: 24 });
        await instance.init();
        return instance;
      })();
      modules.set(bundle, module);
    }
    return module;
  };
  return async (query) => {
    const scripts = scriptsOf(query);
    const wanted = (await manifest()).bundles.filter((entry) => scripts.length === 0 || entry.scripts.some((s) => scripts.includes(s)));
    return Promise.all(wanted.map((entry) => load(entry.bundle)));
  };
}

/**
 * Loads the filter indexes of some bundles, each once. They list every event,
 * entity, source… with its pages, and are most of what a search downloads in a
 * large archive (about 1.3 MB a bundle at 100,000 articles), so they load only
 * when the reader opens the filters. Once loaded, results come with filter counts.
 */
function createFilterLoader(): (instances: readonly PagefindModule[]) => Promise<void> {
  const loaded = new WeakMap<PagefindModule, Promise<unknown>>();
  return async (instances) => {
    await Promise.all(instances.map((instance) => {
      let filters = loaded.get(instance);
      if (!filters) loaded.set(instance, (filters = instance.filters()));
      return filters;
    }));
  };
}

/**
 * Loads the labels of filter values in interface language `lang` (src/lib/filter-labels.ts): only the files that
 * hold the values asked for, each once. A value whose file cannot be loaded keeps its English name.
 */
function createLabelLoader(lang: string, manifest: () => Promise<Manifest>) {
  const files = new Map<number, Promise<LabelFile>>();
  const known = new Map<string, string>();
  const keyOf = (filter: LabelledFilter, value: string) => `${filter}:${value}`;
  return {
    load: async (values: readonly [LabelledFilter, string][]): Promise<void> => {
      const count = (await manifest()).labels?.[lang] ?? 0;
      if (count === 0) return;
      const wanted = new Set(values.map(([filter, value]) => labelFileOf(filter, value, count)));
      await Promise.all([...wanted].map((i) => {
        let file = files.get(i);
        if (!file) {
          file = fetch(`/pagefind/${LABELS_DIR}/${lang}/${i}.json`)
            .then((r): Promise<LabelFile> | LabelFile => (r.ok ? (r.json() as Promise<LabelFile>) : {}))
            .catch((): LabelFile => ({}))
            .then((labels) => {
              for (const filter of LABELLED_FILTERS) for (const [value, label] of Object.entries(labels[filter] ?? {})) known.set(keyOf(filter, value), label);
              return labels;
            });
          files.set(i, file);
        }
        return file;
      }));
    },
    /** The label of a value loaded before, if it has one. */
    of: (filter: LabelledFilter, value: string): string | undefined => known.get(keyOf(filter, value)),
  };
}

/**
 * A finder for a filter's folded values: a search box, labelled `label`, that hides the values whose names do
 * not hold what the reader types, and says how many it shows (`count`, also to a screen reader). It starts with
 * `query`, what was typed before the filters were drawn again.
 */
function createFinder(label: string, query: string, typed: (query: string) => void, count: (shown: number, total: number) => string) {
  const element = document.createElement('div');
  element.className = 'value-finder';
  const labelled = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'search';
  input.autocomplete = 'off';
  input.value = query;
  labelled.append(label, input);
  // Beside the label, not in it: the box's name stays the same as the count changes.
  const shownCount = document.createElement('span');
  shownCount.className = 'count';
  shownCount.setAttribute('aria-live', 'polite');
  element.append(labelled, shownCount);
  const values: { label: HTMLLabelElement; names: string[] }[] = [];
  const narrowing = () => input.value.trim() !== '';
  const narrow = () => {
    let shown = 0;
    for (const value of values) {
      value.label.hidden = narrowing() && !finderMatches(input.value, value.names);
      if (!value.label.hidden) shown++;
    }
    shownCount.textContent = narrowing() ? count(shown, values.length) : '';
  };
  input.addEventListener('input', () => {
    typed(input.value);
    narrow();
  });
  // Enter in the finder would submit the filters' form, which has no action of its own.
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') event.preventDefault();
  });
  return { element, add: (label: HTMLLabelElement, names: string[]) => values.push({ label, names }), narrowing, narrow };
}

const isLabelled = (key: FilterKey): key is LabelledFilter => (LABELLED_FILTERS as readonly string[]).includes(key);

/** Copies Pagefind's excerpt into `target`, keeping only text and <mark>, without separators at its edges. */
function appendExcerpt(target: HTMLElement, excerpt: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerpt; // inert: nothing in a template runs
  const parts = [...template.content.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE || node.nodeName === 'MARK')
    .map((node) => ({ text: node.textContent ?? '', marked: node.nodeName === 'MARK' }));
  for (const { text, marked } of trimExcerptEdges(parts)) {
    if (!marked) target.append(text);
    else {
      const mark = document.createElement('mark');
      mark.textContent = text;
      target.append(mark);
    }
  }
}

export function startSearch(): void {
  const app = document.getElementById('search-app');
  const form = document.getElementById('search-form') as HTMLFormElement | null;
  if (!app || !form) return;
  const config = readConfig(app);
  const s = config.strings;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const filterForm = document.getElementById('search-filters') as HTMLFormElement;
  const filterToggle = document.getElementById('search-show-filters') as HTMLButtonElement;
  const filterGroups = document.getElementById('search-filter-groups')!;
  const manifest = createManifestLoader();
  const loadBundles = createBundleLoader(manifest);
  const loadFilters = createFilterLoader();
  const labels = createLabelLoader(config.lang, manifest);
  const languageNames = new Intl.DisplayNames([config.lang], { type: 'language' });
  const dateFormats = {
    day: new Intl.DateTimeFormat(config.lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
    month: new Intl.DateTimeFormat(config.lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    year: new Intl.DateTimeFormat(config.lang, { year: 'numeric', timeZone: 'UTC' }),
  } as const;

  document.getElementById('search-nojs')?.remove();
  app.hidden = false;

  let state = parseSearchState(location.search);
  let searchId = 0;
  /** Whether the filters are open: a reader who arrives with filters set sees them. */
  let filtersOpen = false;
  const setFiltersOpen = (open: boolean) => {
    filtersOpen = open;
    filterToggle.setAttribute('aria-expanded', String(open));
    filterGroups.hidden = !open;
  };
  /** What the reader typed into each filter list's finder, kept while the filters are drawn again. */
  const finderQueries = new Map<FilterKey, string>();
  let pending: AsyncGenerator<PagefindResult> | undefined;
  let lookahead: PagefindResult | undefined;

  /** A filter value as the reader's interface shows it, and the language it is then in (undefined: the interface's). */
  const valueLabel = (key: FilterKey, value: string): { text: string; lang?: string } => {
    if (key === 'language') return { text: languageNames.of(value) ?? value };
    if (key === 'type') return { text: s[`search.type.${value}`] ?? value };
    if (key === 'entity_kind') return { text: s[`entity.kind.${value}`] ?? value };
    // Records are named in English where they have no name in the interface's language.
    const label = isLabelled(key) ? labels.of(key, value) : undefined;
    return label === undefined ? { text: value, lang: 'en' } : { text: label };
  };

  /** The values a filter shows: those that match something now, and those the reader chose. */
  const shownValues = (key: FilterKey, counts: Record<string, Record<string, number>>, totals: Record<string, Record<string, number>>) =>
    Object.keys(totals[key] ?? {}).filter((value) => (counts[key]?.[value] ?? 0) > 0 || (state.filters[key] ?? []).includes(value));

  function renderFilters(counts: Record<string, Record<string, number>>, totals: Record<string, Record<string, number>>): void {
    const groups = document.createDocumentFragment();
    for (const key of FILTER_KEYS) {
      const values = shownValues(key, counts, totals);
      if (values.length === 0) continue;
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = s[`search.filter.${key}`] ?? key;
      fieldset.append(legend);
      const collator = new Intl.Collator(config.lang);
      const sorted = values.sort(filterValueOrder(key, counts[key] ?? {}, (a, b) => collator.compare(valueLabel(key, a).text, valueLabel(key, b).text)));
      // Long lists show their first values; the rest fold away under "more", with a finder to narrow them.
      const overflow = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = s['search.moreValues']!;
      const finder = createFinder(
        format(s['search.findValue']!, { filter: legend.textContent ?? key }),
        finderQueries.get(key) ?? '',
        (query) => finderQueries.set(key, query),
        (shown, total) => format(s['search.findCount']!, { shown: shown.toLocaleString(config.lang), total: total.toLocaleString(config.lang) }),
      );
      overflow.append(summary, finder.element);
      sorted.forEach((value, position) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = key;
        box.value = value;
        box.checked = state.filters[key]?.includes(value) ?? false;
        const text = document.createElement('span');
        const shown = valueLabel(key, value);
        text.textContent = shown.text;
        text.lang = shown.lang ?? config.lang;
        text.dir = textDirection(text.lang);
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = ` (${(counts[key]?.[value] ?? 0).toLocaleString(config.lang)})`;
        label.append(box, text, count);
        if (position < VISIBLE_FILTER_VALUES) fieldset.append(label);
        else {
          overflow.append(label);
          finder.add(label, [shown.text, value]);
        }
        if (box.checked && position >= VISIBLE_FILTER_VALUES) overflow.open = true;
      });
      if (sorted.length > VISIBLE_FILTER_VALUES) {
        fieldset.append(overflow);
        // A reader who narrowed the list and then chose a value finds it narrowed still.
        if (finder.narrowing()) {
          overflow.open = true;
          finder.narrow();
        }
      }
      groups.append(fieldset);
    }
    filterGroups.querySelector('.filter-values')!.replaceChildren(groups);
  }

  /**
   * A result's `field` (title, source) in a span that says its language: as
   * the reader's interface language names it when the index recorded that
   * (meta `<field>_in_<lang>`, src/lib/search-fields.ts), else as indexed, in `indexedIn`.
   */
  function inLanguage(meta: Record<string, string>, field: string, indexedIn: string): HTMLSpanElement | undefined {
    const localized = meta[`${field}_in_${config.lang}`];
    const text = localized ?? meta[field];
    if (!text) return undefined;
    const lang = localized ? config.lang : indexedIn;
    const span = document.createElement('span');
    span.textContent = text;
    span.lang = lang;
    span.dir = textDirection(lang);
    return span;
  }

  function renderResult(result: PagefindResult): HTMLLIElement {
    const item = document.createElement('li');
    const meta = result.meta;
    const language = meta.language;
    const link = document.createElement('a');
    link.className = 'item-title';
    link.href = localizeResultUrl(result.url, config.segment);
    if (meta.untitled) {
      link.textContent = s['article.untitled']!;
    } else {
      // An article's title is in its language; any other page's is English unless the reader's interface language has its own.
      link.append(inLanguage(meta, 'title', language ?? 'en') ?? result.url);
    }
    // A page in another language than the interface's says so, as the site's own links do: a guide (English only)
    // to the eye too, an article in its language's name below.
    const pageLanguage = meta.type === 'documentation' ? 'en' : language;
    if (pageLanguage && pageLanguage !== config.lang) link.hreflang = pageLanguage;
    if (meta.type === 'documentation' && config.lang !== 'en') {
      const marker = document.createElement('span');
      marker.className = 'link-lang';
      marker.textContent = ` ${s['link.inEnglish']}`;
      link.append(marker);
    }
    item.append(link);
    if (meta.title_en) {
      const english = document.createElement('div');
      english.className = 'en-title';
      english.lang = 'en';
      english.dir = 'ltr';
      english.textContent = meta.title_en;
      item.append(english);
    }
    const details = document.createElement('div');
    details.className = 'meta';
    // An entity says what it is ("Person"), as its page does, rather than what kinds there are.
    const kind = meta.type === 'entity' && meta.kind ? s[`entity.kind.${meta.kind}`] : undefined;
    const parts: (string | HTMLSpanElement | undefined)[] = [kind ?? s[`search.type.${meta.type}`]];
    if (language) parts.push(languageNames.of(language) ?? language);
    parts.push(inLanguage(meta, 'source', 'en'));
    if (meta.published && meta.precision) {
      const [year, month = 1, day = 1] = meta.published.split('-').map(Number);
      parts.push(dateFormats[meta.precision as keyof typeof dateFormats].format(new Date(Date.UTC(year!, month - 1, day))));
    }
    details.append(...parts.filter((part): part is string | HTMLSpanElement => Boolean(part)).flatMap((part, i) => (i === 0 ? [part] : [' · ', part])));
    item.append(details);
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    // A match on a page's names in another script has its excerpt in that script's language. A page with no
    // language of its own (an event, entity, source or guide) is indexed in its English version: without its own
    // lang and dir, its excerpt would be laid out right to left on an Arabic page.
    const excerptLanguage = meta.excerpt_language ?? language ?? 'en';
    excerpt.lang = excerptLanguage;
    excerpt.dir = textDirection(excerptLanguage);
    appendExcerpt(excerpt, result.excerpt);
    item.append(excerpt);
    return item;
  }

  /** Shows the next page of results; reads one result ahead so "More results" shows only when there are more. */
  async function showMore(id: number): Promise<void> {
    if (!pending) return;
    const results: PagefindResult[] = lookahead ? [lookahead] : [];
    lookahead = undefined;
    while (results.length <= PAGE_SIZE) {
      const next = await pending.next();
      if (id !== searchId) return;
      if (next.done) {
        pending = undefined;
        break;
      }
      results.push(next.value);
    }
    if (results.length > PAGE_SIZE) lookahead = results.pop();
    list.append(...results.map(renderResult));
    more.hidden = !lookahead;
  }

  async function runSearch(): Promise<void> {
    const id = ++searchId;
    input.value = state.query;
    list.replaceChildren();
    list.setAttribute('aria-busy', 'true');
    more.hidden = true;
    pending = undefined;
    lookahead = undefined;
    if (!state.query) {
      status.textContent = s['search.empty']!;
      filterForm.hidden = true;
      list.setAttribute('aria-busy', 'false');
      return;
    }
    status.textContent = s['search.searching']!;
    try {
      const bundles = await loadBundles(state.query);
      if (Object.keys(state.filters).length > 0 && !filtersOpen) setFiltersOpen(true);
      if (filtersOpen) await loadFilters(bundles);
      const options = { filters: toPagefindFilters(state.filters), sort: toPagefindSort(state.sort) };
      // Every bundle holds names in every script, so the rule follows the query's script, not the bundle's language.
      const exactDiacritics = needsExactDiacritics(state.query);
      const responses = await Promise.all(
        bundles.map(async (bundle) => {
          await bundle.options({ exactDiacritics });
          return bundle.search(state.query, options);
        }),
      );
      if (id !== searchId) return;
      const total = responses.reduce((sum, r) => sum + r.results.length, 0);
      if (filtersOpen) {
        const [counts, totals] = [mergeFilterCounts(responses.map((r) => r.filters)), mergeFilterCounts(responses.map((r) => r.totalFilters))];
        await labels.load(LABELLED_FILTERS.flatMap((key) => shownValues(key, counts, totals).map((value): [LabelledFilter, string] => [key, value])));
        if (id !== searchId) return;
        renderFilters(counts, totals);
      }
      (filterForm.querySelector('select[name="sort"]') as HTMLSelectElement).value = state.sort;
      filterForm.hidden = false;
      if (state.sort === 'relevance') {
        const ranked = responses.flatMap((r) => r.results).sort((a, b) => b.score - a.score);
        pending = (async function* () {
          for (const result of ranked) yield await result.data();
        })();
      } else {
        // Each index returns its results sorted by date; interleave them, loading only what is shown.
        const direction = state.sort === 'newest' ? -1 : 1;
        const streams = responses.map((r) =>
          (async function* () {
            for (const result of r.results) yield await result.data();
          })(),
        );
        pending = mergeSorted(streams, (a, b) => direction * (a.meta.published ?? '').localeCompare(b.meta.published ?? ''));
      }
      await showMore(id);
      if (id !== searchId) return;
      // Announced once the first results are on the page.
      // The query is isolated: a Latin query in an Arabic sentence would otherwise carry the quote marks and count after it into its own direction.
      const query = isolate(state.query);
      const counted = total === 0 ? format(s['search.noResults']!, { query }) : format(s['search.results']!, { query, count: total.toLocaleString(config.lang) });
      // Pagefind sorts only pages that have a date: the others leave the results, and the reader is told why the count fell.
      if (state.sort === 'relevance') status.textContent = counted;
      else status.replaceChildren(counted, document.createElement('br'), s['search.undatedLeftOut']!);
    } catch (error) {
      console.error(error);
      status.textContent = s['search.error']!;
    } finally {
      if (id === searchId) list.setAttribute('aria-busy', 'false');
    }
  }

  function commit(next: SearchState, mode: 'push' | 'replace'): void {
    state = next;
    const url = `${location.pathname}${formatSearchState(state)}`;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    void runSearch();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    commit({ ...state, query: input.value.trim() }, 'push');
  });
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => commit({ ...state, query: input.value.trim() }, 'replace'), 300);
  });
  filterForm.addEventListener('change', (event) => {
    // A finder narrows a list; it is no filter.
    if ((event.target as HTMLElement).closest('.value-finder')) return;
    const data = new FormData(filterForm);
    const filters: SearchState['filters'] = {};
    for (const key of FILTER_KEYS) {
      const values = data.getAll(key).map(String);
      if (values.length > 0) filters[key] = values;
    }
    commit({ ...state, filters, sort: (data.get('sort') as SearchState['sort']) ?? 'relevance' }, 'push');
  });
  filterForm.addEventListener('reset', (event) => {
    event.preventDefault();
    commit({ ...state, filters: {} }, 'push');
  });
  filterToggle.addEventListener('click', () => {
    setFiltersOpen(!filtersOpen);
    if (filtersOpen) void runSearch();
  });
  more.addEventListener('click', () => void showMore(searchId));
  window.addEventListener('popstate', () => {
    state = parseSearchState(location.search);
    void runSearch();
  });

  void runSearch();
}
