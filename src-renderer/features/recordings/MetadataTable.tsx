import { useTranslation } from 'react-i18next';

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Everything the station read from the file, as read, behind a disclosure so it does not crowd. */
export function MetadataTable({ metadata }: { metadata: Record<string, unknown> }) {
  const { t } = useTranslation();
  const entries = Object.entries(metadata);
  return (
    <details className="metadata">
      <summary>{t('detail.metadata', { n: entries.length })}</summary>
      <table>
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              <td className="mono break">{show(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
