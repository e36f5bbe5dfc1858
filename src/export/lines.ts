/** Reading a file line by line, fast: the SQLite worker reads every table's JSON Lines this way. */
import { closeSync, openSync, readSync } from 'node:fs';

/** Bytes of a JSON Lines file read at once. */
const PIECE_BYTES = 8 << 20;

/**
 * Each line of a file of LF-terminated UTF-8 lines (JSON Lines), without its newline, as bytes read in
 * large pieces: a view that holds until the next line is asked for, decoded (`toString()`) only by a
 * reader that needs its text. (node:readline took a quarter of the SQLite worker's time decoding through a
 * StringDecoder, and decodes every line.)
 */
export function* linesOf(file: string, pieceBytes = PIECE_BYTES): Generator<Buffer> {
  const fd = openSync(file, 'r');
  try {
    let piece = Buffer.allocUnsafe(pieceBytes);
    /** Bytes at the start of `piece` left from the last read: the start of a line. */
    let carried = 0;
    for (;;) {
      const read = readSync(fd, piece, carried, piece.length - carried, null);
      const end = carried + read;
      let start = 0;
      for (let newline = piece.indexOf(0x0a, start); newline !== -1 && newline < end; newline = piece.indexOf(0x0a, start)) {
        yield piece.subarray(start, newline);
        start = newline + 1;
      }
      if (read === 0) {
        if (start < end) throw new Error(`${file} does not end with a newline`);
        return;
      }
      carried = end - start;
      // A line longer than the piece: a larger piece.
      const next = start === 0 && carried === piece.length ? Buffer.allocUnsafe(piece.length * 2) : piece;
      piece.copy(next, 0, start, end);
      piece = next;
    }
  } finally {
    closeSync(fd);
  }
}
