/** Small shared pieces for the load states every view has: loading, error (with the core's message), empty. */
import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/api/result';
import { useT } from '../i18n';
import { ERROR_CODE_KEY } from '../lib/labels';

export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p className="notice notice-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorNotice({ error, title, onRetry }: { error: AppError; title?: string; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{title ?? t(ERROR_CODE_KEY[error.code])}</strong> {error.message}
      </p>
      {error.details !== undefined && error.details.length > 0 && (
        <ul>
          {error.details.map((detail) => (
            <li key={`${detail.path}:${detail.message}`}>
              <code>{detail.path === '' ? t('common.request') : detail.path}</code>: {detail.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry !== undefined && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="notice notice-empty">{children}</p>;
}
