/**
 * National clouds (../shared/reference/graph-api.md §5): each has its own Entra authority host, Graph root and `.default`
 * scope, and tokens are not interchangeable between them. China (21Vianet) is refused: neither
 * logTeleconferenceDeviceQuality nor callRecords exists there (§1.5, §3.2: absent from the Mooncake CSDL
 * and marked unavailable on the live pages), so a configuration naming it can never work.
 */
import type { CloudName } from '../../../shared/config/schema';
import { GraphError } from '../graph/errors';

export type SupportedCloud = Exclude<CloudName, 'china'>;

export interface CloudEndpoints {
  name: SupportedCloud;
  displayName: string;
  /** Entra ID authority host, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** Microsoft Graph root without version, e.g. https://graph.microsoft.com. */
  graphRoot: string;
  /** The scope for app-only (client credentials) tokens. */
  graphScope: string;
}

export const CLOUDS: Readonly<Record<SupportedCloud, CloudEndpoints>> = {
  global: {
    name: 'global',
    displayName: 'Global service',
    authorityHost: 'https://login.microsoftonline.com',
    graphRoot: 'https://graph.microsoft.com',
    graphScope: 'https://graph.microsoft.com/.default',
  },
  'usgov-l4': {
    name: 'usgov-l4',
    displayName: 'US Government L4 (GCC High)',
    authorityHost: 'https://login.microsoftonline.us',
    graphRoot: 'https://graph.microsoft.us',
    graphScope: 'https://graph.microsoft.us/.default',
  },
  'usgov-l5': {
    name: 'usgov-l5',
    displayName: 'US Government L5 (DoD)',
    authorityHost: 'https://login.microsoftonline.us',
    graphRoot: 'https://dod-graph.microsoft.us',
    graphScope: 'https://dod-graph.microsoft.us/.default',
  },
};

export const CHINA_REFUSAL =
  'The China cloud (operated by 21Vianet) is not supported: Microsoft Graph offers neither ' +
  'logTeleconferenceDeviceQuality nor callRecords there. Use global, usgov-l4 or usgov-l5.';

/** The endpoints of a cloud; throws GraphError (kind `unavailable`) for China or an unknown name. */
export function resolveCloud(name: CloudName | string): CloudEndpoints {
  if (name === 'china') {
    throw new GraphError({ kind: 'unavailable', code: 'cloudNotSupported', message: CHINA_REFUSAL, retryable: false });
  }
  // Indexed by a name from outside the type (a stored or typed cloud); a miss is handled below.
  const cloud = (CLOUDS as Record<string, CloudEndpoints | undefined>)[name];
  if (!cloud) {
    throw new GraphError({
      kind: 'unavailable',
      code: 'unknownCloud',
      message: `Unknown cloud '${name}'; expected one of: ${Object.keys(CLOUDS).join(', ')}.`,
      retryable: false,
    });
  }
  return cloud;
}
