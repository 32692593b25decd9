import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLocaleStore } from '../../renderer/src/i18n';
import { StatusBar } from '../../renderer/src/shell/StatusBar';
import { useAppStore, useOutboxStore } from '../../renderer/src/stores/provider';
import { createFakeApi, emptyCounts, ok, syncStatus } from './fake-api';
import { Started, renderWithApi } from './render';

function Probe() {
  const route = useAppStore((state) => state.route);
  const filter = useOutboxStore((state) => state.filter);
  return <output aria-label="probe">{JSON.stringify({ route, filter })}</output>;
}

function renderBar(status: ReturnType<typeof syncStatus>) {
  const fake = createFakeApi();
  fake.respond('getSyncStatus', () => ok(status));
  return renderWithApi(
    <Started>
      <StatusBar />
      <Probe />
    </Started>,
    fake,
  );
}

describe('Status bar', () => {
  it('shows "N failed — needs action" instead of an idle word, and it opens the failed reports', async () => {
    renderBar(syncStatus({ state: 'idle', reason: 'idle', counts: { ...emptyCounts(), failed: 10 } }));
    const needsAction = await screen.findByRole('button', { name: /^10 failed — needs action/ });
    const bar = screen.getByRole('contentinfo', { name: 'Sync status' });
    // The reason word that only repeats the state is not printed (untranslated) beside it.
    expect(bar.textContent).not.toMatch(/· idle/);
    fireEvent.click(needsAction);
    expect(screen.getByRole('status', { name: 'probe' }).textContent).toBe('{"route":{"view":"outbox"},"filter":{"state":"failed"}}');
  });

  it('says nothing of failures when there is none, and translates the operator pause', async () => {
    renderBar(syncStatus({ state: 'paused', reason: 'paused by the operator', pausedByOperator: true }));
    const bar = await screen.findByRole('contentinfo', { name: 'Sync status' });
    await screen.findByText('paused by the operator', { exact: false });
    expect(screen.queryByRole('button', { name: /needs action/ })).toBeNull();
    act(() => useLocaleStore.getState().setOverride('fr'));
    expect(bar.textContent).toContain('mis en pause par l’opérateur');
  });

  it('words a pause from its cause in the operator’s language, the core’s English kept only as the tooltip', async () => {
    const english = 'paused: missing permission Calls.AccessMedia.All (grant admin consent; retrying at 2026-12-06T09:00:00.000Z)';
    renderBar(syncStatus({ state: 'paused', reason: english, pause: { cause: 'missing_permission', permission: 'Calls.AccessMedia.All', retryAt: '2026-12-06T09:00:00.000Z' } }));
    const bar = await screen.findByRole('contentinfo', { name: 'Sync status' });
    await screen.findByText(/an administrator must grant the permission Calls\.AccessMedia\.All; trying again at \d/);
    expect(bar.textContent).not.toContain('grant admin consent');
    expect(bar.querySelector('.sync-state')?.getAttribute('title')).toBe(english);
    act(() => useLocaleStore.getState().setOverride('fr'));
    expect(bar.textContent).toMatch(/un administrateur doit accorder l’autorisation Calls\.AccessMedia\.All ; nouvel essai à \d|un administrateur doit accorder l’autorisation Calls\.AccessMedia\.All; nouvel essai à \d/);
    act(() => useLocaleStore.getState().setOverride('fi'));
    expect(bar.textContent).toMatch(/järjestelmänvalvojan on myönnettävä käyttöoikeus Calls\.AccessMedia\.All; uusi yritys klo \d/);
    expect(bar.textContent).not.toMatch(/paused:|retrying/);
  });

  it('says in words when Graph is not set up or throttling, never the core’s English', async () => {
    renderBar(syncStatus({ state: 'setup_needed', reason: 'setup needed: Graph tenant id is not configured', pause: { cause: 'not_configured' } }));
    const bar = await screen.findByRole('contentinfo', { name: 'Sync status' });
    await screen.findByText('the Graph connection is not set up (Settings)', { exact: false });
    act(() => useLocaleStore.getState().setOverride('fr'));
    expect(bar.textContent).toContain('la connexion à Graph n’est pas configurée (Paramètres)');
    expect(bar.textContent).not.toContain('setup needed:');
  });

  it('names a setting the core could not apply, and opens Settings', async () => {
    renderBar(syncStatus({ state: 'idle', reason: 'idle', settingsProblems: [{ path: 'ingest.host', message: '"0.0.0.0" is not a loopback address' }] }));
    const problem = await screen.findByRole('button', { name: 'Settings not applied: ingest.host "0.0.0.0" is not a loopback address' });
    fireEvent.click(problem);
    expect(screen.getByRole('status', { name: 'probe' }).textContent).toContain('"route":{"view":"settings"}');
  });
});
