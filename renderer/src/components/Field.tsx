/**
 * A labelled form field with its validation message right next to it (aria-describedby + aria-invalid, so a
 * screen reader reads the message with the field), and the "managed by your administrator" note when the
 * fleet configuration locks it.
 */
import { useId, type ReactNode } from 'react';
import { useT } from '../i18n';

export interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  locked?: boolean;
  /** Renders the control with the ids and state it must carry. */
  children(control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; readOnly?: boolean }): ReactNode;
  className?: string;
}

export function Field({ label, error, hint, locked = false, children, className }: FieldProps) {
  const t = useT();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const lockedId = `${id}-locked`;
  const describedBy = [hint !== undefined ? hintId : '', locked ? lockedId : '', error !== undefined ? errorId : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={['field', error !== undefined ? 'field-invalid' : '', locked ? 'field-locked' : '', className ?? ''].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy !== '' ? { 'aria-describedby': describedBy } : {}),
        ...(error !== undefined ? { 'aria-invalid': true } : {}),
        // Text inputs stay focusable when locked (readOnly, not disabled) so the note is read with them;
        // selects and checkboxes, which have no readOnly, turn it into `disabled`.
        ...(locked ? { readOnly: true } : {}),
      })}
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {locked && (
        <p id={lockedId} className="field-locked-note">
          {t('settings.managed')}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
