import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SideBySide } from '../../renderer/src/views/callRecords/SideBySide';
import { renderWithApi } from './render';

describe('side by side: Teams and the room', () => {
  it('one table per modality, rows by direction, Teams | room | difference in one unit, the disagreement marked', () => {
    renderWithApi(
      <SideBySide
        comparison={[
          { reportId: 'r', modality: 'audio', channelIndex: 1, direction: 'outbound', streamDirection: 'callerToCallee', agrees: true, metrics: [{ metric: 'averagePacketLoss', unit: 'percent', room: 1.2, teams: 1.38, agrees: true }] },
          { reportId: 'r', modality: 'audio', channelIndex: 1, direction: 'inbound', streamDirection: 'calleeToCaller', agrees: false, metrics: [{ metric: 'averageJitter', unit: 'ms', room: 42, teams: 12, agrees: false }] },
        ]}
      />,
    );
    const audio = screen.getByRole('table', { name: 'Audio' });
    const rows = within(audio).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(['inbound · average jitter12 ms42 ms+30 ms ▲ beyond tolerance', 'outbound · average packet loss1.38%1.2%−0.18%']);
    expect(rows[0]!.className).toBe('compare-disagrees');
    expect(screen.getByText(/^Marked where they differ by more than/).textContent).toContain('0.5 percentage points of loss, 5 ms of jitter or 20 ms of round trip');
  });
});
