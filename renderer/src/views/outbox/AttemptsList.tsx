/**
 * A report's timeline: its send attempts and what operators did to it (resubmit, discard, attach Teams ids:
 * who, when, why), oldest first. Attempts, one compact item each so they stay readable in the narrow side
 * panel (1440 px: ~28 rem wide): when, outcome, HTTP status, duration and the Graph error on the first lines,
 * then the request-id and client-request-id that Microsoft support asks for, whole and in monospace, each
 * with a copy button. A labelled list of definition lists: a screen reader hears every value with its name.
 */
import { useState } from 'react';
import type { ReportAttemptView, ReportDetail, ReportOperatorActionView } from '../../../../shared/api/views';
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

const ACTION_KEY: Record<ReportOperatorActionView['action'], MessageKey> = {
  resubmit: 'timeline.resubmit',
  discard: 'timeline.discard',
  attach_context: 'timeline.attach',
};

/** An operator's action in the timeline: what, who, when and why. */
function ActionItem({ action }: { action: ReportOperatorActionView }) {
  const t = useT();
  const format = useFormat();
  return (
    <li className="attempt operator-action">
      <span className="operator-action-what">{t(ACTION_KEY[action.action], { actor: action.actor })}</span>{' '}
      <time dateTime={action.at}>{format.dateTimeShort(action.at)}</time>
      {action.reason !== undefined && <span className="operator-action-reason"> · {t('timeline.reason', { reason: action.reason })}</span>}
    </li>
  );
}

type TimelineEntry = { kind: 'attempt'; at: string; attempt: ReportAttemptView } | { kind: 'action'; at: string; action: ReportOperatorActionView };

/** Attempts and operator actions in one list, oldest first (an action at the same time as an attempt goes first). */
function timelineOf(report: ReportDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...(report.operatorActions ?? []).map((action): TimelineEntry => ({ kind: 'action', at: action.at, action })),
    ...report.attempts.map((attempt): TimelineEntry => ({ kind: 'attempt', at: attempt.startedAt, attempt })),
  ];
  // A stable sort keeps each kind in its own order among equal times.
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

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
      {report.attempts.length === 0 && <p className="muted">{t('outbox.noAttempts')}</p>}
      {timelineOf(report).length > 0 && (
        <ol className="attempt-list" aria-labelledby={HEADING_ID}>
          {timelineOf(report).map((entry, index) =>
            entry.kind === 'attempt' ? (
              <AttemptItem key={`attempt-${entry.attempt.attemptNo}`} attempt={entry.attempt} onCopied={setCopied} />
            ) : (
              <ActionItem key={`action-${index}`} action={entry.action} />
            ),
          )}
        </ol>
      )}
      {/* One live region for every copy button of the list, so each copy is announced once. */}
      <p role="status" className="muted attempt-copy-status">
        {copied === 'copied' ? t('common.copied') : copied === 'failed' ? t('common.copyFailed') : ''}
      </p>
    </section>
  );
}
