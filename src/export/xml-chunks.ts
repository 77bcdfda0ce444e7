/**
 * Glue between xmlbuilder2's callback (streaming) writer and a lazy generator of chunks:
 * the writer appends serialized XML to a buffer as elements are added, and `take()` hands
 * the buffer out whenever the generator wants to yield. Nothing here escapes by hand;
 * xmlbuilder2 escapes `&`, `<`, `>` and quotes in text and attribute values.
 */
import { createCB } from 'xmlbuilder2';

export interface XmlChunkWriter {
  readonly xml: ReturnType<typeof createCB>;
  /** Size of what is buffered, in UTF-16 code units. */
  readonly buffered: () => number;
  /** Returns what has been serialized since the last call, and forgets it. */
  readonly take: () => string;
}

/** Yield a chunk once this much is buffered. */
export const CHUNK_SIZE = 64 * 1024;

export function xmlChunkWriter(): XmlChunkWriter {
  let parts: string[] = [];
  let size = 0;
  const xml = createCB({
    data: (chunk: string) => {
      parts.push(chunk);
      size += chunk.length;
    },
    error: (error: Error) => {
      throw error;
    },
    prettyPrint: true,
  });
  return {
    xml,
    buffered: () => size,
    take: () => {
      const text = parts.join('');
      parts = [];
      size = 0;
      return text;
    },
  };
}
