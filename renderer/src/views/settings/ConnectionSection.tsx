/**
 * Microsoft Graph connection: cloud, tenant, app registration (client id) and its credential. The client
 * secret is write-only: the view only knows whether one is set, and an empty field keeps it.
 */
import { useState } from 'react';
import type { ConnectionTestRequest, SettingsPatch } from '../../../../shared/api/requests';
import type { SettingsView } from '../../../../shared/api/views';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/status';
import { useT, type MessageKey } from '../../i18n';
import { useSettingsStore, useStores } from '../../stores/provider';
import { isLocked, useSectionForm } from './form';
import { SaveStatus } from './SaveStatus';

const CLOUDS: { value: SettingsView['cloud']; key: MessageKey }[] = [
  { value: 'global', key: 'settings.cloud.global' },
  { value: 'usgov-l4', key: 'settings.cloud.usgov-l4' },
  { value: 'usgov-l5', key: 'settings.cloud.usgov-l5' },
  { value: 'china', key: 'settings.cloud.china' },
];

function isCloud(value: string): value is SettingsView['cloud'] {
  return CLOUDS.some((cloud) => cloud.value === value);
}

type CredentialType = 'secret' | 'certificate';

/** Tests the values on screen, saved or not (the core decides whether a saved secret may be used). */
function ConnectionTest({ request }: { request: ConnectionTestRequest }) {
  const t = useT();
  const { settings } = useStores();
  const test = useSettingsStore((state) => state.connectionTest);
  return (
    <div className="connection-test">
      <button type="button" onClick={() => void settings.getState().testConnection(request)} disabled={test.status === 'loading'}>
        {t('settings.testConnection')}
      </button>
      {test.status === 'loading' && <Loading label={t('settings.testing')} />}
      {test.status === 'error' && <ErrorNotice error={test.error} />}
      {test.status === 'ready' && (
        <div className={`notice ${test.value.tokenAcquired && test.value.missingPermissions.length === 0 ? 'notice-ok' : 'notice-error'}`} role="status">
          <p>
            <strong>{test.value.tokenAcquired ? t('settings.tokenAcquired') : t('settings.tokenNotAcquired')}</strong>
          </p>
          {test.value.error !== undefined && <p>{test.value.error}</p>}
          {test.value.grantedPermissions.length > 0 && (
            <p>
              {t('settings.permissionsGranted')} {test.value.grantedPermissions.map((p) => <code key={p}>{p} </code>)}
            </p>
          )}
          {test.value.missingPermissions.length > 0 && (
            <p>
              {t('settings.permissionsMissing')} {test.value.missingPermissions.map((p) => <code key={p}>{p} </code>)}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

export function ConnectionSection({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const locked = (key: string) => isLocked(view.managedKeys, key);
  const [cloud, setCloud] = useState(view.cloud);
  const [tenantId, setTenantId] = useState(view.tenantId ?? '');
  const [clientId, setClientId] = useState(view.clientId ?? '');
  const [credentialType, setCredentialType] = useState<CredentialType>(view.credential.type === 'certificate' ? 'certificate' : 'secret');
  const [secret, setSecret] = useState('');
  const [certificatePath, setCertificatePath] = useState(view.credential.type === 'certificate' ? view.credential.certificatePath : '');
  const [privateKeyPath, setPrivateKeyPath] = useState(view.credential.type === 'certificate' ? view.credential.privateKeyPath : '');
  const [passphrase, setPassphrase] = useState('');
  const passphraseSet = view.credential.type === 'certificate' && view.credential.privateKeyPassphraseSet;
  const secretSet = view.credential.type === 'secret' && view.credential.secretSet;

  const patch: SettingsPatch = {};
  if (!locked('cloud')) patch.cloud = cloud;
  // An empty id is left out (nothing to set) unless one was set before: clearing it is an error.
  if (!locked('tenantId') && (tenantId.trim() !== '' || view.tenantId !== undefined)) patch.tenantId = tenantId.trim();
  if (!locked('clientId') && (clientId.trim() !== '' || view.clientId !== undefined)) patch.clientId = clientId.trim();
  if (!locked('credential')) {
    if (credentialType === 'secret') {
      if (secret !== '') patch.credential = { type: 'secret', secret };
      else if (view.credential.type === 'secret') patch.credential = { type: 'secret' };
    } else if (certificatePath !== '' || privateKeyPath !== '' || view.credential.type === 'certificate') {
      patch.credential = { type: 'certificate', certificatePath: certificatePath.trim(), privateKeyPath: privateKeyPath.trim(), ...(passphrase !== '' && { privateKeyPassphrase: passphrase }) };
    }
  }
  const form = useSectionForm(patch);

  return (
    <section className="card settings-section" aria-labelledby="settings-connection">
      <h2 id="settings-connection">{t('settings.connection')}</h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!form.trySubmit()) return;
          void settings
            .getState()
            .update('connection', patch)
            .then((result) => {
              if (!result.ok) return form.showServerError(result.error);
              setSecret('');
              setPassphrase('');
            });
        }}
      >
        <Field label={t('settings.cloud')} locked={locked('cloud')} error={form.errorFor('cloud')}>
          {({ readOnly, ...control }) => (
            <select {...control} disabled={readOnly} value={cloud} onChange={(event) => isCloud(event.target.value) && setCloud(event.target.value)}>
              {CLOUDS.map((option) => (
                <option key={option.value} value={option.value}>
                  {t(option.key)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('settings.tenantId')} locked={locked('tenantId')} error={form.errorFor('tenantId')} hint={t('settings.tenantIdHint')}>
          {(control) => (
            <input {...control} value={tenantId} spellCheck={false} autoComplete="off" onChange={(event) => setTenantId(event.target.value)} onBlur={() => form.touch('tenantId')} />
          )}
        </Field>
        <Field label={t('settings.clientId')} locked={locked('clientId')} error={form.errorFor('clientId')} hint={t('settings.clientIdHint')}>
          {(control) => (
            <input {...control} value={clientId} spellCheck={false} autoComplete="off" onChange={(event) => setClientId(event.target.value)} onBlur={() => form.touch('clientId')} />
          )}
        </Field>
        <fieldset disabled={locked('credential')}>
          <legend>{t('settings.credential')}</legend>
          {locked('credential') && <p className="field-locked-note">{t('settings.managed')}</p>}
          <label className="choice">
            <input type="radio" name="credential-type" checked={credentialType === 'secret'} onChange={() => setCredentialType('secret')} />
            {t('settings.credentialSecret')}
          </label>
          <label className="choice">
            <input type="radio" name="credential-type" checked={credentialType === 'certificate'} onChange={() => setCredentialType('certificate')} />
            {t('settings.credentialCertificate')}
          </label>
          {credentialType === 'secret' ? (
            <Field
              label={t('settings.clientSecret')}
              hint={secretSet ? t('settings.secretSet') : t('settings.secretNotSet')}
              error={form.errorFor('credential.secret') ?? form.errorFor('credential')}
            >
              {(control) => (
                <input {...control} type="password" autoComplete="new-password" value={secret} onChange={(event) => setSecret(event.target.value)} onBlur={() => form.touch('credential.secret')} />
              )}
            </Field>
          ) : (
            <>
              <Field label={t('settings.certificatePath')} error={form.errorFor('credential.certificatePath')}>
                {(control) => <input {...control} value={certificatePath} spellCheck={false} onChange={(event) => setCertificatePath(event.target.value)} onBlur={() => form.touch('credential.certificatePath')} />}
              </Field>
              <Field label={t('settings.privateKeyPath')} error={form.errorFor('credential.privateKeyPath')}>
                {(control) => <input {...control} value={privateKeyPath} spellCheck={false} onChange={(event) => setPrivateKeyPath(event.target.value)} onBlur={() => form.touch('credential.privateKeyPath')} />}
              </Field>
              <Field
                label={t('settings.privateKeyPassphrase')}
                hint={`${t('settings.privateKeyPassphraseHint')} ${passphraseSet ? t('settings.secretSet') : t('settings.secretNotSet')}`}
                error={form.errorFor('credential.privateKeyPassphrase')}
              >
                {(control) => (
                  <input {...control} type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} onBlur={() => form.touch('credential.privateKeyPassphrase')} />
                )}
              </Field>
            </>
          )}
        </fieldset>
        <div className="form-actions">
          <button type="submit">{t('settings.saveConnection')}</button>
          <SaveStatus section="connection" />
        </div>
      </form>
      <ConnectionTest request={patch} />
    </section>
  );
}
