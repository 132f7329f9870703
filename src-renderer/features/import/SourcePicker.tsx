import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderBrowser } from './FolderBrowser.js';
import { VolumeList } from './VolumeList.js';

interface Props {
  starting: boolean;
  onStart(sourcePath: string): void;
  /** The path changed: an error about the previous one no longer applies. */
  onPathChange(): void;
}

/** Three ways to the same thing, a source folder: a mounted volume, browsing, or typing it. */
export function SourcePicker({ starting, onStart, onPathChange }: Props) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [browsed, setBrowsed] = useState<string | null>(null);

  const edit = (next: string) => {
    setPath(next);
    onPathChange();
  };
  const open = (folder: string) => {
    edit(folder);
    setBrowsed(folder);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sourcePath = path.trim();
    if (sourcePath) onStart(sourcePath);
  };

  return (
    <div className="source-picker">
      <form className="panel path-form" onSubmit={submit}>
        <label htmlFor="source-path">{t('import.pathLabel')}</label>
        <div className="path-row">
          <input
            id="source-path"
            data-testid="source-path"
            className="mono"
            value={path}
            onChange={(event) => edit(event.target.value)}
            placeholder={t('import.pathPlaceholder')}
            autoComplete="off"
            spellCheck={false}
          />
          <button type="button" onClick={() => path.trim() && setBrowsed(path.trim())} data-testid="browse-typed">
            {t('import.showFolder')}
          </button>
          <button type="submit" className="primary" disabled={starting || !path.trim()} data-testid="start-ingest">
            {starting ? t('import.starting') : t('import.start')}
          </button>
        </div>
        <p className="muted hint">{t('import.hint')}</p>
      </form>
      <div className="picker-columns">
        <VolumeList selected={path} onSelect={open} />
        <FolderBrowser folder={browsed} onOpen={open} />
      </div>
    </div>
  );
}
