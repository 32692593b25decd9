/** The outcome of the last save of one settings section, announced politely. */
import { useT } from '../../i18n';
import { ERROR_CODE_KEY } from '../../lib/labels';
import { useSettingsStore } from '../../stores/provider';
import type { SettingsSection } from '../../stores/settings';

export function SaveStatus({ section }: { section: SettingsSection }) {
  const t = useT();
  const save = useSettingsStore((state) => state.save);
  const mine = save.status !== 'idle' && save.section === section ? save : undefined;
  return (
    <p role="status" className={mine?.status === 'error' ? 'field-error' : 'muted'}>
      {mine?.status === 'saving' && t('common.saving')}
      {mine?.status === 'saved' && t('common.saved')}
      {mine?.status === 'error' && `${t(ERROR_CODE_KEY[mine.error.code])} ${mine.error.message}`}
    </p>
  );
}
