/**
 * The maintainer's path, end to end, on a copy of the project: content:new on
 * a capture that is not in the corpus, resolve its TODOs, content:fix and
 * content:check (clean), build, and find the new article on its event page,
 * in search and in the exports.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { builtPages } from '../scripts/lib/astro-output.ts';
import { EXPORT_READY_ENV, loadDataset } from '../src/lib/dataset-file.ts';
import { parse } from 'yaml';
import { launchBrowser } from './helpers/browser.ts';
import { listedChecksums, readChecksums, ROOT } from './helpers/dist.ts';
import { serveDist } from './helpers/server.ts';
import { copyProject, type ProjectCopy } from './helpers/project-copy.ts';

/** A short capture written for this test: Malay, headline printed twice, a share widget and a source link. */
const CAPTURE = `Putin dan Lukashenko menandatangani perjanjian jaminan keselamatan di Minsk

Putin dan Lukashenko menandatangani perjanjian jaminan keselamatan di Minsk

6 Disember 2024

Presiden Rusia Vladimir Putin dan Presiden Belarus Alexander Lukashenko menandatangani perjanjian jaminan keselamatan bersama di Minsk pada hari Jumaat, ketika kedua-dua pemimpin menghadiri mesyuarat Majlis Tertinggi Negara Kesatuan.

Perjanjian itu membolehkan penggunaan senjata nuklear taktikal Rusia yang ditempatkan di Belarus untuk mempertahankan kedua-dua negara daripada pencerobohan, kata para pegawai.

Share this article

Source link
`;

let project: ProjectCopy;
/** The article the first test adds and builds, for the test of the rebuild after it. */
let added: { file: string; id: string; capture: string } | undefined;
const EVENT = '2024-12-06-minsk-security-guarantees-treaty';
/** content/dataset.yaml before the first test adds a release for its article, which the second test removes. */
let datasetBefore: string | undefined;
/** The project's newest release, and the next minor one, which publishes the added article. */
const NEWEST = (await loadDataset(ROOT)).releases[0]!;
const NEXT_VERSION = `${NEWEST.version.split('.')[0]}.${Number(NEWEST.version.split('.')[1]) + 1}.0`;
/** The release that publishes the added article, as a maintainer writes it above the others. */
const NEXT_RELEASE = (id: string) => `  - version: ${NEXT_VERSION}
    date: ${NEWEST.date}
    summary: One Malay report of the Minsk treaty.
    added:
      - ${id}
    corrected: []
    withdrawn: []
`;

before(async () => {
  project = await copyProject();
  await writeFile(join(project.dir, 'new-capture.txt'), CAPTURE);
});
after(() => project?.remove());

/** The links the Malay search page of the copy's built site lists for `query`, in Chromium. */
async function searchCopy(query: string): Promise<(string | null)[]> {
  // The browser first: if it cannot start, no server is left open to keep the test process alive.
  const browser = await launchBrowser();
  const server = await serveDist(join(project.dir, 'dist'));
  try {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/ms/search/?q=${encodeURIComponent(query)}`);
    await page.waitForSelector('#search-results[aria-busy="false"]', { state: 'attached' });
    return await page.$$eval('#search-results a.item-title', (links) => links.map((a) => a.getAttribute('href')));
  } finally {
    await browser.close();
    await server.close();
  }
}

test('the contributing guide says the same in the repository and on the site', async () => {
  // Each has its own opening (a title, a link to the other); from the first section on, they are one text.
  const sections = (text: string) => text.slice(text.indexOf('\n## '));
  const [repository, site] = await Promise.all(['CONTRIBUTING.md', 'src/pages/docs/contributing.md'].map((file) => readFile(join(ROOT, file), 'utf8')));
  assert.ok(sections(repository!).length > 1000);
  assert.equal(sections(repository!), sections(site!));
});

test('--help explains content:new and content:fix', () => {
  for (const script of ['scripts/content-new.ts', 'scripts/content-fix.ts', 'scripts/export.ts', 'scripts/import.ts', 'scripts/search-index.ts']) {
    const { code, output } = project.run([script, '--help']);
    assert.equal(code, 0, script);
    assert.match(output, /^Usage: /m, script);
  }
});

test('content:new refuses an id given by hand that names no record, saying which one was meant, and an empty capture, and writes nothing', async () => {
  const before = await readdir(join(project.dir, 'content', 'captures'));
  const slip = project.run(['scripts/content-new.ts', 'new-capture.txt', '--source', 'seaprwir']);
  assert.equal(slip.code, 1, slip.output);
  assert.match(slip.output, /--source seaprwir: no such record in content\/sources\/\. Did you mean --source seaprwire\?/);
  const unknown = project.run(['scripts/content-new.ts', 'new-capture.txt', '--source', 'seaprwire', '--event', 'a-summit-never-recorded']);
  assert.equal(unknown.code, 1, unknown.output);
  assert.match(unknown.output, /--event a-summit-never-recorded: no such record in content\/events\/\. Add content\/events\/a-summit-never-recorded\.md first/);
  await writeFile(join(project.dir, 'empty-capture.txt'), '\n');
  const empty = project.run(['scripts/content-new.ts', 'empty-capture.txt']);
  assert.equal(empty.code, 1, empty.output);
  assert.match(empty.output, /empty-capture\.txt is empty: there is no text to archive/);
  assert.deepEqual(await readdir(join(project.dir, 'content', 'captures')), before, 'nothing written');
});

test('a new capture goes from content:new to the event page, search and the exports', async () => {
  const drafted = project.run(['scripts/content-new.ts', 'new-capture.txt', '--source', 'seaprwire', '--added', '2026-11-20']);
  assert.equal(drafted.code, 0, drafted.output);
  assert.match(drafted.output, /language ms \(detected\)/);
  assert.match(drafted.output, /headline printed twice/);
  assert.match(drafted.output, /TODO: list its topics, ids of content\/topics\/: .*\bmilitary-cooperation\b.*\bunion-state\b/, 'the vocabulary to choose from');
  const file = /drafted (content\/articles\/\S+\.md)/.exec(drafted.output)![1]!;

  // A second run refuses the same capture, naming the article that has it.
  const again = project.run(['scripts/content-new.ts', 'new-capture.txt']);
  assert.equal(again.code, 1);
  assert.match(again.output, new RegExp(`already archived .* as ${file.split('/').at(-1)!.replace('.md', '')}`));

  const draft = await readFile(join(project.dir, file), 'utf8');
  const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(draft)![1]!);
  assert.equal(front.title, 'Putin dan Lukashenko menandatangani perjanjian jaminan keselamatan di Minsk');
  assert.deepEqual(front.published, { value: '2024-12-06', precision: 'day', basis: 'stated', evidence: '"6 Disember 2024"' });
  assert.deepEqual(front.events, [EVENT], 'proposed the event by date and shared entities');
  assert.ok(front.entities.includes('alexander-lukashenko') && front.entities.includes('minsk'));
  assert.deepEqual(front.editorial_notes.map((n: { text: string }) => n.text).sort(), ['6 Disember 2024', 'Putin dan Lukashenko menandatangani perjanjian jaminan keselamatan di Minsk', 'Share this article', 'Source link'].sort());

  // The draft is not accepted until its TODOs are resolved.
  const unresolved = project.run(['scripts/content-check.ts']);
  assert.equal(unresolved.code, 1);
  assert.match(unresolved.output, /\[todo\]/);
  // Nor built: the build stops with the check's messages, and links nothing into dist/.
  const refused = project.run(['scripts/build.ts']);
  assert.equal(refused.code, 1);
  assert.match(refused.output, /\[todo\][\s\S]*build: content check failed/);
  assert.equal(existsSync(join(project.dir, 'dist', 'data')), false, 'nothing linked into dist/');

  // The maintainer resolves them.
  await writeFile(join(project.dir, file), draft.replace(/description: .*TODO.*$/m, 'description: A test capture written for the maintainer workflow test.'));
  const fixed = project.run(['scripts/content-fix.ts']);
  assert.equal(fixed.code, 0, fixed.output);
  const id = file.split('/').at(-1)!.replace('.md', '');
  // Nor until a release adds it, so that the changelog says when it came.
  const unreleased = project.run(['scripts/content-check.ts']);
  assert.equal(unreleased.code, 1, unreleased.output);
  assert.match(unreleased.output, new RegExp(`^${file}:2:1  error  id: is in no release of content/dataset\\.yaml.*\\[release\\]\\n {4}fix: list "${id}" under "added" in the release that publishes it.*${NEXT_VERSION.replaceAll('.', '\\.')}`, 'm'));
  const datasetFile = join(project.dir, 'content/dataset.yaml');
  datasetBefore = await readFile(datasetFile, 'utf8');
  await writeFile(datasetFile, datasetBefore.replace('releases:\n', `releases:\n${NEXT_RELEASE(id)}`));
  const checked = project.run(['scripts/content-check.ts']);
  assert.equal(checked.code, 0, checked.output);

  const built = project.run(['scripts/build.ts']);
  assert.equal(built.code, 0, built.output.slice(-3000));
  // Astro's cached copy of a page it renders is the page itself, so it is not written a second time (src/integrations/output-in-place.ts).
  const writtenOnce = Number(/(\d+) page\(s\) written once/.exec(built.output)?.[1] ?? 0);
  assert.ok(writtenOnce > 0, `pages written once: ${writtenOnce}`);

  const eventPage = await readFile(join(project.dir, 'dist/ms/events', EVENT, 'index.html'), 'utf8');
  assert.ok(eventPage.includes(`href="/articles/${id}/"`), 'listed on its event page');
  const jsonl = await readFile(join(project.dir, 'dist/data/jsonl/articles.jsonl'), 'utf8');
  assert.ok(jsonl.split('\n').some((line) => line.includes(`"id":"${id}"`)), 'in the exports');
  const changelog = await readFile(join(project.dir, 'dist/data/CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`## ${NEXT_VERSION.replaceAll('.', '\\.')} \\(${NEWEST.date}\\)[^#]*- ${id}\\n`), 'the changelog says which release added it');
  assert.ok(existsSync(join(project.dir, `dist/data/coverage-atlas-${NEXT_VERSION}.zip`)), 'the bag is the new release\'s');
  added = { file, id, capture: front.capture.path };

  const found = await searchCopy('menandatangani');
  assert.ok(found.includes(`/articles/${id}/`), `search found ${JSON.stringify(found)}`);
});

test('a rebuild keeps unchanged pages as they are and deletes the pages of a removed article', async () => {
  assert.ok(added, 'needs the build of the test above');
  // An article on another event: the rebuild must neither render nor copy its page again.
  const unchanged = join(project.dir, 'dist/articles/2021-12-30-lukashenko-praises-belarus-russia-ties-statecraft/index.html');
  const before = await stat(unchanged);
  // A capture that stays: the rebuild leaves its link in dist/ as it is rather than linking it again.
  const keptCapture = join(project.dir, 'dist/captures', (await readdir(join(project.dir, 'dist/captures'))).find((name) => !added!.capture.endsWith(name))!);
  const keptCaptureBefore = await stat(keptCapture);
  await rm(join(project.dir, added.file));
  await rm(join(project.dir, 'content', added.capture));
  await writeFile(join(project.dir, 'content/dataset.yaml'), datasetBefore!);
  // Astro keeps no second copy of the pages it renders: its cache's copy is dist/ itself (src/integrations/output-in-place.ts),
  assert.equal(await realpath(join(project.dir, '.cache/astro/dist')), await realpath(join(project.dir, 'dist')));
  // so a page deleted from dist/ is rendered again rather than restored.
  const deletedPage = 'articles/2025-putin-russia-iran-trade-growth-rt/';
  await rm(join(project.dir, 'dist', deletedPage), { recursive: true });

  const rebuilt = project.run(['scripts/build.ts']);
  assert.equal(rebuilt.code, 0, rebuilt.output.slice(-3000));
  assert.ok(builtPages(rebuilt.output).some(({ page, kept }) => page === `/${deletedPage}index.html` && !kept), 'the deleted page is rendered again');
  assert.match(await readFile(join(project.dir, 'dist', deletedPage, 'index.html'), 'utf8'), /<html lang="/);
  assert.equal(existsSync(join(project.dir, 'dist/articles', added.id)), false, 'its page is deleted');
  assert.equal(existsSync(join(project.dir, 'dist', added.capture)), false, 'its capture is no longer served');
  const eventPage = await readFile(join(project.dir, 'dist/ms/events', EVENT, 'index.html'), 'utf8');
  assert.ok(!eventPage.includes(`href="/articles/${added.id}/"`), 'no longer on its event page');
  const jsonl = await readFile(join(project.dir, 'dist/data/jsonl/articles.jsonl'), 'utf8');
  assert.ok(!jsonl.includes(`"id":"${added.id}"`), 'no longer in the exports');
  // The site renders while the exports are written: its /data/ page must show the new export, not the last one.
  const listed = listedChecksums(await readFile(join(project.dir, 'dist/data/index.html'), 'utf8'));
  const sums = await readChecksums(join(project.dir, 'dist/data'));
  assert.equal(listed.get('jsonl/articles.jsonl'), sums.get('jsonl/articles.jsonl'), 'the /data/ page shows the new checksum of the articles');
  for (const [path, hash] of listed) assert.equal(hash, sums.get(path), `/data/ page: ${path}`);
  const after = await stat(unchanged);
  assert.equal(after.mtimeMs, before.mtimeMs, 'the unchanged page was kept where it was');
  assert.equal(after.ino, before.ino);
  assert.equal((await stat(keptCapture)).ctimeMs, keptCaptureBefore.ctimeMs, 'a kept capture is not linked again');
});

/** The pages and feeds Astro's build output names, in the order it started them. */
const renderedPages = (output: string) => builtPages(output).map(({ page }) => page);

test('the site is built while the exports are written, and its /data/ pages wait for them, last', async () => {
  assert.ok(added, 'needs the builds of the tests above');
  const exportDir = join(project.dir, '.cache', 'data');
  const held = `${exportDir}-held`;
  const readyFile = `${exportDir}.ready`;
  // As when the exports have just started: no export to read, and no ready file.
  await rm(readyFile, { force: true });
  await rename(exportDir, held);
  const site = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: project.dir, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', [EXPORT_READY_ENV]: readyFile },
  });
  let output = '';
  site.stdout.on('data', (chunk: Buffer) => (output += chunk));
  site.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => site.once('close', resolve));
  let renderedWhileHeld: string[] = [];
  try {
    const started = Date.now();
    const dataPagesStarted = () => renderedPages(output).filter((page) => page.endsWith('/data/index.html')).length === 4;
    while (!dataPagesStarted() && site.exitCode === null && Date.now() - started < 300_000) await sleep(100);
    assert.ok(dataPagesStarted(), `Astro has started the four /data/ pages:\n${output.slice(-2000)}`);
    await sleep(2000);
    assert.equal(site.exitCode, null, `the site is still waiting for the export:\n${output.slice(-2000)}`);
    renderedWhileHeld = renderedPages(output);
  } finally {
    // The exports "complete".
    await rename(held, exportDir);
    await writeFile(readyFile, '');
  }
  assert.equal(await exited, 0, output.slice(-3000));
  // Every other page was rendered while the exports were held back, but the home pages: Astro renders a
  // route of more segments first, and the four /data/ pages took its four rendering slots.
  const renderedAfter = renderedPages(output).slice(renderedWhileHeld.length);
  assert.deepEqual(renderedAfter.sort(), ['/ar/index.html', '/hi/index.html', '/index.html', '/ms/index.html'], `rendered after the export: ${renderedAfter.join(', ')}`);
  const listed = listedChecksums(await readFile(join(project.dir, 'dist/data/index.html'), 'utf8'));
  assert.ok(listed.size > 0);
  for (const [path, hash] of listed) assert.equal(hash, (await readChecksums(exportDir)).get(path), `/data/ page: ${path}`);
});

test('a correction to one article\'s text renders its page and builds its search bundle again, and only those', async () => {
  assert.ok(added, 'needs the builds of the tests above');
  const file = join(project.dir, 'content/articles/2024-01-russia-belarus-leaders-meet-seaprwire.md');
  await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n\nPembetulan ini ditandatangani oleh Zebrakuda.\n`);
  const rebuilt = project.run(['scripts/build.ts']);
  assert.equal(rebuilt.code, 0, rebuilt.output.slice(-3000));
  const malay = /search: ms: \d+ records in [\d.]+ s \(files: (\d+) written, (\d+) unchanged, \d+ removed\)/.exec(rebuilt.output);
  assert.ok(malay, 'the Malay bundle is built again');
  // Of its files, only those whose bytes changed are written again (the corrected page's, the word index's, the metadata).
  const [written, unchanged] = [Number(malay[1]), Number(malay[2])];
  assert.ok(written > 0 && written < unchanged, `only the Malay bundle's changed files are written again: ${malay[0]}`);
  for (const bundle of ['ar', 'en', 'hi']) assert.match(rebuilt.output, new RegExp(`search: ${bundle}: unchanged, kept`), `the ${bundle} bundle is kept`);
  assert.deepEqual(await searchCopy('Zebrakuda'), ['/articles/2024-01-russia-belarus-leaders-meet-seaprwire/'], 'the new word is found in the corrected article');
  // Its page alone is rendered again: the pages and feeds that list it show no body. (The archive's own feed is
  // one file, a route without parameters and so without a cache key: it is rendered on every build.)
  const renderedAgain = builtPages(rebuilt.output).filter(({ kept }) => !kept).map(({ page }) => page);
  const recordPagesAndFeedsRenderedAgain = renderedAgain.filter((page) => /\/(?:articles|events|entities|sources|languages\/[^/]+)\/|\/feed\.xml$/.test(page));
  assert.deepEqual(recordPagesAndFeedsRenderedAgain.sort(), ['/articles/2024-01-russia-belarus-leaders-meet-seaprwire/index.html', '/feed.xml'], `rendered again: ${renderedAgain.join(', ')}`);
  const eventFeeds = builtPages(rebuilt.output).filter(({ page }) => /^\/events\/[^/]+\/feed\.xml$/.test(page));
  assert.equal(eventFeeds.length, (await readdir(join(project.dir, 'content/events'))).filter((name) => name.endsWith('.md')).length, 'every event has its feed');
});

test('a correction in Arabic builds the Arabic bundle again and keeps the Latin one, whose records it leaves as they were', async () => {
  assert.ok(added, 'needs the builds of the tests above');
  // The article's Latin names record (its English title, the Latin words of its text) does not change,
  // though the body it is taken from does: the Latin bundle's records are compared, not indexed again.
  const file = join(project.dir, 'content/articles/2024-01-29-putin-lukashenko-meet-st-petersburg-fars.md');
  await writeFile(file, `${(await readFile(file, 'utf8')).trimEnd()}\n\nصحّح هذا الخبر زبراكودا.\n`);
  const rebuilt = project.run(['scripts/build.ts']);
  assert.equal(rebuilt.code, 0, rebuilt.output.slice(-3000));
  assert.match(rebuilt.output, /search: ar: \d+ records in /, 'the Arabic bundle is built again');
  // Of the Latin bundle's pages, only the corrected article's is read to learn that: the others' records are known from the last build.
  assert.match(rebuilt.output, /search: en: its input changed, not its records \(1 of \d+ pages read in [\d.]+ s\): kept/, 'the Latin bundle is kept');
  for (const bundle of ['hi', 'ms']) assert.match(rebuilt.output, new RegExp(`search: ${bundle}: unchanged, kept`), `the ${bundle} bundle is kept`);
  assert.deepEqual(await searchCopy('زبراكودا'), ['/articles/2024-01-29-putin-lukashenko-meet-st-petersburg-fars/'], 'the new word is found in the corrected article');
});
