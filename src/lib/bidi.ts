/** Unicode bidirectional isolation for text inserted into a sentence of another direction. */

/**
 * Wraps `text` in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE so that, for
 * example, an English name inside an Arabic sentence keeps its own order.
 * @example isolate('Claude (Anthropic)') // "\u2068Claude (Anthropic)\u2069"
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
