/** Reads export XML with @xmldom/xmldom, a parser independent of both XML writers. */
import { DOMParser } from '@xmldom/xmldom';

export type XmlElement = ReturnType<Document['createElement']>;

export function parseXml(text: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => errors.push(m),
      error: (m: string) => errors.push(m),
      fatalError: (m: string) => errors.push(m),
    },
  }).parseFromString(text, 'application/xml');
  if (errors.length > 0) throw new Error(`XML not well-formed: ${errors.join('; ')}`);
  return doc;
}

export function elements(parent: Document | XmlElement, tag: string): XmlElement[] {
  return Array.from(parent.getElementsByTagName(tag)) as XmlElement[];
}

/** id → type of the `<attribute>` declarations of one class (GEXF) and mode. */
export function gexfDeclarations(doc: Document, cls: 'node' | 'edge', mode?: 'static' | 'dynamic'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const block of elements(doc, 'attributes')) {
    if (block.getAttribute('class') !== cls) continue;
    if (mode !== undefined && (block.getAttribute('mode') ?? 'static') !== mode) continue;
    for (const attribute of elements(block, 'attribute')) out[attribute.getAttribute('id')!] = attribute.getAttribute('type')!;
  }
  return out;
}
