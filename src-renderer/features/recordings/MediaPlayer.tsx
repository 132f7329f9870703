import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../../../src-main/contract/index.js';

interface Props {
  kind: MediaKind;
  /** Null until the host has said where to load it from. */
  src: string | null;
  name: string;
}

/** Plays straight from the archive through the host (custom protocol or /media/…), never a copy. */
export function MediaPlayer({ kind, src, name }: Props) {
  const { t } = useTranslation();
  if (src === null && kind !== 'other') {
    // A picture's box is held while its address comes, so what lies below does not jump as it arrives.
    return kind === 'audio' ? (
      <p className="muted" data-testid="player-loading">
        {t('common.loading')}
      </p>
    ) : (
      <div className="player player-placeholder" data-testid="player-loading">
        {t('common.loading')}
      </div>
    );
  }
  const source = src ?? undefined;
  switch (kind) {
    case 'video':
      return <video className="player" controls preload="metadata" src={source} data-testid="player-video" aria-label={name} />;
    case 'audio':
      return <audio className="player" controls preload="metadata" src={source} data-testid="player-audio" aria-label={name} />;
    case 'photo':
      return <img className="player" src={source} alt={name} data-testid="player-photo" />;
    case 'other':
      return (
        <p className="muted" data-testid="player-none">
          {t('detail.noPreview')}
        </p>
      );
  }
}
