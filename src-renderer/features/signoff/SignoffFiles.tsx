import { useTranslation } from 'react-i18next';
import type { IngestFile } from '../../../src-main/contract/index.js';
import { CopyButton } from '../../components/CopyButton.js';
import { PathText } from '../../components/PathText.js';
import { StatusBadge } from '../../components/StatusBadge.js';
import { formatBytes } from '../../format/bytes.js';

/** Every file of the import with its whole SHA-256 and how the written copy was read back. */
export function SignoffFiles({ files }: { files: readonly IngestFile[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="signoff-files-heading">
      <h4 id="signoff-files-heading">{t('signoff.files', { n: files.length })}</h4>
      <table className="files" data-testid="signoff-files">
        <thead>
          <tr>
            <th scope="col">{t('files.status')}</th>
            <th scope="col">{t('files.source')}</th>
            <th scope="col">{t('files.size')}</th>
            <th scope="col">SHA-256</th>
            <th scope="col">{t('signoff.verifiedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.source} data-status={file.status} data-testid="signoff-file">
              <td>
                <StatusBadge status={file.status} />
              </td>
              <td className="mono">
                <PathText path={file.source} />
              </td>
              <td className="num nowrap">{formatBytes(file.size)}</td>
              <td className="mono hash-full" data-testid="signoff-file-sha256">
                {file.sha256 ?? '—'}
                {file.sha256 ? (
                  <>
                    {' '}
                    <CopyButton value={file.sha256} testId="signoff-file-copy" />
                  </>
                ) : null}
              </td>
              <td data-testid="signoff-file-verification" data-method={file.verification ?? 'none'}>
                {file.verification ? t(`verification.${file.verification}`) : t('signoff.notVerified')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
