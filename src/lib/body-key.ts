/**
 * The key a Markdown body is known by: the body cache's key for its rendered
 * HTML and text, and what the record cache keeps for a body it has not read.
 */
import { createHash } from 'node:crypto';

/**
 * The SHA-256 of a Markdown body, in hex.
 * @example bodyKey('') // "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
 */
export function bodyKey(markdown: string): string {
  return createHash('sha256').update(markdown).digest('hex');
}
