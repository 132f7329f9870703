import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { FolderIcon } from '../../components/FolderIcon.js';
import { baseName, entryPath } from '../../format/paths.js';
import { useCommand } from '../../hooks/use-command.js';

interface Props {
  /** The folder being shown; null asks the station for its starting folder. */
  folder: string | null;
  onOpen(path: string): void;
}

export function FolderBrowser({ folder, onOpen }: Props) {
  const { t } = useTranslation();
  const listing = useCommand('sources.browse', folder === null ? {} : { path: folder });
  const shown = listing.value;
  return (
    <section className="panel folder-browser" aria-labelledby="browser-heading">
      <div className="panel-head">
        <h3 id="browser-heading">{t('import.browse')}</h3>
        <button
          type="button"
          className="link"
          disabled={!shown?.parent}
          onClick={() => shown?.parent && onOpen(shown.parent)}
          data-testid="browse-up"
        >
          {t('import.up')}
        </button>
      </div>
      {listing.state === 'failed' ? <ErrorMessage error={listing.error} testId="browse-error" /> : null}
      {shown ? (
        <>
          <p className="mono current-folder" data-testid="browse-path">
            {shown.path}
          </p>
          {shown.directories.length === 0 ? <p className="muted">{t('import.noSubfolders')}</p> : null}
          <ul className="folder-list" data-testid="folder-list">
            {shown.directories.map((entry) => (
              <li key={entry}>
                <button type="button" className="folder" onClick={() => onOpen(entryPath(shown.path, entry))}>
                  <FolderIcon /> {baseName(entry)}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : listing.state === 'loading' ? (
        <p className="muted">{t('common.loading')}</p>
      ) : null}
    </section>
  );
}
