import type { MessageKey, Translate } from '../../i18n';

const MODALITY: Record<string, MessageKey> = {
  audio: 'modality.audio',
  video: 'modality.video',
  screenSharing: 'modality.screenSharing',
  videoBasedScreenSharing: 'modality.videoBasedScreenSharing',
  data: 'modality.data',
};

const CALL_TYPE: Record<string, MessageKey> = {
  groupCall: 'callType.groupCall',
  peerToPeer: 'callType.peerToPeer',
  unknown: 'callType.unknown',
};

/** Graph enum values (../shared/reference/graph-api.md §2.4) as words; a value newer than this list shows as sent. */
export function modalityText(t: Translate, modality: string): string {
  const key = MODALITY[modality];
  return key === undefined ? modality : t(key);
}

export function callTypeText(t: Translate, type: string | undefined): string {
  if (type === undefined) return '—';
  const key = CALL_TYPE[type];
  return key === undefined ? type : t(key);
}
