/**
 * The dataset exports in dist/data/, read back by independent readers: DuckDB
 * for CSV, JSON Lines and Parquet, node:sqlite for the database, sha256sum for
 * the checksums, ajv with the official Frictionless profile for the data
 * package; plus determinism and the import round trip.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, before, describe, test } from 'node:test';
import { isDeepStrictEqual, promisify } from 'node:util';
import { loadCollection } from '../src/lib/content-files.ts';
import { loadDataset } from '../src/lib/dataset-file.ts';
import { compareVersions } from '../src/schema/dataset.ts';
import type { Article } from '../src/schema/index.ts';
import { digestTree, DIST, listedChecksums, readChecksums, ROOT } from './helpers/dist.ts';

const DATA = join(DIST, 'data');
const run = promisify(execFile);
const TABLES = [
  'articles', 'editorial_notes', 'events', 'event_titles', 'sources', 'source_names', 'entities', 'entity_names', 'topics', 'topic_names',
  'article_events', 'article_entities', 'article_topics', 'captures', 'releases',
];

let duck: DuckDBConnection;
let closeDuck: () => void;
let articles: { data: Article; body: string }[];
let temp: string;

before(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  closeDuck = () => { duck.closeSync(); instance.closeSync(); };
  articles = (await loadCollection(ROOT, 'articles')).records;
  temp = await mkdtemp(join(tmpdir(), 'exports-'));
});
after(async () => {
  closeDuck?.();
  await rm(temp, { recursive: true, force: true });
});

async function query(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Every file of an export with its SHA-256, by relative path (leaving out the site's own /data/ page). */
const digestExport = (dir: string) => digestTree(dir, (path) => dir === DATA && path === 'index.html');

describe('tables in every format', () => {
  test('CSV, JSON Lines and Parquet agree row for row and value for value', async () => {
    const datapackage = JSON.parse(await readFile(join(DATA, 'datapackage.json'), 'utf8'));
    for (const table of TABLES) {
      const resource = datapackage.resources.find((r: { name: string }) => r.name === table);
      const types = Object.fromEntries(resource.schema.fields.map((f: { name: string; type: string }) => [f.name, f.type]));
      // CSV read as text by DuckDB's own CSV reader, then typed from the data package's schema. A missing value
      // is an empty field and an empty string is "": read so, null and "" stay apart as in the other formats.
      const csv = (await query(`SELECT * FROM read_csv('${DATA}/csv/${table}.csv', header = true, all_varchar = true, allow_quoted_nulls = false)`)).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? null : types[k] === 'array' ? JSON.parse(String(v)) : types[k] === 'integer' ? Number(v) : types[k] === 'boolean' ? v === 'true' : v])),
      );
      const normalize = (rows: Record<string, unknown>[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, types[k] === 'integer' && v !== null ? Number(v) : v])));
      const jsonl = normalize(await query(`SELECT * FROM read_json('${DATA}/jsonl/${table}.jsonl', format = 'newline_delimited')`));
      const parquet = normalize(await query(`SELECT * FROM '${DATA}/parquet/${table}.parquet'`));
      assert.equal(csv.length, resource.rows, `${table}: rows in CSV`);
      assert.deepEqual(csv, parquet, `${table}: CSV and Parquet differ`);
      assert.deepEqual(jsonl.map((r) => Object.keys(r)), parquet.map((r) => Object.keys(r)), `${table}: columns differ`);
      assert.deepEqual(JSON.parse(JSON.stringify(jsonl)), JSON.parse(JSON.stringify(parquet)), `${table}: JSON Lines and Parquet differ`);
    }
  });

  test('Parquet columns are typed: dates as dates, lists as lists, counts as integers', async () => {
    const columns = Object.fromEntries((await query(`DESCRIBE SELECT * FROM '${DATA}/parquet/articles.parquet'`)).map((r) => [r.column_name, r.column_type]));
    assert.equal(columns.published_start, 'DATE');
    assert.equal(columns.added, 'DATE');
    assert.equal(columns.events, 'VARCHAR[]');
    assert.equal(columns.word_count, 'BIGINT');
    assert.equal(columns.title, 'VARCHAR');
  });

  test('the articles hold the content: every article, its text intact in its script, NFC', async () => {
    const rows = await query(`SELECT id, title, language, body_markdown, capture_sha256, source FROM '${DATA}/parquet/articles.parquet' ORDER BY id`);
    assert.deepEqual(rows.map((r) => r.id), articles.map((a) => a.data.id).sort());
    for (const row of rows) {
      const article = articles.find((a) => a.data.id === row.id)!;
      assert.equal(row.title, article.data.title);
      assert.equal(row.body_markdown, article.body);
      assert.equal(row.capture_sha256, article.data.capture.sha256);
      assert.equal(String(row.body_markdown), String(row.body_markdown).normalize('NFC'));
    }
    const scripts = rows.map((r) => String(r.body_markdown));
    assert.ok(scripts.some((t) => /\p{Script=Arabic}{4}/u.test(t)) && scripts.some((t) => /\p{Script=Devanagari}{4}/u.test(t)), 'Arabic and Devanagari text');
  });

  test('primary keys are unique and foreign keys hold', async () => {
    const datapackage = JSON.parse(await readFile(join(DATA, 'datapackage.json'), 'utf8'));
    for (const resource of datapackage.resources.filter((r: { format: string }) => r.format === 'csv')) {
      const file = `'${DATA}/parquet/${resource.name}.parquet'`;
      const key = resource.schema.primaryKey.map((k: string) => `"${k}"`).join(', ');
      const [{ duplicates }] = (await query(`SELECT count(*) - count(DISTINCT (${key})) AS duplicates FROM ${file}`)) as [{ duplicates: string }];
      assert.equal(Number(duplicates), 0, `${resource.name}: duplicate keys`);
      for (const fk of resource.schema.foreignKeys ?? []) {
        const target = `'${DATA}/parquet/${fk.reference.resource}.parquet'`;
        const [{ missing }] = (await query(`SELECT count(*) AS missing FROM ${file} f WHERE f."${fk.fields[0]}" IS NOT NULL AND f."${fk.fields[0]}" NOT IN (SELECT "${fk.reference.fields[0]}" FROM ${target})`)) as [{ missing: string }];
        assert.equal(Number(missing), 0, `${resource.name}.${fk.fields[0]} → ${fk.reference.resource}`);
      }
    }
  });

  test('the topics table is the vocabulary, each topic named in each of its languages, and article_topics says what each article is about', async () => {
    const topics = (await loadCollection(ROOT, 'topics')).records.map((r) => r.data);
    const ordered = <T extends Record<string, unknown>>(rows: T[], ...keys: (keyof T)[]) =>
      rows.sort((a, b) => { const [x, y] = [keys.map((k) => a[k]).join('\0'), keys.map((k) => b[k]).join('\0')]; return x < y ? -1 : x > y ? 1 : 0; });
    assert.deepEqual(
      await query(`SELECT topic, language, name FROM '${DATA}/parquet/topic_names.parquet' ORDER BY topic, language`),
      ordered(topics.flatMap((t) => Object.entries(t.names).map(([language, name]) => ({ topic: t.id, language, name }))), 'topic', 'language'),
    );
    assert.deepEqual(
      await query(`SELECT article, topic FROM '${DATA}/parquet/article_topics.parquet' ORDER BY article, topic`),
      ordered(articles.flatMap(({ data }) => [...new Set(data.topics)].map((topic) => ({ article: data.id, topic }))), 'article', 'topic'),
    );
  });

  test('the SQLite database answers full-text queries in Arabic and in Hindi', () => {
    const db = new DatabaseSync(join(DATA, 'coverage-atlas.sqlite'), { readOnly: true });
    try {
      for (const word of ['معاهدة', 'प्रतिबंधों']) {
        const found = db.prepare('SELECT articles.id FROM articles_fts JOIN articles ON articles.rowid = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY articles.id').all(`"${word}"`).map((r) => r.id);
        const expected = articles.filter((a) => a.body.split(/[^\p{L}\p{M}]+/u).includes(word)).map((a) => a.data.id).sort();
        assert.ok(expected.length > 0, word);
        assert.deepEqual(found, expected, word);
      }
      assert.equal((db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, articles.length);
    } finally {
      db.close();
    }
  });
});

describe('packaging and fixity', () => {
  test('sha256sum -c SHA256SUMS passes and covers every file', async () => {
    const { stdout } = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: DATA });
    const listed = stdout.trim().split('\n').length;
    const files = (await digestExport(DATA)).size - 1; // all but SHA256SUMS itself
    assert.equal(listed, files);
    assert.doesNotMatch(stdout, /FAILED/);
  });

  test('the /data/ page shows every file of the data package and the release bag with its SHA-256 from SHA256SUMS', async () => {
    const sums = await readChecksums(DATA);
    const listed = listedChecksums(await readFile(join(DATA, 'index.html'), 'utf8'));
    const datapackage = JSON.parse(await readFile(join(DATA, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] };
    for (const { path } of datapackage.resources) assert.ok(listed.has(path), `${path} is listed`);
    assert.ok([...listed.keys()].some((path) => path.endsWith('.zip') && !path.includes('/')), 'the release bag is listed');
    for (const [path, hash] of listed) assert.equal(hash, sums.get(path), `${path}: the page's checksum`);
  });

  test('npm run preview serves every file the /data/ page lists, and SHA256SUMS, byte for byte', async () => {
    const preview = spawn(process.execPath, [join(ROOT, 'scripts', 'preview.ts'), '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = (await once(preview.stdout, 'data')) as [Buffer];
      const origin = line.toString().match(/on (http:\/\/[^ ]+)\/ /)?.[1];
      assert.ok(origin, `the preview says where it serves: ${line.toString()}`);
      const listed = listedChecksums(await readFile(join(DATA, 'index.html'), 'utf8'));
      for (const path of [...listed.keys(), 'SHA256SUMS']) {
        const response: Response = await fetch(`${origin}/data/${path}`);
        assert.equal(response.status, 200, path);
        assert.ok(Buffer.from(await response.arrayBuffer()).equals(await readFile(join(DATA, path))), `${path}: the bytes served`);
      }
    } finally {
      preview.kill();
    }
  });

  test('a released version\'s fields never change: changing a table\'s is a new major version, adding a table a minor one', async () => {
    // Each version's tables and columns are recorded in tests/fixtures/dataset-fields/<version>.json, so that an
    // archivist's copy of a version always has the columns the same version has today (CHANGELOG: "major when a
    // table's fields change", as the Data Package Version recipe has it; a new resource is a minor change).
    const datapackage = JSON.parse(await readFile(join(DATA, 'datapackage.json'), 'utf8')) as { version: string; resources: { name: string; format: string; schema: { fields: { name: string; type: string }[] } }[] };
    const fields = Object.fromEntries(datapackage.resources.filter((r) => r.format === 'csv').map((r) => [r.name, r.schema.fields.map((f) => `${f.name}: ${f.type}`)]));
    const recorded = join(ROOT, 'tests', 'fixtures', 'dataset-fields');
    const versions = (await readdir(recorded)).map((file) => file.replace(/\.json$/, '')).sort(compareVersions);
    const current = datapackage.version;
    assert.ok(versions.includes(current), `version ${current}'s fields are not recorded: write tests/fixtures/dataset-fields/${current}.json as\n${JSON.stringify(fields, null, 2)}`);
    assert.deepEqual(fields, JSON.parse(await readFile(join(recorded, `${current}.json`), 'utf8')), `the fields of released version ${current} changed: release a new major version (content/dataset.yaml) and record its fields`);
    const earlier = versions.filter((v) => compareVersions(v, current) < 0).at(-1);
    if (earlier) {
      const before = JSON.parse(await readFile(join(recorded, `${earlier}.json`), 'utf8')) as Record<string, string[]>;
      const changed = Object.keys(before).filter((table) => !isDeepStrictEqual(fields[table], before[table]));
      if (changed.length > 0) {
        assert.ok(Number(current.split('.')[0]) > Number(earlier.split('.')[0]), `the fields of ${changed.join(', ')} changed between ${earlier} and ${current}, a new minor or patch version`);
      } else if (Object.keys(fields).length > Object.keys(before).length) {
        assert.ok(compareVersions(current, `${earlier.split('.')[0]}.${Number(earlier.split('.')[1]) + 1}.0`) >= 0, `tables were added between ${earlier} and ${current}, a patch version`);
      }
    }
  });

  test('the data package validates against the official Data Package v2 profile', async () => {
    const profile = JSON.parse(await readFile(join(ROOT, 'tests/fixtures/frictionless-profiles-2.0/datapackage.json'), 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(profile);
    const text = await readFile(join(DATA, 'datapackage.json'), 'utf8');
    assert.ok(validate(JSON.parse(text)), ajv.errorsText(validate.errors));
    const datapackage = JSON.parse(text) as { version: string; resources: { path: string; bytes: number; hash: string }[] };
    const dataset = await loadDataset(ROOT);
    assert.equal(datapackage.version, dataset.releases[0]!.version);
    for (const resource of datapackage.resources) {
      const bytes = await readFile(join(DATA, resource.path));
      assert.equal(resource.bytes, bytes.length, resource.path);
      assert.equal(resource.hash, `sha256:${createHash('sha256').update(bytes).digest('hex')}`, resource.path);
    }
  });

  test('the release zip is a valid BagIt bag', async () => {
    const dataset = await loadDataset(ROOT);
    const name = `${dataset.name}-${dataset.releases[0]!.version}`;
    const files = unzipSync(new Uint8Array(await readFile(join(DATA, `${name}.zip`))));
    const file = (path: string) => files[`${name}/${path}`]!;
    const text = (path: string) => new TextDecoder().decode(file(path));
    assert.equal(text('bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = text('bag-info.txt');
    assert.match(info, new RegExp(`^External-Identifier: ${name}$`, 'm'));
    const manifest = text('manifest-sha256.txt').trim().split('\n').map((line) => line.split(/  /) as [string, string]);
    const payload = Object.keys(files).filter((p) => p.startsWith(`${name}/data/`));
    assert.equal(manifest.length, payload.length);
    for (const [hash, path] of manifest) assert.equal(createHash('sha256').update(file(path)).digest('hex'), hash, path);
    const octets = manifest.reduce((sum, [, path]) => sum + file(path).length, 0);
    assert.match(info, new RegExp(`^Payload-Oxum: ${octets}\\.${manifest.length}$`, 'm'));
    for (const line of text('tagmanifest-sha256.txt').trim().split('\n')) {
      const [hash, path] = line.split('  ') as [string, string];
      assert.equal(createHash('sha256').update(file(path)).digest('hex'), hash, path);
    }
    for (const needed of ['datapackage.json', 'README.md', 'CHANGELOG.md', 'CITATION.cff', 'LICENSE.md']) assert.ok(file(`data/${needed}`), needed);
  });

  test('each event bundle holds exactly its articles, as the full tables have them, and their captures', async () => {
    const events = (await loadCollection(ROOT, 'events')).records.map((r) => r.data.id);
    const fullLines = (await readFile(join(DATA, 'jsonl', 'articles.jsonl'), 'utf8')).split('\n').filter(Boolean);
    for (const event of events) {
      const files = unzipSync(new Uint8Array(await readFile(join(DATA, 'events', `${event}.zip`))));
      const lines = new TextDecoder().decode(files[`${event}/articles.jsonl`]).split('\n').filter(Boolean);
      const expected = articles.filter((a) => a.data.events.includes(event));
      const expectedIds = expected.map((a) => a.data.id);
      assert.deepEqual(lines.map((line) => JSON.parse(line).id).sort(), [...expectedIds].sort(), event);
      assert.deepEqual(lines, fullLines.filter((line) => expectedIds.includes(JSON.parse(line).id)), `${event}: JSON Lines rows differ from the full table's`);
      // The bundle's CSV, read by DuckDB, has the full CSV's header and the rows of the event's articles.
      const csv = join(temp, `${event}.csv`);
      await writeFile(csv, files[`${event}/articles.csv`]!);
      const read = (file: string, where = '') => query(`SELECT * FROM read_csv('${file}', header = true, all_varchar = true)${where} ORDER BY id`);
      const ids = expectedIds.map((id) => `'${id}'`).join(', ');
      assert.deepEqual(await read(csv), await read(`${DATA}/csv/articles.csv`, ids ? ` WHERE id IN (${ids})` : ' WHERE false'), `${event}: CSV rows differ from the full table's`);
      // The bundle's Parquet, read by DuckDB in the file's own order, has the same rows as its JSON Lines, in the same order.
      const parquet = join(temp, `${event}.parquet`);
      await writeFile(parquet, files[`${event}/articles.parquet`]!);
      const parquetRows = await query(`SELECT * EXCLUDE (file_row_number) FROM read_parquet('${parquet}', file_row_number = true) ORDER BY file_row_number`);
      assert.deepEqual(parquetRows.map((row) => row.id), lines.map((line) => JSON.parse(line).id), `${event}: Parquet rows are not the JSON Lines rows, in order`);
      assert.deepEqual(parquetRows.map((row) => Object.keys(row)), lines.map((line) => Object.keys(JSON.parse(line))), `${event}: Parquet columns differ`);
      for (const article of expected) assert.ok(files[`${event}/${article.data.capture.path}`], `${event}: ${article.data.capture.path}`);
    }
  });

  test('the captures are in the export byte for byte', async () => {
    for (const article of articles) {
      assert.ok((await readFile(join(DATA, article.data.capture.path))).equals(await readFile(join(ROOT, 'content', article.data.capture.path))));
    }
  });

  test('CITATION.cff at the repository root is the release’s', async () => {
    assert.equal(await readFile(join(ROOT, 'CITATION.cff'), 'utf8'), await readFile(join(DATA, 'CITATION.cff'), 'utf8'));
  });
});

describe('reproducible and lossless', () => {
  test('two exports of the same content are byte-identical, with the export cache or without it', async () => {
    const script = join(ROOT, 'scripts', 'export.ts');
    await run(process.execPath, [script, '--out', join(temp, 'a'), '--no-cache'], { cwd: ROOT });
    await run(process.execPath, [script, '--out', join(temp, 'b')], { cwd: ROOT });
    const [a, b] = await Promise.all([digestExport(join(temp, 'a')), digestExport(join(temp, 'b'))]);
    assert.ok(a.size > 40);
    assert.deepEqual([...a], [...b]);
    assert.deepEqual([...a], [...(await digestExport(DATA))], 'the build\'s export differs from a fresh one');
  });

  test('importing the JSON Lines export rebuilds content/ byte for byte', async () => {
    await run(process.execPath, [join(ROOT, 'scripts', 'import.ts'), join(temp, 'a'), '--out', join(temp, 'imported')], { cwd: ROOT });
    assert.deepEqual([...(await digestTree(join(temp, 'imported', 'content')))].sort(), [...(await digestTree(join(ROOT, 'content')))].sort());
  });
});
