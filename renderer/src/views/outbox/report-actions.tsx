/**
 * The operator's actions on one report: resubmit (failed only), discard with a reason and a confirmation,
 * attach the Teams ids a report waits for (both validated as GUIDs with the shared schema), copy the JSON.
 */
import { useState } from 'react';
import { guidSchema } from '../../../../shared/api/requests';
import type { ReportDetail } from '../../../../shared/api/views';
import { validate } from '../../../../shared/validation';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useIssueMessages } from '../../lib/validation-text';
import { useOutboxStore, useStores } from '../../stores/provider';
import { copyText, type CopyOutcome } from './copy-text';

const UNSENT = new Set(['needs_context', 'pending', 'failed']);

export function DiscardAction({ report }: { report: ReportDetail }) {
  const t = useT();
  const { outbox } = useStores();
  const [step, setStep] = useState<{ status: 'closed' } | { status: 'reason'; showError: boolean } | { status: 'confirm' }>({ status: 'closed' });
  const [reason, setReason] = useState('');
  const reasonError = reason.trim() === '' ? t('outbox.discardReasonRequired') : undefined;

  if (step.status === 'closed') {
    return (
      <button type="button" className="danger" onClick={() => setStep({ status: 'reason', showError: false })}>
        {t('outbox.discard')}
      </button>
    );
  }
  if (step.status === 'confirm') {
    return (
      <div role="alertdialog" aria-labelledby="discard-confirm-text" className="confirm">
        <p id="discard-confirm-text">{t('outbox.discardConfirm', { reason: reason.trim() })}</p>
        <button
          type="button"
          className="danger"
          onClick={() => {
            setStep({ status: 'closed' });
            void outbox.getState().discard([report.id], reason.trim());
          }}
        >
          {t('outbox.discardConfirmYes')}
        </button>
        <button type="button" onClick={() => setStep({ status: 'reason', showError: false })}>
          {t('common.cancel')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="inline-form"
      aria-label={t('outbox.discardTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        if (reasonError !== undefined) setStep({ status: 'reason', showError: true });
        else setStep({ status: 'confirm' });
      }}
    >
      <Field label={t('outbox.discardReason')} error={step.showError ? reasonError : undefined}>
        {(control) => <textarea {...control} value={reason} maxLength={500} rows={2} onChange={(event) => setReason(event.target.value)} />}
      </Field>
      <button type="submit" className="danger">
        {t('outbox.discardContinue')}
      </button>
      <button type="button" onClick={() => setStep({ status: 'closed' })}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function AttachAction({ report }: { report: ReportDetail }) {
  const t = useT();
  const { outbox } = useStores();
  const issueText = useIssueMessages();
  const [open, setOpen] = useState(false);
  const [callChainId, setCallChainId] = useState(report.callChainId ?? '');
  const [participantId, setParticipantId] = useState(report.participantId ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('outbox.attach')}
      </button>
    );
  }
  const check = (value: string) => {
    const result = validate(guidSchema, value.trim());
    return result.ok ? undefined : issueText(result.issues)[''];
  };
  return (
    <form
      className="inline-form"
      aria-label={t('outbox.attachTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        const next: Record<string, string> = {};
        const chainError = check(callChainId);
        const participantError = check(participantId);
        if (chainError !== undefined) next['callChainId'] = chainError;
        if (participantError !== undefined) next['participantId'] = participantError;
        setErrors(next);
        if (Object.keys(next).length > 0) return;
        void outbox
          .getState()
          .attachContext([report.id], callChainId.trim(), participantId.trim())
          .then((result) => {
            if (result.ok) setOpen(false);
          });
      }}
    >
      <Field label={t('outbox.callChainId')} error={errors['callChainId']} hint={t('outbox.callChainIdHint')}>
        {(control) => <input {...control} value={callChainId} spellCheck={false} onChange={(event) => setCallChainId(event.target.value)} />}
      </Field>
      <Field label={t('outbox.participantId')} error={errors['participantId']} hint={t('outbox.participantIdHint')}>
        {(control) => <input {...control} value={participantId} spellCheck={false} onChange={(event) => setParticipantId(event.target.value)} />}
      </Field>
      <button type="submit">{t('outbox.attachSave')}</button>
      <button type="button" onClick={() => setOpen(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function CopyJsonAction({ report }: { report: ReportDetail }) {
  const t = useT();
  const [copied, setCopied] = useState<CopyOutcome | 'idle'>('idle');
  return (
    <>
      <button type="button" onClick={() => void copyText(JSON.stringify(report.body, null, 2)).then(setCopied)}>
        {t('outbox.copyJson')}
      </button>
      <span role="status" className="muted">
        {copied === 'copied' ? t('common.copied') : copied === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </>
  );
}

export function ReportActions({ report }: { report: ReportDetail }) {
  const t = useT();
  const { outbox } = useStores();
  const action = useOutboxStore((state) => state.action);
  const running = action.status === 'running';
  return (
    <div className="actions" aria-label={t('outbox.actions')} role="group">
      {report.state === 'failed' && (
        <button type="button" disabled={running} onClick={() => void outbox.getState().resubmit([report.id])}>
          {t('outbox.resubmit')}
        </button>
      )}
      {report.state === 'needs_context' && <AttachAction key={`attach-${report.id}`} report={report} />}
      {UNSENT.has(report.state) && <DiscardAction key={`discard-${report.id}`} report={report} />}
      <CopyJsonAction key={`copy-${report.id}`} report={report} />
      <ActionOutcome />
    </div>
  );
}

function ActionOutcome() {
  const t = useT();
  const action = useOutboxStore((state) => state.action);
  let text = '';
  if (action.status === 'running') text = t('common.working');
  if (action.status === 'done') {
    text = t(action.kind === 'resubmit' ? 'outbox.resubmitted' : action.kind === 'discard' ? 'outbox.discarded' : 'outbox.attached', { count: action.count });
  }
  return (
    <p role="status" className={action.status === 'error' ? 'field-error' : 'muted'}>
      {action.status === 'error' ? `${t('outbox.actionFailed')} ${action.error.message}` : text}
    </p>
  );
}
