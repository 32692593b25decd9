import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsView } from '../../renderer/src/views/settings/SettingsView';
import { CLIENT, TENANT, createFakeApi, fail, ok, settingsView, type FakeApi } from './fake-api';
import { Started, renderWithApi } from './render';

function renderSettings(setup?: (fake: FakeApi) => void) {
  const fake = createFakeApi();
  setup?.(fake);
  return renderWithApi(
    <Started>
      <SettingsView />
    </Started>,
    fake,
  );
}

/** The text a screen reader reads with a field (its aria-describedby targets), and whether it is marked invalid. */
function describedBy(field: HTMLElement): { text: string; invalid: boolean } {
  const ids = field.getAttribute('aria-describedby')?.split(' ') ?? [];
  const text = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
  return { text, invalid: field.getAttribute('aria-invalid') === 'true' };
}

/** A message in a live region (status or alert; <output> is a status), so it is announced and not only drawn. */
function inLiveRegion(element: HTMLElement): boolean {
  return element.closest('[role="status"], [role="alert"], output') !== null;
}

describe('Settings view', () => {
  it('shows loading, then the settings with secrets only as set / not set', async () => {
    const fake = createFakeApi();
    const held = fake.hold('getSettings');
    renderWithApi(
      <Started>
        <SettingsView />
      </Started>,
      fake,
    );
    expect(inLiveRegion(screen.getByText('Loading settings…'))).toBe(true);
    await act(async () => held.release(ok(settingsView())));
    const connection = await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    expect((within(connection).getByLabelText('Tenant id') as HTMLInputElement).value).toBe(TENANT);
    const secret = within(connection).getByLabelText('New client secret') as HTMLInputElement;
    expect(secret.value).toBe('');
    expect(secret.type).toBe('password');
    expect(describedBy(secret)).toEqual({ text: expect.stringContaining('A value is stored. Leave empty to keep it.'), invalid: false });
  });

  it('shows an error when the settings cannot be read', async () => {
    renderSettings((f) => f.respond('getSettings', () => fail('not_ready', 'The core is starting')));
    expect(inLiveRegion(await screen.findByText('The core is starting'))).toBe(true);
    expect(screen.queryByRole('region', { name: 'Microsoft Graph connection' })).toBeNull();
  });

  it('shows "must be a GUID…" next to an invalid tenant id and does not save it', async () => {
    const { fake } = renderSettings();
    await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    const tenant = screen.getByLabelText('Tenant id');
    fireEvent.change(tenant, { target: { value: 'contoso.onmicrosoft.com' } });
    fireEvent.blur(tenant);
    const message = screen.getByText('must be a GUID such as 0622673d-9f69-49b3-9d4f-5ec64f42ecce');
    expect(tenant.getAttribute('aria-invalid')).toBe('true');
    expect(tenant.getAttribute('aria-describedby')?.split(' ')).toContain(message.id);
    // Next to the field: same field wrapper as the tenant input.
    expect(message.closest('.field')).toBe(tenant.closest('.field'));
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    expect(fake.callsTo('updateSettings')).toEqual([]);
  });

  it('translates the validation message in French', async () => {
    renderSettings();
    await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    fireEvent.change(screen.getByLabelText('Language of the interface'), { target: { value: 'fr' } });
    const tenant = await screen.findByLabelText('Identifiant du locataire');
    fireEvent.change(tenant, { target: { value: 'pas-un-guid' } });
    fireEvent.blur(tenant);
    expect(describedBy(tenant)).toEqual({ text: expect.stringContaining('doit être un GUID, par exemple 0622673d-9f69-49b3-9d4f-5ec64f42ecce'), invalid: true });
  });

  it('saves the connection as a patch, the new secret included once', async () => {
    const { fake } = renderSettings((f) => f.respond('getSettings', () => ok(settingsView({ tenantId: undefined, clientId: undefined, credential: { type: 'none' } }))));
    await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    fireEvent.change(screen.getByLabelText('Tenant id'), { target: { value: TENANT } });
    fireEvent.change(screen.getByLabelText('Client id'), { target: { value: CLIENT } });
    fireEvent.change(screen.getByLabelText('New client secret'), { target: { value: 's3cr3t' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() =>
      expect(fake.callsTo('updateSettings')).toEqual([{ cloud: 'global', tenantId: TENANT, clientId: CLIENT, credential: { type: 'secret', secret: 's3cr3t' } }]),
    );
    expect(inLiveRegion(await screen.findByText('Saved.'))).toBe(true);
    expect((screen.getByLabelText('New client secret') as HTMLInputElement).value).toBe('');
  });

  it('shows the core’s validation details next to the field', async () => {
    const { fake } = renderSettings((f) =>
      f.respond('updateSettings', () => fail('invalid_input', 'invalid settings', [{ path: 'clientId', message: 'must be a GUID such as 0622673d-9f69-49b3-9d4f-5ec64f42ecce' }])),
    );
    await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(fake.callsTo('updateSettings')).toHaveLength(1));
    const client = screen.getByLabelText('Client id');
    await waitFor(() => expect(client.getAttribute('aria-invalid')).toBe('true'));
    expect(client.closest('.field')!.textContent).toContain('must be a GUID');
  });

  it('makes fields managed by the fleet configuration read-only, and says so', async () => {
    const { fake } = renderSettings((f) => f.respond('getSettings', () => ok(settingsView({ managedKeys: ['tenantId', 'alerts.cooldownMinutes'] }))));
    await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    const tenant = screen.getByLabelText('Tenant id') as HTMLInputElement;
    expect(tenant.readOnly).toBe(true);
    const note = within(tenant.closest('.field') as HTMLElement).getByText('Managed by your administrator');
    expect(tenant.getAttribute('aria-describedby')?.split(' ')).toContain(note.id);
    expect((screen.getByLabelText('Alert cooldown (minutes)') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('Client id') as HTMLInputElement).readOnly).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(fake.callsTo('updateSettings')).toHaveLength(1));
    expect(fake.callsTo('updateSettings')[0]).not.toHaveProperty('tenantId');
  });

  it('tests the connection and names the missing permissions', async () => {
    renderSettings((f) => f.respond('testConnection', () => ok({ tokenAcquired: true, grantedPermissions: ['Calls.AccessMedia.All'], missingPermissions: ['CallRecords.Read.All'] })));
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    expect(inLiveRegion(await screen.findByText('Token acquired.'))).toBe(true);
    expect(screen.getByText('Permissions missing (admin consent needed):').parentElement!.textContent).toContain('CallRecords.Read.All');
    expect(screen.getByText('Permissions granted:').parentElement!.textContent).toContain('Calls.AccessMedia.All');
  });

  it('tests the connection with the values on screen, before saving them', async () => {
    const { fake } = renderSettings();
    const connection = await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    const typedTenant = '11111111-2222-4333-8444-555555555555';
    fireEvent.change(within(connection).getByLabelText('Tenant id'), { target: { value: typedTenant } });
    fireEvent.click(within(connection).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(fake.callsTo('testConnection')).toHaveLength(1));
    expect(fake.callsTo('testConnection')[0]).toMatchObject({ tenantId: typedTenant, clientId: CLIENT, credential: { type: 'secret' } });
    expect(fake.callsTo('testConnection')[0]).not.toHaveProperty('credential.secret');
    expect(fake.callsTo('updateSettings')).toHaveLength(0);
  });

  it('takes a key passphrase for a certificate, write-only', async () => {
    const { fake } = renderSettings();
    const connection = await screen.findByRole('region', { name: 'Microsoft Graph connection' });
    fireEvent.click(within(connection).getByRole('radio', { name: 'Certificate' }));
    fireEvent.change(within(connection).getByLabelText('Certificate file (PEM)'), { target: { value: '/etc/vtc/cert.pem' } });
    fireEvent.change(within(connection).getByLabelText('Private key file (PEM)'), { target: { value: '/etc/vtc/key.pem' } });
    const passphrase = within(connection).getByLabelText('Private key passphrase') as HTMLInputElement;
    expect(passphrase.type).toBe('password');
    fireEvent.change(passphrase, { target: { value: 'open sesame' } });
    fireEvent.click(within(connection).getByRole('button', { name: 'Save connection' }));
    await waitFor(() => expect(fake.callsTo('updateSettings')).toHaveLength(1));
    expect(fake.callsTo('updateSettings')[0]).toMatchObject({ credential: { type: 'certificate', certificatePath: '/etc/vtc/cert.pem', privateKeyPath: '/etc/vtc/key.pem', privateKeyPassphrase: 'open sesame' } });
    await waitFor(() => expect(passphrase.value).toBe(''));
  });

  it('adds a Cisco codec with host, user, password and the self-signed option, validating the URL', async () => {
    const { fake } = renderSettings();
    const rooms = await screen.findByRole('region', { name: 'Rooms and devices' });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Add a device' }));
    fireEvent.change(within(rooms).getByLabelText('Device id'), { target: { value: 'sx80' } });
    fireEvent.change(within(rooms).getByLabelText('Host URL'), { target: { value: '10.0.0.20' } });
    fireEvent.change(within(rooms).getByLabelText('User'), { target: { value: 'admin' } });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Save rooms' }));
    expect(describedBy(within(rooms).getByLabelText('Host URL'))).toEqual({ text: expect.stringContaining('must be an http(s) URL such as https://10.0.0.20'), invalid: true });
    expect(describedBy(within(rooms).getByLabelText('Password'))).toEqual({ text: expect.stringContaining('A new device needs a password.'), invalid: true });
    expect(fake.callsTo('updateSettings')).toEqual([]);

    fireEvent.change(within(rooms).getByLabelText('Host URL'), { target: { value: 'https://10.0.0.20' } });
    fireEvent.change(within(rooms).getByLabelText('Password'), { target: { value: 'codec-pass' } });
    fireEvent.click(within(rooms).getByLabelText('Accept the codec’s self-signed TLS certificate'));
    fireEvent.click(within(rooms).getByRole('button', { name: 'Save rooms' }));
    await waitFor(() =>
      expect(fake.callsTo('updateSettings')).toEqual([
        {
          rooms: [
            {
              id: 'boardroom',
              name: 'Boardroom',
              devices: [{ id: 'sx80', kind: 'cisco-xapi', url: 'https://10.0.0.20', username: 'admin', password: 'codec-pass', allowSelfSigned: true, pollSeconds: 5 }],
            },
          ],
        },
      ]),
    );
  });

  it('tests a codec with the values being edited, before saving, and says why it fails', async () => {
    const { fake } = renderSettings();
    const rooms = await screen.findByRole('region', { name: 'Rooms and devices' });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Add a device' }));
    fireEvent.change(within(rooms).getByLabelText('Device id'), { target: { value: 'sx80' } });
    fireEvent.change(within(rooms).getByLabelText('Host URL'), { target: { value: 'https://10.0.0.20' } });
    fireEvent.change(within(rooms).getByLabelText('User'), { target: { value: 'admin' } });
    fireEvent.change(within(rooms).getByLabelText('Password'), { target: { value: 'codec-pass' } });
    fake.respond('testDevice', () => ok({ ok: true, state: 'online', productId: 'Cisco Room Kit Pro', softwareVersion: 'RoomOS 11.9', transport: 'websocket' }));
    fireEvent.click(within(rooms).getByRole('button', { name: 'Test device' }));
    expect(inLiveRegion(await within(rooms).findByText(/Connected: Cisco Room Kit Pro RoomOS 11.9/))).toBe(true);
    expect(inLiveRegion(within(rooms).getByText(/Read over WebSocket/))).toBe(true);
    expect(fake.callsTo('testDevice')).toEqual([{ kind: 'cisco-xapi', transport: 'auto', url: 'https://10.0.0.20', username: 'admin', password: 'codec-pass', allowSelfSigned: false }]);
    expect(fake.callsTo('updateSettings')).toEqual([]);
    fake.respond('testDevice', () => ok({ ok: false, state: 'auth_failed', error: 'the codec refused the user name or password' }));
    fireEvent.click(within(rooms).getByRole('button', { name: 'Test device' }));
    expect(inLiveRegion(await within(rooms).findByText('The codec refused the user name or password: check them, and that the user has the needed role.'))).toBe(true);
    expect(within(rooms).queryByText(/Connected:/)).toBeNull();
  });

  it('adds a Poly codec with its own fields, shows the certificate to pin and saves the pin', async () => {
    const { fake } = renderSettings();
    const rooms = await screen.findByRole('region', { name: 'Rooms and devices' });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Add a device' }));
    fireEvent.change(within(rooms).getByLabelText('Kind'), { target: { value: 'poly-videoos' } });
    expect(within(rooms).queryByLabelText('Connection')).toBeNull(); // the Cisco transport is not a Poly field
    fireEvent.change(within(rooms).getByLabelText('Device id'), { target: { value: 'studio-x50' } });
    fireEvent.change(within(rooms).getByLabelText('Host URL'), { target: { value: 'https://10.0.0.30' } });
    fireEvent.change(within(rooms).getByLabelText('User'), { target: { value: 'admin' } });
    fireEvent.change(within(rooms).getByLabelText('Password'), { target: { value: 'poly-pass' } });
    const sha256 = 'ab'.repeat(32);
    fake.respond('testDevice', () => ok({ ok: true, state: 'online', productId: 'Poly StudioX50', softwareVersion: '4.6.2', certificateSha256: sha256 }));
    fireEvent.click(within(rooms).getByRole('button', { name: 'Test device' }));
    expect(inLiveRegion(await within(rooms).findByText(`Certificate SHA-256: ${sha256}`))).toBe(true);
    expect(within(rooms).queryByText(/Read over/)).toBeNull(); // the answer named no transport
    expect(fake.callsTo('testDevice')).toEqual([{ kind: 'poly-videoos', url: 'https://10.0.0.30', username: 'admin', password: 'poly-pass', allowSelfSigned: false }]);
    fireEvent.change(within(rooms).getByLabelText('Pinned certificate (SHA-256)'), { target: { value: sha256 } });
    fireEvent.click(within(rooms).getByRole('button', { name: 'Save rooms' }));
    await waitFor(() =>
      expect(fake.callsTo('updateSettings')[0]).toMatchObject({
        rooms: [{ devices: [{ id: 'studio-x50', kind: 'poly-videoos', url: 'https://10.0.0.30', certificateSha256: sha256, allowSelfSigned: false }] }],
      }),
    );
  });

  it('shows a new ingest token once, with copy, and never again', async () => {
    const { fake } = renderSettings();
    const ingest = await screen.findByRole('region', { name: 'Ingest API' });
    await within(ingest).findByText('No token yet.');
    fireEvent.change(within(ingest).getByLabelText('Token name'), { target: { value: 'bad name!' } });
    fireEvent.click(within(ingest).getByRole('button', { name: 'Create token' }));
    expect(describedBy(within(ingest).getByLabelText('Token name'))).toEqual({ text: expect.stringContaining('must be 1–64 letters, digits, dot, dash or underscore'), invalid: true });
    expect(fake.callsTo('createIngestToken')).toEqual([]);

    fake.respond('listIngestTokens', () => ok([{ name: 'gateway-1', createdAt: '2025-03-10T09:00:00Z', revoked: false }]));
    fireEvent.change(within(ingest).getByLabelText('Token name'), { target: { value: 'gateway-1' } });
    fireEvent.click(within(ingest).getByRole('button', { name: 'Create token' }));
    const token = await within(ingest).findByText('vtc_secret_token_value');
    // The one-time token comes with its warning and its copy button, together.
    const box = within(ingest).getByRole('button', { name: 'Copy token' }).closest('div, section, form')!;
    expect(box.contains(token)).toBe(true);
    expect(box.textContent).toMatch(/shown only once/);
    expect(within(ingest).getByRole('button', { name: 'Copy token' }).hasAttribute('disabled')).toBe(false);
    expect(fake.callsTo('createIngestToken')).toEqual([{ name: 'gateway-1' }]);
    await within(ingest).findByRole('row', { name: /gateway-1/ });

    fireEvent.click(within(ingest).getByRole('button', { name: 'I have stored it' }));
    expect(within(ingest).queryByText('vtc_secret_token_value')).toBeNull();
    expect(document.body.textContent).not.toContain('vtc_secret_token_value');
  });

  it('revokes a token after confirmation', async () => {
    const { fake } = renderSettings((f) => f.respond('listIngestTokens', () => ok([{ name: 'gateway-1', createdAt: '2025-03-10T09:00:00Z', revoked: false }])));
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke token gateway-1' }));
    expect(fake.callsTo('revokeIngestToken')).toEqual([]);
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes, revoke' }));
    await waitFor(() => expect(fake.callsTo('revokeIngestToken')).toEqual([{ name: 'gateway-1' }]));
  });

  it('saves alert cooldown, do-not-disturb and thresholds, validating each', async () => {
    const { fake } = renderSettings();
    const alerts = await screen.findByRole('region', { name: 'Alerts and thresholds' });
    const cooldown = within(alerts).getByLabelText('Alert cooldown (minutes)');
    fireEvent.change(cooldown, { target: { value: '5000' } });
    fireEvent.change(within(alerts).getByLabelText('Threshold overrides (JSON)'), { target: { value: '[1,2' } });
    fireEvent.click(within(alerts).getByRole('button', { name: 'Save alerts and thresholds' }));
    expect(describedBy(cooldown)).toEqual({ text: expect.stringContaining('must be ≤ 1440'), invalid: true });
    expect(describedBy(within(alerts).getByLabelText('Threshold overrides (JSON)'))).toEqual({ text: expect.stringContaining('must be a JSON object, e.g. {}'), invalid: true });
    fireEvent.change(cooldown, { target: { value: '10' } });
    // A key the thresholds do not have is named, not silently saved (the shared schema is strict).
    fireEvent.change(within(alerts).getByLabelText('Threshold overrides (JSON)'), { target: { value: '{"audio":{"lossPercent":{"poor":8}}}' } });
    fireEvent.click(within(alerts).getByRole('button', { name: 'Save alerts and thresholds' }));
    expect(alerts.textContent).toMatch(/thresholds\.audio\.lossPercent.*poor/);
    expect(fake.callsTo('updateSettings')).toEqual([]);
    fireEvent.change(within(alerts).getByLabelText('Threshold overrides (JSON)'), { target: { value: '{"audio":{"lossPercent":{"poorAbove":8}}}' } });
    fireEvent.click(within(alerts).getByLabelText('Do not disturb (no notifications)'));
    fireEvent.click(within(alerts).getByRole('button', { name: 'Save alerts and thresholds' }));
    await waitFor(() =>
      expect(fake.callsTo('updateSettings')).toEqual([{ thresholds: { audio: { lossPercent: { poorAbove: 8 } } }, alertCooldownMinutes: 10, doNotDisturb: true }]),
    );
  });

  it('exports diagnostics and says where the zip is, or why it failed', async () => {
    const { fake } = renderSettings();
    const support = await screen.findByRole('region', { name: 'Support' });
    fireEvent.click(within(support).getByRole('button', { name: 'Export diagnostics' }));
    expect((await within(support).findByRole('status')).textContent).toContain('/data/diagnostics/vtc-diagnostics.zip');
    expect(fake.callsTo('exportDiagnostics')).toHaveLength(1);
    fake.respond('exportDiagnostics', () => fail('internal', 'disk full'));
    fireEvent.click(within(support).getByRole('button', { name: 'Export diagnostics' }));
    expect(inLiveRegion(await within(support).findByText(/disk full/))).toBe(true);
    expect(within(support).queryByText(/vtc-diagnostics\.zip/)).toBeNull();
  });

  it('saves launch at login', async () => {
    const { fake } = renderSettings();
    const startup = await screen.findByRole('region', { name: 'Startup' });
    fireEvent.click(within(startup).getByLabelText('Start the monitor when I sign in'));
    fireEvent.click(within(startup).getByRole('button', { name: 'Save startup settings' }));
    await waitFor(() => expect(fake.callsTo('updateSettings')).toEqual([{ launchAtLogin: true }]));
  });
});
