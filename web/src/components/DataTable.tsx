import type { ReactNode } from 'react';

/** A plain table with a caption: the table view beside every chart. */
export function DataTable(props: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly ReactNode[])[];
  testId?: string;
}) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={props.caption}>
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <th key={j} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={j}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
