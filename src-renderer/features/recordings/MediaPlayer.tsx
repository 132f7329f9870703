import { useTranslation } from 'react-i18next';
import type { MediaKind } from '../../../src-main/contract/index.js';

interface Props {
  kind: MediaKind;
  src: string;
  name: string;
}

/** Plays straight from the archive through the host (custom protocol or /media/…), never a copy. */
export function MediaPlayer({ kind, src, name }: Props) {
  const { t } = useTranslation();
  switch (kind) {
    case 'video':
      return <video className="player" controls preload="metadata" src={src} data-testid="player-video" aria-label={name} />;
    case 'audio':
      return <audio className="player" controls preload="metadata" src={src} data-testid="player-audio" aria-label={name} />;
    case 'photo':
      return <img className="player" src={src} alt={name} data-testid="player-photo" />;
    case 'other':
      return (
        <p className="muted" data-testid="player-none">
          {t('detail.noPreview')}
        </p>
      );
  }
}
