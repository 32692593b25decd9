import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReportActions } from '../../renderer/src/views/outbox/report-actions';
import { detail } from './fixtures';
import { renderWithApi } from './render';

describe('report actions', () => {
  it('offers "Attach Teams ids…" only to a report that waits for them', () => {
    const { unmount } = renderWithApi(<ReportActions report={detail({ state: 'failed' })} />);
    expect(screen.queryByRole('button', { name: 'Attach Teams ids…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Resubmit' }).textContent).toBe('Resubmit');
    unmount();
    renderWithApi(<ReportActions report={detail({ state: 'needs_context', failedReason: undefined })} />);
    expect(screen.getByRole('button', { name: 'Attach Teams ids…' }).textContent).toBe('Attach Teams ids…');
  });
});
