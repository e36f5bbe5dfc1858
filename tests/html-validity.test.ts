/**
 * Every built page is valid HTML (W3C Nu checker, vnu-jar with Debian's Java)
 * and every internal link and fragment resolves.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { attr, DIST, listHtmlFiles, loadPage, selectAll } from './helpers/dist.ts';

const VNU_JAR: string = createRequire(import.meta.url)('vnu-jar');
/**
 * The checker's language guesser cannot tell Malay from Indonesian (the two share most words) and,
 * from run to run, calls our Malay pages Indonesian. The declared lang="ms" is right; labelling Malay
 * as Indonesian would be wrong. Only this guess is ignored.
 */
const MALAY_LOOKS_INDONESIAN = /appears to be written in Indonesian but the “html” start tag has “lang="ms"”/;

test('every page passes the W3C Nu HTML checker', async () => {
  const result = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--skip-non-html', '--also-check-css', DIST], { maxBuffer: 64 * 1024 * 1024 })
    .then(({ stderr }) => stderr, (error: { stderr?: string }) => error.stderr ?? String(error));
  const messages: { type: string; subType?: string; url: string; lastLine?: number; message: string }[] = JSON.parse(result).messages;
  const problems = messages
    .filter((m) => m.type === 'error' || m.subType === 'warning')
    .filter((m) => !MALAY_LOOKS_INDONESIAN.test(m.message))
    .map((m) => `${m.url.replace(`file:${DIST}`, '')}:${m.lastLine ?? 0} ${m.type}/${m.subType ?? ''}: ${m.message}`);
  assert.deepEqual(problems, []);
});

/** The built file a site path serves, or undefined when there is none. */
function targetFile(pathname: string): string | undefined {
  const path = decodeURIComponent(pathname);
  const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}/index.html`];
  return candidates.find((candidate) => existsSync(join(DIST, candidate)));
}

test('no internal link or fragment is broken', async () => {
  const files = await listHtmlFiles();
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = async (file: string) => {
    if (!idsByFile.has(file)) idsByFile.set(file, new Set(selectAll('[id]', await loadPage(file)).map((el) => attr(el, 'id'))));
    return idsByFile.get(file)!;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const file of files) {
    const page = await loadPage(file);
    const base = new URL(file.replace(/index\.html$/, ''), 'http://site.invalid');
    for (const element of selectAll('a[href], link[href]', page)) {
      const url = new URL(attr(element, 'href'), base);
      if (url.origin !== base.origin) continue;
      checked++;
      const resolved = targetFile(url.pathname);
      if (!resolved) {
        broken.push(`${file}: ${attr(element, 'href')}`);
        continue;
      }
      if (url.hash && resolved.endsWith('.html') && !(await idsOf(resolved)).has(decodeURIComponent(url.hash.slice(1)))) {
        broken.push(`${file}: ${attr(element, 'href')} (no such fragment)`);
      }
    }
  }
  assert.ok(checked > 1000, `only ${checked} links checked`);
  assert.deepEqual(broken, []);
});
