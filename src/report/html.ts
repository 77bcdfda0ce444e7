/** Text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** 0.1234 → "12.3%". */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A fixed number of decimals, with a true minus sign. */
export function fixed(value: number, digits = 3): string {
  const text = value.toFixed(digits);
  return text.startsWith('-') ? `−${text.slice(1)}` : text;
}

/** A whole number with thousands separators: 12,345. */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** A coordinate in an SVG: two decimals, so equal inputs print equal files. */
export function coord(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

/** A table with a caption and column headers; cells are HTML already. */
export function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[], className = ''): string {
  const head = headers.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((cells) => `<tr>${cells.map((cell, i) => (i === 0 ? `<th scope="row">${cell}</th>` : `<td>${cell}</td>`)).join('')}</tr>`)
    .join('\n');
  return `<table${className ? ` class="${className}"` : ''}><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}
