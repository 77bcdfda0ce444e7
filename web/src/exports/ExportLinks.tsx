import { readToken } from '../api/auth';
import { fetchExport } from '../api/client';

export interface ExportLink {
  readonly label: string;
  readonly href: string;
}

/**
 * Download buttons for copnet's export URLs (as the API gives them). Without a token they
 * are plain links; with one, the click fetches the file with the token and saves it.
 */
export function ExportLinks({ title, links }: { title: string; links: readonly ExportLink[] }) {
  async function download(event: React.MouseEvent<HTMLAnchorElement>, link: ExportLink) {
    if (readToken(sessionStorage) === null) return;
    event.preventDefault();
    const response = await fetchExport(link.href);
    const disposition = response.headers.get('content-disposition') ?? '';
    const filename = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'copnet-export';
    const url = URL.createObjectURL(await response.blob());
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = filename;
    anchor.click();
    URL.revokeObjectURL(url);
  }
  return (
    <section className="exports" aria-label={title}>
      <h3>{title}</h3>
      <ul>
        {links.map((link) => (
          <li key={link.label}>
            <a className="button" href={link.href} download onClick={(event) => void download(event, link)}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
