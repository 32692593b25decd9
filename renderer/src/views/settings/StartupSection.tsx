/** Launch at login (the Electron shell applies it; the headless agent ignores it). */
import { useState } from 'react';
import type { SettingsView } from '../../../../shared/api/views';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { useStores } from '../../stores/provider';
import { isLocked } from './form';
import { SaveStatus } from './SaveStatus';

export function StartupSection({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const locked = isLocked(view.managedKeys, 'launchAtLogin');
  const [launchAtLogin, setLaunchAtLogin] = useState(view.launchAtLogin);
  return (
    <section className="card settings-section" aria-labelledby="settings-startup">
      <h2 id="settings-startup">{t('settings.startup')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void settings.getState().update('startup', { launchAtLogin });
        }}
      >
        <Field label={t('settings.launchAtLogin')} locked={locked} className="field-checkbox">
          {({ readOnly, ...control }) => <input {...control} type="checkbox" disabled={readOnly} checked={launchAtLogin} onChange={(event) => setLaunchAtLogin(event.target.checked)} />}
        </Field>
        <div className="form-actions">
          {!locked && <button type="submit">{t('save.startup')}</button>}
          <SaveStatus section="startup" />
        </div>
      </form>
    </section>
  );
}
