/**
 * A BagIt bag (RFC 8493) of the release: its tag files, computed from the
 * payload's sizes and SHA-256 (already known from writing it, so nothing is
 * read twice). The bag is packed as one zip by zip.ts.
 */
import { createHash } from 'node:crypto';
import type { WrittenFile } from './datapackage.ts';

export interface BagInfo {
  /** The bag's folder name and External-Identifier, e.g. "coverage-atlas-1.0.0". */
  identifier: string;
  /** The release date, YYYY-MM-DD (Bagging-Date and every file's timestamp). */
  date: string;
  organization: string;
  description: string;
  version: string;
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** The lines of a BagIt manifest: "hash  path", sorted by path. */
export function manifestLines(files: readonly { path: string; sha256: string }[]): string {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : 1)).map((f) => `${f.sha256}  ${f.path}\n`).join('');
}

/** The tag files of a bag whose payload (under data/) is `payload`, as path → bytes (paths relative to the bag's folder). */
export function bagTagFiles(payload: readonly WrittenFile[], info: BagInfo): Map<string, Uint8Array> {
  const encode = (text: string) => new TextEncoder().encode(text);
  const data = payload.map((f) => ({ path: `data/${f.path}`, sha256: f.sha256, bytes: f.bytes }));
  const octets = data.reduce((sum, f) => sum + f.bytes, 0);
  const tags = new Map<string, Uint8Array>([
    ['bagit.txt', encode('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')],
    ['bag-info.txt', encode([
      `Source-Organization: ${info.organization}`,
      `External-Description: ${info.description}`,
      `External-Identifier: ${info.identifier}`,
      `Bagging-Date: ${info.date}`,
      `Bag-Software-Agent: coverage-atlas scripts/export.ts`,
      `Version: ${info.version}`,
      `Payload-Oxum: ${octets}.${data.length}`,
    ].join('\n') + '\n')],
    ['manifest-sha256.txt', encode(manifestLines(data))],
  ]);
  tags.set('tagmanifest-sha256.txt', encode(manifestLines([...tags].map(([path, bytes]) => ({ path, sha256: sha256(bytes) })))));
  return tags;
}
