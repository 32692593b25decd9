import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BuiltInThresholds } from '../../renderer/src/views/settings/BuiltInThresholds';
import { renderWithApi } from './render';

describe('built-in thresholds beside the overrides', () => {
  it('shows what each modality is judged against when nothing overrides it', () => {
    renderWithApi(<BuiltInThresholds />);
    const table = screen.getByRole('table', { name: /^Built-in thresholds/ });
    const audio = within(table).getByRole('row', { name: /^Audio/ });
    expect(within(audio).getAllByRole('cell')[0]!.textContent).toBe('fair from 1%, poor above 10%');
    expect(within(audio).getAllByRole('cell')[3]!.textContent).toBe('—');
  });
});
