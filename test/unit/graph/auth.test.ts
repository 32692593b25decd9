import { describe, expect, it } from 'vitest';
import { CHINA_REFUSAL, CLOUDS, resolveCloud } from '../../../electron/core/auth/clouds';
import { checkPermissions, decodeJwtPayload } from '../../../electron/core/auth/permissions';
import { GraphError } from '../../../electron/core/graph/errors';

describe('clouds (graph-api.md §5)', () => {
  it('global, US Gov L4 and L5 have their authority, Graph root and .default scope', () => {
    expect(resolveCloud('global')).toMatchObject({ authorityHost: 'https://login.microsoftonline.com', graphScope: 'https://graph.microsoft.com/.default' });
    expect(resolveCloud('usgov-l4')).toMatchObject({ authorityHost: 'https://login.microsoftonline.us', graphRoot: 'https://graph.microsoft.us' });
    expect(resolveCloud('usgov-l5')).toMatchObject({ authorityHost: 'https://login.microsoftonline.us', graphScope: 'https://dod-graph.microsoft.us/.default' });
    for (const cloud of Object.values(CLOUDS)) expect(cloud.graphScope).toBe(`${cloud.graphRoot}/.default`);
  });

  it('China is refused as unavailable, not retryable, with the reason', () => {
    let error: unknown;
    try {
      resolveCloud('china');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: false, message: CHINA_REFUSAL });
    expect(() => resolveCloud('mars')).toThrow(/Unknown cloud 'mars'/);
  });
});

describe('permissions from the token', () => {
  const token = (payload: unknown) => `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
  it('reports granted and missing of the two permissions', () => {
    expect(checkPermissions(token({ roles: ['CallRecords.Read.All', 'User.Read.All'] }))).toEqual({
      granted: ['CallRecords.Read.All'],
      missing: ['Calls.AccessMedia.All'],
      roles: ['CallRecords.Read.All', 'User.Read.All'],
    });
    expect(checkPermissions(token({})).missing).toHaveLength(2);
    expect(checkPermissions('not-a-jwt').missing).toHaveLength(2);
    expect(decodeJwtPayload('a.%%%.c')).toBeUndefined();
  });
});
