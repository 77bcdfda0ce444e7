/**
 * XML 1.0 cannot carry some characters at all, escaped or not (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF). Text written into an XML export passes through here, each
 * such character becoming U+FFFD, so a stray control character in an actor's name cannot
 * make the whole file unreadable. Escaping of `&`, `<`, quotes is the XML writers' job.
 */
const NOT_XML_CHAR = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}
