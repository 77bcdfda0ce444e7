/** The part of xml-writer 1.7 (no bundled types) that the export writers use. */
declare module 'xml-writer' {
  class XMLWriter {
    /** `indent`: true or an indentation string to pretty-print; `write` receives every piece of output. */
    constructor(indent?: boolean | string, write?: (chunk: string, encoding: string) => void);
    startDocument(version?: string, encoding?: string, standalone?: boolean): this;
    endDocument(): this;
    startElement(name: string): this;
    writeAttribute(name: string, value: string | number): this;
    text(content: string | number): this;
    writeElement(name: string, content: string | number): this;
    endElement(): this;
    /** Closes every open element. */
    flush(): void;
    toString(): string;
  }
  export = XMLWriter;
}
