/**
 * Pages driven in headless Chromium: direction, fonts actually used for the
 * text (no fallback boxes), keyboard access and axe-core, in light and dark
 * mode. Screenshots go to test-results/screenshots/ to be looked at.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadCollection } from '../src/lib/content-files.ts';
import { paths } from '../src/lib/routing.ts';
import type { Article } from '../src/schema/index.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ROOT } from './helpers/dist.ts';
import { serveDist, type StaticServer } from './helpers/server.ts';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SCREENSHOTS = `${ROOT}/test-results/screenshots`;
/** The self-hosted faces; any other family rendering text means a fallback font. */
const OUR_FONTS = new Set(['Noto Sans', 'Noto Sans Devanagari', 'Noto Naskh Arabic']);

let server: StaticServer;
let browser: Browser;
let articles: Article[];

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  articles = (await loadCollection(ROOT, 'articles')).records.map((r) => r.data);
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  const response = await page.goto(server.origin + path, { waitUntil: 'networkidle' });
  assert.equal(response?.status(), 200, path);
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** Runs axe-core (WCAG 2.1 A and AA plus best practices) and returns its violations. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

/** The font families Chromium actually used to draw the text inside `selector` (DevTools protocol). */
async function renderedFonts(page: Page, selector: string): Promise<Map<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `${selector}, ${selector} *` });
  const fonts = new Map<string, number>();
  for (const nodeId of nodeIds) {
    const { fonts: used } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of used) fonts.set(font.familyName, (fonts.get(font.familyName) ?? 0) + font.glyphCount);
  }
  await cdp.detach();
  return fonts;
}

function assertOnlyOurFonts(fonts: Map<string, number>, required: string): void {
  const foreign = [...fonts.keys()].filter((family) => !OUR_FONTS.has(family));
  assert.deepEqual(foreign, [], `text drawn in fallback fonts: ${foreign.join(', ')}`);
  assert.ok((fonts.get(required) ?? 0) > 100, `${required} drew too few glyphs: ${JSON.stringify([...fonts])}`);
}

describe('Arabic article', () => {
  test('lays out right to left, in the Arabic face, with no axe violations', async () => {
    const article = articles.find((a) => a.language === 'ar' && a.title)!;
    const page = await open(paths.article(article.id));
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'rtl');
    assert.equal(await page.$eval('.article-body', (el) => getComputedStyle(el).direction), 'rtl');
    assert.equal(await page.$eval('.article-body', (el) => getComputedStyle(el).textAlign), 'start');
    // Right to left: the heading's right edge is at the right of the content column.
    const [h1, main] = await Promise.all([page.$eval('h1', (el) => el.getBoundingClientRect().toJSON()), page.$eval('main', (el) => el.getBoundingClientRect().toJSON())]);
    assert.ok(main.right - h1.right < 40, 'Arabic heading is not right-aligned');
    assertOnlyOurFonts(await renderedFonts(page, '.article-body'), 'Noto Naskh Arabic');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${SCREENSHOTS}/article-ar.png`, fullPage: true });
    await page.close();
  });
});

describe('Hindi pages', () => {
  test('the Hindi home page speaks Hindi in the Devanagari face', async () => {
    const page = await open(paths.home('hi'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'hi');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), 'ltr');
    assertOnlyOurFonts(await renderedFonts(page, 'main'), 'Noto Sans Devanagari');
    assert.ok(await page.evaluate(() => [...document.fonts].some((f) => f.family.includes('Noto Sans Devanagari') && f.status === 'loaded')));
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${SCREENSHOTS}/home-hi.png`, fullPage: true });
    await page.close();
  });

  test('a Hindi article keeps its English caption in Latin script', async () => {
    const article = articles.find((a) => a.language === 'hi' && a.editorial_notes.some((n) => n.action === 'annotated'))!;
    const page = await open(paths.article(article.id));
    assertOnlyOurFonts(await renderedFonts(page, '.article-body'), 'Noto Sans Devanagari');
    assert.ok((await renderedFonts(page, '.article-body figure')).has('Noto Sans'));
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${SCREENSHOTS}/article-hi.png`, fullPage: true });
    await page.close();
  });
});

describe('event pages', () => {
  test('an event page in Arabic and in English, light and dark, has no axe violations', async () => {
    const event = articles.find((a) => a.language === 'ar')!.events[0]!;
    for (const [locale, scheme] of [['ar', 'light'], ['en', 'dark']] as const) {
      const page = await open(paths.event(locale, event), scheme);
      assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).direction), locale === 'ar' ? 'rtl' : 'ltr');
      assert.deepEqual(await axeViolations(page), [], `${locale} ${scheme}`);
      await page.screenshot({ path: `${SCREENSHOTS}/event-${locale}-${scheme}.png`, fullPage: true });
      await page.close();
    }
  });

  test('a title in the other direction lines up with its label, not with the far edge of the page', async () => {
    const event = articles.find((a) => a.language === 'ar')!.events[0]!;
    for (const locale of ['ar', 'en'] as const) {
      const page = await open(paths.event(locale, event));
      // Where each title's text starts, on the side where the page's lines start, against its value column.
      const offsets = await page.$$eval('.facts dd li[dir]', (items) => items.filter((li) => li.getAttribute('dir') !== document.dir).map((li) => {
        const text = document.createRange();
        text.selectNodeContents(li);
        const [line, column] = [text.getBoundingClientRect(), li.closest('dd')!.getBoundingClientRect()];
        return Math.round(document.dir === 'rtl' ? column.right - line.right : line.left - column.left);
      }));
      assert.ok(offsets.length > 0, `${locale}: the event has a title in the other direction`);
      assert.deepEqual(offsets, offsets.map(() => 0), locale);
      // The English title under the Arabic one starts where it does, on the right.
      if (locale === 'ar') {
        const gap = await page.$eval('h1 + .en-title', (p) => {
          const text = document.createRange();
          text.selectNodeContents(p);
          return Math.round(p.getBoundingClientRect().right - text.getBoundingClientRect().right);
        });
        assert.equal(gap, 0, 'the English title lines up with the Arabic one');
      }
      await page.close();
    }
    // The 404 page says it in every interface language, one line each, all starting where the English one does.
    const notFound = await open('/404.html');
    const starts = await notFound.$$eval('main li', (items) => items.map((li) => {
      const text = document.createRange();
      text.selectNodeContents(li);
      return Math.round(text.getBoundingClientRect().left - li.closest('ul')!.getBoundingClientRect().left);
    }));
    assert.deepEqual(starts, [0, 0, 0, 0], '/404.html');
    await notFound.close();
  });
});

describe('every kind of page', () => {
  test('a printed article is the article: no search box, menus or buttons', async () => {
    const arabic = articles.find((a) => a.language === 'ar')!;
    const page = await open(paths.article(arabic.id));
    await page.emulateMedia({ media: 'print' });
    const controls = await page.$$eval('input, button, select, nav a', (elements) => elements.filter((element) => (element as HTMLElement).checkVisibility()).map((element) => element.outerHTML.slice(0, 80)));
    assert.deepEqual(controls, []);
    assert.ok(await page.locator('.article-body').isVisible());
    await page.close();
  });

  test('no page is wider than a small phone, with or without wider text spacing', async () => {
    const hindi = articles.find((a) => a.language === 'hi')!;
    const pagesOfEachKind = [paths.home('ar'), paths.event('ar', hindi.events[0]!), paths.entity('hi', 'vladimir-putin'), paths.topic('ar', hindi.topics[0]!), paths.sources('ms'), paths.data('ar'), paths.dataDictionary(), paths.contributing(), paths.search('en')];
    // WCAG 1.4.12: a reader's own style sheet may widen letters, words and lines; no text may then be cut off.
    const textSpacing = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }';
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    for (const path of [...pagesOfEachKind, ...articles.map((article) => paths.article(article.id))]) {
      for (const spacing of [false, true]) {
        await page.goto(server.origin + path, { waitUntil: 'load' });
        if (spacing) await page.addStyleTag({ content: textSpacing });
        const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.equal(widths[0], widths[1], `${path} scrolls sideways at 320 px${spacing ? ' with wider text spacing' : ''}`);
      }
    }
    await page.close();
  });

  test('on a phone, a fact\'s value has the whole width, under its label', async () => {
    const hindi = articles.find((a) => a.language === 'hi')!;
    for (const path of [paths.event('en', hindi.events[0]!), paths.entity('ar', 'vladimir-putin'), paths.topic('hi', hindi.topics[0]!)]) {
      const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
      await page.goto(server.origin + path, { waitUntil: 'load' });
      const narrow = await page.$$eval('main .facts', (lists) => lists.flatMap((dl) => [...dl.querySelectorAll(':scope > dd')]
        .filter((dd) => dd.getBoundingClientRect().width < dl.getBoundingClientRect().width - 1).map((dd) => dd.textContent!.trim().slice(0, 40))));
      assert.deepEqual(narrow, [], path);
      await page.close();
    }
  });

  test('code is drawn in a fixed-width face', async () => {
    const page = await open(paths.contributing());
    const fonts = await renderedFonts(page, 'main pre, main code');
    assert.ok(fonts.size > 0, 'the guide has code');
    assert.deepEqual([...fonts.keys()].filter((family) => !/mono/i.test(family)), [], 'code in a proportional face');
    await page.close();
  });

  test('a wrapped list of names never starts a line with its separator', async () => {
    const arabic = articles.find((a) => a.language === 'ar')!;
    for (const [path, width] of [[paths.article(arabic.id), 1280], [paths.article(arabic.id), 360], [paths.source('en', arabic.source), 360]] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(server.origin + path, { waitUntil: 'networkidle' });
      // An item's separator (its ::after) that wrapped alone onto the next line gives the item one more line
      // box than its own text has.
      const wrapped = await page.$$eval('.inline-list > li:not(:last-child)', (items) => items.filter((li) => {
        const text = document.createRange();
        text.selectNodeContents(li);
        const lastTextLine = [...text.getClientRects()].at(-1)!;
        return [...li.getClientRects()].at(-1)!.top > lastTextLine.top + 1;
      }).map((li) => li.textContent));
      assert.ok(await page.$$eval('.inline-list > li', (items) => items.length) > 5, `${path}: lists to wrap`);
      assert.deepEqual(wrapped, [], `${path} at ${width} px`);
      await page.close();
    }
  });

  test('a sample of pages has no axe violations', async () => {
    // Every article: their lists of names are where small targets (WCAG 2.2's 24 px) would crowd.
    for (const path of [paths.home('en'), paths.home('ms'), paths.events('ar'), paths.languages('hi'), paths.sources('ms'), paths.source('hi', 'newsit'), paths.entities('ar'), paths.entity('en', 'alexander-lukashenko'), paths.entity('ar', 'vladimir-putin'), paths.topics('hi'), paths.topic('ar', 'nuclear-weapons'), ...articles.map((a) => paths.article(a.id)), paths.dataDictionary(), paths.about(), '/404.html']) {
      const page = await open(path);
      assert.deepEqual(await axeViolations(page), [], path);
      await page.close();
    }
  });

  test('the skip link is the first stop of the keyboard and has a visible focus ring', async () => {
    const page = await open(paths.home('ar'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), 'none');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => location.hash), '#main');
    await page.close();
  });
});
