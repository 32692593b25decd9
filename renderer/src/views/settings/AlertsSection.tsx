/**
 * Classification thresholds (per-installation overrides of the built-in defaults, edited as JSON because
 * their shape belongs to the core), the alert cooldown and do-not-disturb.
 */
import { useState } from 'react';
import type { SettingsPatch } from '../../../../shared/api/requests';
import type { SettingsView } from '../../../../shared/api/views';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { isObject } from '../../lib/read';
import { thresholdOverridesSchema } from '../../../../shared/domain/thresholds';
import { formatIssues, validate } from '../../../../shared/validation';
import { useStores } from '../../stores/provider';
import { isLocked, useSectionForm } from './form';
import { SaveStatus } from './SaveStatus';
import { BuiltInThresholds } from './BuiltInThresholds';

type Parsed = { ok: true; value: Record<string, unknown> } | { ok: false; problem?: string };

/** JSON object, then the shared thresholds schema: a wrong key or value is named before anything is sent. */
function parseObject(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false };
  }
  if (!isObject(value)) return { ok: false };
  const checked = validate(thresholdOverridesSchema, value, 'thresholds');
  return checked.ok ? { ok: true, value } : { ok: false, problem: formatIssues(checked.issues) };
}

export function AlertsSection({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const locked = (key: string) => isLocked(view.managedKeys, key);
  const [thresholds, setThresholds] = useState(() => JSON.stringify(view.thresholds, null, 2));
  const [cooldown, setCooldown] = useState(String(view.alertCooldownMinutes));
  const [doNotDisturb, setDoNotDisturb] = useState(view.doNotDisturb);

  const parsed = parseObject(thresholds);
  const patch: SettingsPatch = {};
  if (!locked('thresholds') && parsed.ok) patch.thresholds = parsed.value;
  if (!locked('alertCooldownMinutes')) patch.alertCooldownMinutes = cooldown.trim() === '' ? Number.NaN : Number(cooldown);
  if (!locked('doNotDisturb')) patch.doNotDisturb = doNotDisturb;
  const form = useSectionForm(patch, parsed.ok ? {} : { thresholds: parsed.problem ?? t('settings.thresholdsInvalid') });

  return (
    <section className="card settings-section" aria-labelledby="settings-alerts">
      <h2 id="settings-alerts">{t('settings.alerts')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.trySubmit()) return;
          void settings
            .getState()
            .update('alerts', patch)
            .then((result) => {
              if (!result.ok) form.showServerError(result.error);
            });
        }}
      >
        <Field label={t('settings.cooldown')} locked={locked('alertCooldownMinutes')} error={form.errorFor('alertCooldownMinutes')} hint={t('settings.cooldownHint')}>
          {(control) => <input {...control} type="number" min={0} max={1440} value={cooldown} onChange={(event) => setCooldown(event.target.value)} onBlur={() => form.touch('alertCooldownMinutes')} />}
        </Field>
        <Field label={t('settings.doNotDisturb')} locked={locked('doNotDisturb')} hint={t('settings.doNotDisturbHint')} className="field-checkbox">
          {({ readOnly, ...control }) => <input {...control} type="checkbox" disabled={readOnly} checked={doNotDisturb} onChange={(event) => setDoNotDisturb(event.target.checked)} />}
        </Field>
        <Field label={t('settings.thresholds')} locked={locked('thresholds')} error={form.errorFor('thresholds')} hint={t('settings.thresholdsHint')}>
          {(control) => <textarea {...control} className="code" rows={8} spellCheck={false} value={thresholds} onChange={(event) => setThresholds(event.target.value)} onBlur={() => form.touch('thresholds')} />}
        </Field>
        <BuiltInThresholds />
        <div className="form-actions">
          <button type="submit">{t('save.alerts')}</button>
          <SaveStatus section="alerts" />
        </div>
      </form>
    </section>
  );
}
