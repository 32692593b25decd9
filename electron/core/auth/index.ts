/** App-only authentication for Microsoft Graph: clouds, MSAL token provider, permission check. */
export { CLOUDS, CHINA_REFUSAL, resolveCloud, type CloudEndpoints, type SupportedCloud } from './clouds';
export { createTokenProvider, type AccessToken, type ClientCredential, type TokenProvider, type TokenProviderOptions } from './tokenProvider';
export { checkPermissions, decodeJwtPayload, rolesOf, REQUIRED_PERMISSIONS, type GraphPermission, type PermissionReport } from './permissions';
export { testConnection, type ConnectionTestResult } from './testConnection';
export { prepareCertificate, sha256ThumbprintFromPem } from './certificate';
export { CredentialProblem, loadCertificateCredential, type CertificateCredential } from './credential';
export { toAuthGraphError } from './authErrors';
