import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBudgets, type BenchResult, type Stage } from './budgets.ts';

const stage = (name: string, wall: number, rss = 1000): Stage => ({ stage: name, wall_s: wall, cpu_s: wall, peak_rss_mib: rss });
const result = (articles: number, overrides: Partial<BenchResult> = {}): BenchResult => ({
  articles,
  date: '2026-11-30',
  machine: { cpus: 2, memory_gib: 24 },
  corpus_generation: stage('corpus generation', 10),
  stages: [stage('content check', 15), stage('exports', 100), stage('site', 300)],
  build: stage('cold build', 500),
  rebuild: stage('rebuild build', 90),
  rebuild_stages: [],
  pages: 200_000,
  pages_per_s: 600,
  ms_per_article: 5,
  output_mib: { site: 1, pagefind: 1, data: 1 },
  search_kb: { query: 'Putin', first_query: 250, second_query: 60 },
  heaviest_article_page: { path: '/articles/a/', gzip_kb: 60, scripts: 0 },
  heaviest_event_page: { path: '/events/e/', gzip_kb: 40, scripts: 0 },
  budgets: [],
  ...overrides,
});
const failed = (budgets: ReturnType<typeof checkBudgets>) => budgets.filter((b) => !b.ok).map((b) => b.name);

test('a 100,000-article result within every budget passes them all', () => {
  const budgets = checkBudgets(result(100_000), result(10_000, { ms_per_article: 4.5 }));
  assert.deepEqual(failed(budgets), []);
  assert.ok(budgets.some((b) => b.name === 'time per article vs 10,000'));
});

test('each budget fails on its own measure', () => {
  assert.deepEqual(failed(checkBudgets(result(100_000, { build: stage('cold build', 700) }))), ['whole build, 100,000 articles']);
  assert.deepEqual(failed(checkBudgets(result(100_000, { stages: [stage('content check', 25), stage('exports', 100)] }))), ['content:check, 100,000 articles']);
  // The check timed alone, when measured, rather than its time beside the other stages of the build.
  assert.deepEqual(failed(checkBudgets(result(100_000, { stages: [stage('content check', 300), stage('exports', 100)], content_check: stage('content:check alone, cold', 15) }))), []);
  assert.deepEqual(failed(checkBudgets(result(100_000, { content_check: stage('content:check alone, cold', 25) }))), ['content:check, 100,000 articles']);
  assert.deepEqual(failed(checkBudgets(result(100_000, { stages: [stage('content check', 5), stage('exports', 100, 9000)] }))), ['largest process']);
  assert.deepEqual(failed(checkBudgets(result(100_000, { rebuild_stages: [stage('exports', 90, 8500)] }))), ['largest process'], 'a rebuild\'s process counts too');
  assert.deepEqual(failed(checkBudgets(result(100_000), result(10_000, { ms_per_article: 3 }))), ['time per article vs 10,000']);
  assert.deepEqual(failed(checkBudgets(result(100_000, { heaviest_event_page: { path: '/e/', gzip_kb: 20, scripts: 1 } }))), ['heaviest event page']);
  assert.deepEqual(failed(checkBudgets(result(100_000, { search_kb: { query: 'x', first_query: 301, second_query: 1 } }))), ['first search']);
  assert.deepEqual(failed(checkBudgets(result(100_000, { rebuild: stage('rebuild build', 101) }))), ['rebuild after one change']);
  const change = { article: 'a.md', language: 'hi', largest_search_shard: 'hi-2', shard_records: 50_000 };
  const rebuilt = checkBudgets(result(100_000, { rebuild_change: change })).find((b) => b.name === 'rebuild after one change')!;
  assert.equal(rebuilt.measured, '90 s (0.18 of 500 s; an article in hi, its search shard hi-2 of 50,000 records indexed again)', 'it says which change was timed');
  const { rebuild: _rebuild, rebuild_stages: _stages, ...coldOnly } = result(100_000);
  assert.deepEqual(failed(checkBudgets(coldOnly)), ['rebuild after one change'], 'a rebuild not measured does not pass');
});

test('a 10,000-article build is held to 75 s; search budgets apply at 100,000', () => {
  assert.deepEqual(failed(checkBudgets(result(10_000, { build: stage('cold build', 80), rebuild: stage('rebuild build', 10), search_kb: { query: 'x', first_query: 900, second_query: 500 } }))), ['whole build, 10,000 articles']);
});
