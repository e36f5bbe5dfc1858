/**
 * Checks every content file and reports each problem as
 *   path:line:column  error  message  [rule-id]
 *     fix: …
 * Exit code 1 when there is any error. Never modifies a file.
 */
import { parseArgs } from 'node:util';
import { relative, resolve } from 'node:path';
import { checkContent } from './lib/content-rules.ts';

const USAGE = `Usage: npm run content:check [-- paths…] [--format text|json] [--root DIR]

Checks every file under content/: YAML syntax, the schema, ids, references,
capture hashes, Unicode, TODOs, raw HTML and script, links, invisible
characters, scripts against languages, dates, duplicates, and files a collection
would not read (an article saved as .txt). Prints one line per problem with its
fix; exits 1 when there is any problem. With paths, only problems in those
files or folders are shown (all content is still read, so references are
checked against the whole archive).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'text' },
    root: { type: 'string', default: '.' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const root = resolve(values.root);
const wanted = positionals.map((path) => relative(root, resolve(path)).split('\\').join('/'));
const problems = (await checkContent(root)).filter((p) => wanted.length === 0 || wanted.some((w) => p.file === w || p.file.startsWith(`${w}/`)));
if (values.format === 'json') {
  console.log(JSON.stringify(problems, null, 2));
} else {
  for (const p of problems) {
    console.log(`${p.file}:${p.line}:${p.column}  error  ${p.field ? `${p.field}: ` : ''}${p.message}  [${p.rule}]\n    fix: ${p.fix}`);
    if (process.env.GITHUB_ACTIONS === 'true') {
      console.log(`::error file=${p.file},line=${p.line},col=${p.column},title=${p.rule}::${p.field ? `${p.field}: ` : ''}${p.message} (fix: ${p.fix})`);
    }
  }
  console.log(problems.length === 0 ? 'content:check: no problems' : `content:check: ${problems.length} problem(s)`);
}
process.exitCode = problems.length > 0 ? 1 : 0;
