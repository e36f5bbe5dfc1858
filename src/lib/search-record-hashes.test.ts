import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { decodeIndexedHashes, encodeIndexedHashes, hashIndexedRecords, hashShard, pageHasher, type ShardPage } from './search-record-hashes.ts';

const sha = (text: string) => createHash('sha256').update(text).digest();
const page = (url: string): ShardPage => ({ url, input: sha(`input of ${url}`) });

test('a shard\'s hashes read back as written, by the code that wrote them only', () => {
  const hashes = new Map([[sha('a').toString('hex'), sha('A')], [sha('b').toString('hex'), sha('B')]]);
  const file = encodeIndexedHashes('code-1', hashes);
  assert.deepEqual(decodeIndexedHashes('code-1', file), hashes);
  assert.equal(decodeIndexedHashes('code-2', file).size, 0, 'hashes made by other code are not reused');
  assert.equal(decodeIndexedHashes('code-1', file.subarray(0, file.length - 1)).size, 0, 'a cut file is not read');
  assert.equal(decodeIndexedHashes('code-1', undefined).size, 0);
  assert.equal(decodeIndexedHashes('code-1', encodeIndexedHashes('code-1', new Map())).size, 0);
});

test('a page\'s indexed hash tells its records apart, and a page with none from one with an empty record', () => {
  assert.deepEqual(hashIndexedRecords([{ url: '/a/', content: 'x' }]), hashIndexedRecords([{ url: '/a/', content: 'x' }]));
  assert.notDeepEqual(hashIndexedRecords([{ url: '/a/', content: 'x' }]), hashIndexedRecords([{ url: '/a/', content: 'y' }]));
  assert.notDeepEqual(hashIndexedRecords([]), hashIndexedRecords([{}]));
});

test('a shard\'s hash changes with any page\'s indexed records, their order, the other records and the code', () => {
  const pages = [page('/a/'), page('/b/')];
  const indexed = new Map([['/a/', sha('A')], ['/b/', sha('B')]]);
  const of = (p: ShardPage) => indexed.get(p.url)!;
  const base = hashShard('code', pages, of, [{ url: '/about/' }]);
  assert.equal(hashShard('code', pages, of, [{ url: '/about/' }]), base);
  assert.notEqual(hashShard('code', [...pages].reverse(), of, [{ url: '/about/' }]), base);
  assert.notEqual(hashShard('code', pages, (p) => (p.url === '/b/' ? sha('B2') : of(p)), [{ url: '/about/' }]), base);
  assert.notEqual(hashShard('code', pages, of, []), base);
  assert.notEqual(hashShard('other code', pages, of, [{ url: '/about/' }]), base);
});

test('a page\'s hash taken as its records go by is the hash of its records', () => {
  const hasher = pageHasher();
  const records = [{ url: '/a/', content: 'one' }, { url: '/b/', content: 'two' }, { url: '/b/', content: 'three' }];
  for (const record of records) hasher.add(record);
  assert.deepEqual(hasher.digest('/a/'), hashIndexedRecords([records[0]]));
  assert.deepEqual(hasher.digest('/b/'), hashIndexedRecords(records.slice(1)));
  assert.deepEqual(hasher.digest('/b/'), hashIndexedRecords(records.slice(1)), 'asked again');
  assert.deepEqual(hasher.digest('/none/'), hashIndexedRecords([]));
});
