/**
 * A streaming XML writer for the exports graphology has no writer for (GraphML, dynamic
 * GEXF): xml-writer — the writer graphology-gexf itself uses — appends escaped XML to a
 * buffer as elements are written, and `take()` hands the buffer out whenever the calling
 * generator wants to yield a chunk. Escaping (`&`, `<`, `>` in text; `&`, `<`, `"`, tab,
 * CR, LF in attribute values) is xml-writer's; characters XML cannot carry are replaced
 * first (xml-text.ts).
 *
 * Why not xmlbuilder2: it builds DOM nodes per element even in its callback mode, which made
 * large GraphML exports some thirty times slower than xml-writer's plain string output.
 */
import XMLWriter from 'xml-writer';
import { xmlText } from './xml-text';

export type XmlAttributes = Readonly<Record<string, string | number>>;

export interface XmlChunkWriter {
  /** Opens an element with attributes; close it with `close()`. */
  open(name: string, attributes?: XmlAttributes): void;
  /** Writes a whole element: attributes and optional text content. */
  leaf(name: string, attributes?: XmlAttributes, text?: string): void;
  close(): void;
  /** Closes every open element. */
  end(): void;
  /** Size of what is buffered, in UTF-16 code units. */
  buffered(): number;
  /** Returns what has been written since the last call, and forgets it. */
  take(): string;
}

/** Yield a chunk once this much is buffered. */
export const CHUNK_SIZE = 64 * 1024;

export function xmlChunkWriter(): XmlChunkWriter {
  let parts: string[] = [];
  let size = 0;
  const writer = new XMLWriter('  ', (chunk) => {
    parts.push(chunk);
    size += chunk.length;
  });
  writer.startDocument('1.0', 'UTF-8');
  const attributes = (values: XmlAttributes | undefined) => {
    for (const [name, value] of Object.entries(values ?? {})) {
      writer.writeAttribute(name, typeof value === 'string' ? xmlText(value) : String(value));
    }
  };
  return {
    open(name, values) {
      writer.startElement(name);
      attributes(values);
    },
    leaf(name, values, text) {
      writer.startElement(name);
      attributes(values);
      if (text !== undefined) writer.text(xmlText(text));
      writer.endElement();
    },
    close() {
      writer.endElement();
    },
    end() {
      writer.flush(); // closes every open element
      writer.endDocument();
      parts.push('\n');
      size += 1;
    },
    buffered: () => size,
    take() {
      const text = parts.join('');
      parts = [];
      size = 0;
      return text;
    },
  };
}
