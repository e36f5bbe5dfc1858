/**
 * A hostile pull request: an article whose Markdown and front matter carry
 * script in every form we could think of, and a topic named in markup. content:check must reject it; built
 * anyway, the site must contain no executable script, and in Chromium nothing
 * may run.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser } from './helpers/browser.ts';
import { serveDist } from './helpers/server.ts';
import { copyProject, type ProjectCopy } from './helpers/project-copy.ts';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';

const ID = '2024-12-06-hostile-pull-request';
const TOPIC = 'hostile-topic';
/** The topic's Arabic name, which the Arabic article's page shows. */
const TOPIC_NAME = '<img src=x onerror=alert(\'topic\')>';
const PAYLOADS = [
  '<script>alert("script")</script>',
  '<img src=x onerror="alert(\'img\')">',
  '[click](javascript:alert("link"))',
  '<a href="jav&#x61;script:alert(\'entity\')">entity-encoded</a>',
  '<svg onload="alert(\'svg\')"><script>alert("svg script")</script></svg>',
  '<iframe srcdoc="<script>alert(\'iframe\')</script>"></iframe>',
  '<details open ontoggle="alert(\'details\')">x</details>',
  '<math><mtext><table><mglyph><style><img src=x onerror="alert(\'mutation\')">',
  '<object data="javascript:alert(\'object\')"></object>',
  '<form><button formaction="javascript:alert(\'form\')">go</button></form>',
  '<style>@import url("javascript:alert(\'style\')");</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(\'meta\')">',
  '<span lang="en" onmouseover="alert(\'span\')" style="position:fixed;inset:0">hover</span>',
];

let project: ProjectCopy;

before(async () => {
  project = await copyProject();
  const template = await readFile(join(project.dir, 'content/articles/2024-12-06-new-nuclear-umbrella-russia-belarus-euronews.md'), 'utf8');
  const hostile = template
    .replace(/^id: .*$/m, `id: ${ID}`)
    .replace(/^title: .*$/m, 'title: "</title><script>alert(\'title\')</script>"')
    .replace(/^(\s+text: )"?A new nuclear umbrella.*$/m, '$1"\\"><img src=x onerror=alert(\'title_en\')>"')
    .replace(/^source: .*$/m, 'source: euronews\nbyline: "<script>alert(\'byline\')</script>"')
    .replace(/^topics:\n/m, `topics:\n  - ${TOPIC}\n`)
    // A different capture slice, so the duplicate rule does not mask the script rules.
    .replace(/^(\s+)- 1\n\s+- 11$/m, '$1- 1\n$1- 2');
  const [frontMatter] = /^---\n[\s\S]*?\n---\n/.exec(hostile)!;
  await writeFile(join(project.dir, 'content/articles', `${ID}.md`), `${frontMatter}\nنص المقال.\n\n${PAYLOADS.join('\n\n')}\n`);
  const names = { en: '<script>alert("topic")</script>', ar: TOPIC_NAME, hi: '<svg onload=alert(1)>', ms: '<b onclick=alert(1)>x</b>' };
  await writeFile(join(project.dir, 'content/topics', `${TOPIC}.yaml`), `id: ${TOPIC}\nnames:\n${Object.entries(names).map(([lang, name]) => `  ${lang}: ${JSON.stringify(name)}`).join('\n')}\ndescription: A hostile topic.\n`);
});
after(() => project?.remove());

test('content:check rejects every form of script, in the text and the front matter', () => {
  const { code, output } = project.run(['scripts/content-check.ts', '--format', 'json']);
  assert.equal(code, 1);
  const problems = (JSON.parse(output.slice(output.indexOf('['))) as { file: string; rule: string; field: string; line: number }[])
    .filter((p) => p.file.endsWith(`${ID}.md`) && p.rule === 'no-script');
  for (const field of ['title', 'text', 'byline']) assert.ok(problems.some((p) => p.field === field), `front matter ${field}`);
  const bodyLines = new Set(problems.filter((p) => p.field === '').map((p) => p.line));
  assert.ok(bodyLines.size >= PAYLOADS.length, `only ${bodyLines.size} of ${PAYLOADS.length} payload lines reported`);
  const all = JSON.parse(output.slice(output.indexOf('['))) as { file: string; rule: string; field: string }[];
  const topic = all.filter((p) => p.file === `content/topics/${TOPIC}.yaml` && p.rule === 'no-script').map((p) => p.field);
  assert.deepEqual(topic.sort(), ['ar', 'en', 'hi', 'ms'], 'every name of the topic');
});

test('built anyway, the page has no executable script and nothing runs in Chromium', async () => {
  const exported = project.run(['scripts/export.ts', '--out', '.cache/data']);
  assert.equal(exported.code, 0, exported.output.slice(-2000));
  const build = project.run(['node_modules/astro/bin/astro.mjs', 'build']);
  assert.equal(build.code, 0, build.output.slice(-2000));
  const html = await readFile(join(project.dir, 'dist/articles', ID, 'index.html'), 'utf8');
  const tree = fromHtml(html);
  const executable = selectAll('script', tree).filter((s) => s.properties?.type !== 'application/ld+json');
  assert.deepEqual(executable.map((s) => String(s.properties?.src ?? 'inline')), []);
  for (const element of selectAll('*', tree)) {
    for (const [name, value] of Object.entries(element.properties ?? {})) {
      assert.ok(!/^on/i.test(name), `${element.tagName} has an event handler ${name}`);
      if (typeof value === 'string') assert.doesNotMatch(value, /^\s*(javascript|vbscript|data):/i, `${element.tagName} ${name}`);
    }
  }
  const survivors = selectAll('.article-body iframe, .article-body object, .article-body embed, .article-body svg, .article-body math, .article-body form, .article-body button, .article-body style, .article-body meta, .article-body img, .article-body [style]', tree);
  assert.deepEqual(survivors.map((e) => e.tagName), [], 'active elements survived in the article text');

  // The browser first: if it cannot start, no server is left open to keep the test process alive.
  const browser = await launchBrowser();
  const server = await serveDist(join(project.dir, 'dist'));
  try {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto(`${server.origin}/articles/${ID}/`, { waitUntil: 'networkidle' });
    await page.mouse.move(10, 10);
    for (const link of await page.$$('.article-body a')) await link.click({ noWaitAfter: true, timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(500);
    assert.deepEqual(dialogs, [], 'script ran');
    assert.match(await page.title(), /<\/title><script>/, 'the hostile title is shown as text');
    assert.ok((await page.textContent('aside'))!.includes(TOPIC_NAME), 'the hostile topic name is shown as text');
  } finally {
    await browser.close();
    await server.close();
  }
});
