/**
 * Copies text to the clipboard and says how it went. The Clipboard API may be missing (a page served over
 * plain http from another host is not a secure context) or refuse; the operator then copies by hand.
 */
export type CopyOutcome = 'copied' | 'failed';

export function copyText(text: string): Promise<CopyOutcome> {
  const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (clipboard === undefined) return Promise.resolve('failed');
  return clipboard.writeText(text).then(
    () => 'copied',
    () => 'failed',
  );
}
