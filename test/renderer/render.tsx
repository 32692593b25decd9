/** Renders UI inside an ApiProvider bound to a fake client; resets the language between tests. */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { afterEach } from 'vitest';
import { useLocaleStore } from '../../renderer/src/i18n';
import { ApiProvider, useStartStores } from '../../renderer/src/stores/provider';
import { createFakeApi, type FakeApi } from './fake-api';

afterEach(() => {
  cleanup();
  useLocaleStore.getState().setOverride('en');
});

export function renderWithApi(ui: ReactElement, fake: FakeApi = createFakeApi()): RenderResult & { fake: FakeApi } {
  useLocaleStore.getState().setOverride('en');
  const result = render(<ApiProvider client={fake.client}>{ui}</ApiProvider>);
  return { ...result, fake };
}

/** Starts the always-on stores (app, settings, rooms) as the App shell does, without the shell. */
export function Started({ children }: { children: ReactNode }) {
  useStartStores();
  return <>{children}</>;
}
