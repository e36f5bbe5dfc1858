/**
 * What a search shard indexed, page by page, kept from one build to the next:
 * for each page, the SHA-256 of its record as the shard's input hash reads it
 * (its body's key in place of its text) and the SHA-256 of the records that
 * were indexed from it (with the text). When a shard's input changes, only the
 * pages whose input is new are read again to learn whether what the shard
 * indexes changed: at 100,000 articles, one page of 37,000 rather than all of
 * them (7.2 s). Pure: the caller reads and writes the file.
 */
import { createHash, type Hash } from 'node:crypto';

const SHA256_BYTES = 32;

/** The SHA-256 of a page's indexed records, by the SHA-256 of its input record (hex). */
export type IndexedHashes = Map<string, Buffer>;

/** A page of a shard: its URL, and the SHA-256 of its input record. */
export interface ShardPage {
  url: string;
  input: Buffer;
}

/**
 * The file of a shard's hashes: a line naming the code that made them (a page's
 * indexed records are a function of its input and that code), then each pair
 * of hashes, input then indexed.
 */
export function encodeIndexedHashes(code: string, hashes: IndexedHashes): Buffer {
  const pairs = [...hashes].flatMap(([input, indexed]) => [Buffer.from(input, 'hex'), indexed]);
  return Buffer.concat([Buffer.from(`${code}\n`), ...pairs]);
}

/** A shard's hashes read back; none if the file is missing, damaged, or was made by other code. */
export function decodeIndexedHashes(code: string, file: Buffer | undefined): IndexedHashes {
  const hashes: IndexedHashes = new Map();
  const header = Buffer.from(`${code}\n`);
  if (!file || !file.subarray(0, header.length).equals(header) || (file.length - header.length) % (2 * SHA256_BYTES) !== 0) return hashes;
  for (let at = header.length; at < file.length; at += 2 * SHA256_BYTES) {
    hashes.set(file.toString('hex', at, at + SHA256_BYTES), file.subarray(at + SHA256_BYTES, at + 2 * SHA256_BYTES));
  }
  return hashes;
}

/** The SHA-256 of one record as indexed. */
const hashRecord = (record: unknown) => createHash('sha256').update(JSON.stringify(record)).digest();

/** The SHA-256 of records as indexed (none, one, or more: each in order). */
export function hashIndexedRecords(records: Iterable<unknown>): Buffer {
  const hash = createHash('sha256');
  for (const record of records) hash.update(hashRecord(record));
  return hash.digest();
}

/**
 * Hashes records page by page as they go by, keeping none of them: a page's
 * hash is that of its records (hashIndexedRecords), and that of none if it had none.
 */
export function pageHasher(): { add: (record: { url: string }) => void; digest: (url: string) => Buffer } {
  const hashes = new Map<string, Hash>();
  const digests = new Map<string, Buffer>();
  return {
    add(record) {
      let hash = hashes.get(record.url);
      if (!hash) hashes.set(record.url, (hash = createHash('sha256')));
      hash.update(hashRecord(record));
    },
    digest(url) {
      let digest = digests.get(url);
      if (!digest) digests.set(url, (digest = hashes.get(url)?.digest() ?? hashIndexedRecords([])));
      return digest;
    },
  };
}

/**
 * The SHA-256 of everything a shard indexes: the code, each page's indexed
 * records in the shard's order, then the records no page's input covers (the
 * documentation's). A shard is indexed again only when this changes.
 */
export function hashShard(code: string, pages: readonly ShardPage[], indexedOf: (page: ShardPage) => Buffer, others: Iterable<unknown>): string {
  const hash = createHash('sha256').update(code);
  for (const page of pages) hash.update(indexedOf(page));
  return hash.update(hashIndexedRecords(others)).digest('hex');
}
