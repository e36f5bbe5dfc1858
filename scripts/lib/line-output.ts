/**
 * Passes a stage's output on whole lines at a time. The build's stages run side
 * by side and write to one terminal; Astro writes a page's name, and only later
 * on the same line whether it was kept ("(cached)"), so another stage's line
 * could land in between, and tools that read the build's output (the benchmark,
 * the maintainer test) would miscount.
 */
export interface LineOutput {
  /** Takes a chunk of output; passes on the complete lines it ends. */
  write(chunk: Buffer): void;
  /** Passes on what is left, once the output has ended. */
  end(): void;
}

/** Line-buffered output into `write`. */
export function lineOutput(write: (bytes: Buffer) => void): LineOutput {
  let pending: Buffer[] = [];
  return {
    write(chunk) {
      const lastBreak = chunk.lastIndexOf(0x0a);
      if (lastBreak < 0) {
        pending.push(chunk);
        return;
      }
      write(Buffer.concat([...pending, chunk.subarray(0, lastBreak + 1)]));
      pending = lastBreak + 1 < chunk.length ? [chunk.subarray(lastBreak + 1)] : [];
    },
    end() {
      if (pending.length > 0) write(Buffer.concat(pending));
      pending = [];
    },
  };
}
