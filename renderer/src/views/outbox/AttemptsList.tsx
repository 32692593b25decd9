/**
 * A report's send attempts, newest last, one compact item each so they stay readable in the narrow side
 * panel (1440 px: ~28 rem wide): when, outcome, HTTP status, duration and the Graph error on the first lines,
 * then the request-id and client-request-id that Microsoft support asks for, whole and in monospace, each
 * with a copy button. A labelled list of definition lists: a screen reader hears every value with its name.
 */
import { useState } from 'react';
import type { ReportAttemptView, ReportDetail } from '../../../../shared/api/views';
import { useFormat, useT, type MessageKey } from '../../i18n';
import { copyText, type CopyOutcome } from './copy-text';

const OUTCOME_KEY: Record<ReportAttemptView['outcome'], MessageKey> = {
  sent: 'outbox.outcome.sent',
  retry: 'outbox.outcome.retry',
  failed: 'outbox.outcome.failed',
  in_flight: 'outbox.outcome.in_flight',
  deferred: 'outbox.outcome.deferred',
  interrupted: 'outbox.outcome.interrupted',
};

const HEADING_ID = 'report-attempts-heading';

function IdLine({ label, value, attemptNo, onCopied }: { label: string; value: string | undefined; attemptNo: number; onCopied(outcome: CopyOutcome): void }) {
  const t = useT();
  return (
    <div className="attempt-id">
      <dt>{label}</dt>
      <dd>
        <code className="id">{value ?? '—'}</code>
        {value !== undefined && (
          <button
            type="button"
            className="copy-button"
            aria-label={t('outbox.copyAttemptId', { name: label, attempt: String(attemptNo) })}
            onClick={() => void copyText(value).then(onCopied)}
          >
            {t('common.copy')}
          </button>
        )}
      </dd>
    </div>
  );
}

function AttemptItem({ attempt, onCopied }: { attempt: ReportAttemptView; onCopied(outcome: CopyOutcome): void }) {
  const t = useT();
  const format = useFormat();
  const hasError = attempt.errorCode !== undefined || attempt.errorMessage !== undefined || attempt.retryAfterMs !== undefined;
  return (
    <li className="attempt">
      <dl className="attempt-facts">
        <div>
          <dt className="visually-hidden">#</dt>
          <dd className="attempt-no">#{attempt.attemptNo}</dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('outbox.attemptStarted')}</dt>
          <dd>
            <time dateTime={attempt.startedAt}>{format.dateTimeShort(attempt.startedAt)}</time>
          </dd>
        </div>
        <div>
          <dt className="visually-hidden">{t('outbox.attemptOutcome')}</dt>
          <dd className={`attempt-outcome outcome-${attempt.outcome}`}>{t(OUTCOME_KEY[attempt.outcome])}</dd>
        </div>
        <div>
          <dt>{t('outbox.httpStatus')}</dt>
          <dd>{attempt.httpStatus ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('outbox.duration')}</dt>
          <dd>{format.milliseconds(attempt.durationMs)}</dd>
        </div>
      </dl>
      <dl className="attempt-details">
        {hasError && (
          <div className="attempt-error">
            <dt className="visually-hidden">{t('outbox.graphError')}</dt>
            <dd>
              {attempt.errorCode !== undefined && <code>{attempt.errorCode}</code>} {attempt.errorMessage ?? ''}
              {attempt.retryAfterMs !== undefined && <span className="muted"> · {t('outbox.retryAfter', { time: format.span(attempt.retryAfterMs) })}</span>}
            </dd>
          </div>
        )}
        <IdLine label={t('outbox.requestIdColumn')} value={attempt.requestId} attemptNo={attempt.attemptNo} onCopied={onCopied} />
        <IdLine label={t('outbox.clientRequestId')} value={attempt.clientRequestId} attemptNo={attempt.attemptNo} onCopied={onCopied} />
      </dl>
    </li>
  );
}

export function AttemptsList({ report }: { report: ReportDetail }) {
  const t = useT();
  const [copied, setCopied] = useState<CopyOutcome | undefined>(undefined);
  return (
    <section className="attempts">
      <h3 id={HEADING_ID}>{t('outbox.attempts')}</h3>
      {report.attempts.length === 0 ? (
        <p className="muted">{t('outbox.noAttempts')}</p>
      ) : (
        <ol className="attempt-list" aria-labelledby={HEADING_ID}>
          {report.attempts.map((attempt) => (
            <AttemptItem key={attempt.attemptNo} attempt={attempt} onCopied={setCopied} />
          ))}
        </ol>
      )}
      {/* One live region for every copy button of the list, so each copy is announced once. */}
      <p role="status" className="muted attempt-copy-status">
        {copied === 'copied' ? t('common.copied') : copied === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </section>
  );
}
