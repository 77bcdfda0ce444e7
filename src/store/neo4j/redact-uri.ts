/** A URI without any user:password@ part, for messages and logs. Free of driver imports, so the CLI can use it cheaply. */
export function redactUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}
