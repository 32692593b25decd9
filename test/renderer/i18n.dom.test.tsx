import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { CATALOGUES, LANGUAGES, pickLanguage, translate, useLocaleStore } from '../../renderer/src/i18n';
import { en } from '../../renderer/src/i18n/en';
import { getFormatter } from '../../renderer/src/i18n/format';
import { renderWithApi } from './render';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  const keys = Object.keys(en).sort();

  for (const language of LANGUAGES.filter((l) => l !== 'en')) {
    it(`${language}: has every English key, non-empty, with the same placeholders, and no extra key`, () => {
      const catalogue: Record<string, string> = CATALOGUES[language];
      const missing = keys.filter((key) => typeof catalogue[key] !== 'string' || catalogue[key]!.trim() === '');
      const extra = Object.keys(catalogue).filter((key) => !(key in en));
      const wrongPlaceholders = keys.filter((key) => JSON.stringify(placeholders(catalogue[key] ?? '')) !== JSON.stringify(placeholders(en[key as keyof typeof en])));
      expect({ missing, extra, wrongPlaceholders }).toEqual({ missing: [], extra: [], wrongPlaceholders: [] });
    });
  }

  it('every English string is non-empty', () => {
    expect(keys.filter((key) => en[key as keyof typeof en].trim() === '')).toEqual([]);
  });

  it('picks the language from the system locale, English otherwise', () => {
    expect(pickLanguage('fr-CA')).toBe('fr');
    expect(pickLanguage('fi-FI')).toBe('fi');
    expect(pickLanguage('de-DE')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('formats numbers, percentages and times in the locale', () => {
    expect(getFormatter('fr-FR').percent(1.38)).toMatch(/^1,38\s%$/);
    expect(getFormatter('fi-FI').percent(1.38)).toMatch(/^1,38\s%$/);
    expect(getFormatter('en-US').percent(1.38)).toBe('1.38%');
    expect(getFormatter('fi-FI').number(1234.5)).toMatch(/^1\s234,5$/);
    expect(getFormatter('fr-FR').milliseconds(15)).toMatch(/^15\sms$/);
    expect(getFormatter('en-GB').time('2025-03-10T15:04:05Z')).toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(translate('fi', 'fi-FI', 'outbox.bulkProgress', { done: 1500, total: 2000 })).toMatch(/^Lähetetään uudelleen: 1\s500\/2\s000$/);
  });

  it('switches the whole UI when the operator picks a language', async () => {
    renderWithApi(<App />);
    const nav = screen.getByRole('navigation');
    const navLabels = () => within(nav).getAllByRole('button').map((button) => button.textContent?.trim());
    expect(navLabels()).toEqual(expect.arrayContaining(['Rooms', 'Outbox', 'Call records', 'Settings']));
    act(() => useLocaleStore.getState().setOverride('fi'));
    // Every label changed, none left in English.
    expect(navLabels()).toEqual(expect.arrayContaining(['Huoneet', 'Lähtevät', 'Puhelutietueet', 'Asetukset']));
    expect(navLabels()).not.toContain('Outbox');
    expect(document.documentElement.lang).toBe('fi');
    fireEvent.click(within(nav).getByRole('button', { name: 'Asetukset' }));
    fireEvent.change(await screen.findByLabelText('Käyttöliittymän kieli'), { target: { value: 'fr' } });
    expect(navLabels()).toEqual(expect.arrayContaining(['Salles', 'Boîte d’envoi', 'Enregistrements d’appels', 'Paramètres']));
    expect(localStorage.getItem('vtc.language')).toBe('fr');
  });
});
