/**
 * The ingest API: where it listens, and its bearer tokens. A new token is shown exactly once, with a copy
 * button; the core stores only a hash, so it cannot be shown again. Revoking asks for confirmation.
 */
import { useEffect, useState } from 'react';
import { requestSchemas } from '../../../../shared/api/contract';
import type { SettingsView } from '../../../../shared/api/views';
import { validate } from '../../../../shared/validation';
import { Field } from '../../components/Field';
import { ErrorNotice, Loading } from '../../components/status';
import { useFormat, useT } from '../../i18n';
import { useIssueMessages } from '../../lib/validation-text';
import { useSettingsStore, useStores } from '../../stores/provider';
import { isLocked, useSectionForm } from './form';
import { SaveStatus } from './SaveStatus';

function NewToken() {
  const t = useT();
  const { settings } = useStores();
  const newToken = useSettingsStore((state) => state.newToken);
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  if (newToken.status === 'error') return <ErrorNotice error={newToken.error} />;
  if (newToken.status !== 'created') return null;
  return (
    <div className="notice notice-ok new-token" role="alert">
      <p>
        <strong>{t('settings.tokenCreated', { name: newToken.name })}</strong>
      </p>
      <p>{t('settings.tokenShownOnce')}</p>
      <p>
        <code className="token" aria-label={t('settings.tokenValue')}>
          {newToken.token}
        </code>
      </p>
      <button
        type="button"
        onClick={() => {
          const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
          if (clipboard === undefined) setCopied('failed');
          else clipboard.writeText(newToken.token).then(() => setCopied('copied'), () => setCopied('failed'));
        }}
      >
        {t('settings.copyToken')}
      </button>
      <button type="button" onClick={() => settings.getState().dismissNewToken()}>
        {t('settings.tokenDone')}
      </button>
      <span role="status" className="muted">
        {copied === 'copied' ? t('common.copied') : copied === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </div>
  );
}

function TokenList() {
  const t = useT();
  const format = useFormat();
  const { settings } = useStores();
  const tokens = useSettingsStore((state) => state.tokens);
  const revokeError = useSettingsStore((state) => state.revokeError);
  const [confirming, setConfirming] = useState<string | undefined>();
  if (tokens.status === 'loading' || tokens.status === 'idle') return <Loading />;
  if (tokens.status === 'error') return <ErrorNotice error={tokens.error} onRetry={() => void settings.getState().loadTokens()} />;
  if (tokens.value.length === 0) return <p className="muted">{t('settings.noTokens')}</p>;
  return (
    <>
      {revokeError !== undefined && <ErrorNotice error={revokeError} />}
      <table className="tokens">
        <caption className="visually-hidden">{t('settings.tokens')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('settings.tokenName')}</th>
            <th scope="col">{t('settings.tokenCreatedAt')}</th>
            <th scope="col">{t('settings.tokenLastUsed')}</th>
            <th scope="col">{t('settings.tokenStatus')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('settings.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.value.map((token) => (
            <tr key={token.name}>
              <th scope="row">{token.name}</th>
              <td>{format.dateTime(token.createdAt)}</td>
              <td>{token.lastUsedAt !== undefined ? format.dateTime(token.lastUsedAt) : t('settings.neverUsed')}</td>
              <td>{token.revoked ? t('settings.tokenRevoked') : t('settings.tokenActive')}</td>
              <td>
                {!token.revoked && confirming !== token.name && (
                  <button type="button" className="danger" onClick={() => setConfirming(token.name)} aria-label={t('settings.revokeToken', { name: token.name })}>
                    {t('settings.revoke')}
                  </button>
                )}
                {confirming === token.name && (
                  <span role="alertdialog" aria-label={t('settings.revokeConfirm', { name: token.name })}>
                    {t('settings.revokeConfirm', { name: token.name })}{' '}
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        setConfirming(undefined);
                        void settings.getState().revokeToken(token.name);
                      }}
                    >
                      {t('settings.revokeYes')}
                    </button>
                    <button type="button" onClick={() => setConfirming(undefined)}>
                      {t('common.cancel')}
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CreateToken() {
  const t = useT();
  const { settings } = useStores();
  const issueText = useIssueMessages();
  const creating = useSettingsStore((state) => state.newToken.status === 'creating');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      className="inline-form"
      noValidate
      aria-label={t('settings.createToken')}
      onSubmit={(event) => {
        event.preventDefault();
        const result = validate(requestSchemas.createIngestToken, { name: name.trim() });
        if (!result.ok) {
          setError(issueText(result.issues)['name']);
          return;
        }
        setError(undefined);
        void settings.getState().createToken(name.trim()).then(() => setName(''));
      }}
    >
      <Field label={t('settings.tokenName')} error={error} hint={t('settings.tokenNameHint')}>
        {(control) => <input {...control} value={name} spellCheck={false} onChange={(event) => setName(event.target.value)} />}
      </Field>
      <button type="submit" disabled={creating}>
        {t('settings.createToken')}
      </button>
    </form>
  );
}

function IngestEndpoint({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  const locked = isLocked(view.managedKeys, 'ingest');
  const [host, setHost] = useState(view.ingest.host);
  const [port, setPort] = useState(String(view.ingest.port));
  const patch = { ingest: { host: host.trim(), port: port.trim() === '' ? Number.NaN : Number(port) } };
  const form = useSectionForm(patch);
  return (
    <form
      noValidate
      className="inline-form"
      aria-label={t('settings.ingestEndpoint')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!form.trySubmit()) return;
        void settings
          .getState()
          .update('ingest', patch)
          .then((result) => {
            if (!result.ok) form.showServerError(result.error);
          });
      }}
    >
      <Field label={t('settings.ingestHost')} locked={locked} error={form.errorFor('ingest.host')}>
        {(control) => <input {...control} value={host} spellCheck={false} onChange={(event) => setHost(event.target.value)} onBlur={() => form.touch('ingest.host')} />}
      </Field>
      <Field label={t('settings.ingestPort')} locked={locked} error={form.errorFor('ingest.port')}>
        {(control) => <input {...control} type="number" min={0} max={65535} value={port} onChange={(event) => setPort(event.target.value)} onBlur={() => form.touch('ingest.port')} />}
      </Field>
      {!locked && <button type="submit">{t('save.ingest')}</button>}
      <SaveStatus section="ingest" />
    </form>
  );
}

export function TokensSection({ view }: { view: SettingsView }) {
  const t = useT();
  const { settings } = useStores();
  useEffect(() => {
    void settings.getState().loadTokens();
    return () => settings.getState().dismissNewToken();
  }, [settings]);
  return (
    <section className="card settings-section" aria-labelledby="settings-ingest">
      <h2 id="settings-ingest">{t('settings.ingest')}</h2>
      <IngestEndpoint view={view} />
      <h3>{t('settings.tokens')}</h3>
      <NewToken />
      <TokenList />
      <CreateToken />
    </section>
  );
}
