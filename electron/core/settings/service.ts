/**
 * The effective settings: the configuration file (agent --config, or the fleet file) is authoritative for
 * every top-level key it sets — those are "managed by your administrator" and locked in the UI — and the
 * operator's own changes (SettingsStore) fill the rest. Secrets are write-only: views say set / not set.
 */
import type { ConnectionTestRequest, SettingsPatch } from '../../../shared/api/requests';
import type { SettingsView } from '../../../shared/api/views';
import type { AppConfig, CiscoTransport, DeviceKind } from '../../../shared/config/schema';
import { STORED_SETTINGS_VERSION, type StoredSettings } from '../../../shared/config/stored-settings';
import type { ValidationIssue } from '../../../shared/validation';
import { AppFailure } from '../api/failure';
import { CredentialProblem, type ClientCredential } from '../auth/credential';
import { configFileSecrets, resolveCredential, type CredentialSecrets } from '../config/credential';
import { resolveSecret } from '../config/load';
import { checkSettingsPatch, ingestHostProblem } from './check';
import { connectionCandidate } from './connection-candidate';
import { parseStoredSettings } from './stored';
import { telemetryConfigOfPatch, telemetrySettingsView } from '../telemetry/settings';
import type { Redactor } from '../log/redact';
import type { SecretCipher, SettingsStore } from './store';

export interface ResolvedDevice {
  id: string;
  kind: DeviceKind;
  roomId: string;
  roomName: string;
  url: string;
  certificateSha256?: string;
  transport?: CiscoTransport;
  username: string;
  password?: string;
  allowSelfSigned: boolean;
  pollSeconds: number;
}

export interface ResolvedSettings {
  config: AppConfig;
  credential?: ClientCredential;
  devices: ResolvedDevice[];
  doNotDisturb: boolean;
  launchAtLogin: boolean;
  /** Settings set aside (unreadable files, values this version refuses), each naming the setting. */
  problems: ValidationIssue[];
}

const SECRET_CREDENTIAL = 'credential.secret';
const SECRET_PASSPHRASE = 'credential.privateKeyPassphrase';
const devicePasswordName = (deviceId: string): string => `device.${deviceId}.password`;

export interface SettingsServiceOptions {
  store: SettingsStore;
  managed: AppConfig;
  managedKeys: readonly string[];
  cipher?: SecretCipher;
  redactor: Redactor;
  env?: NodeJS.ProcessEnv;
}

export function createSettingsService(options: SettingsServiceOptions) {
  const { store, managed, managedKeys, cipher, redactor } = options;
  const env = options.env ?? process.env;
  const locked = new Set(managedKeys);

  const effective = (): { config: AppConfig; local: StoredSettings; problems: ValidationIssue[] } => {
    const { settings: local, problems } = parseStoredSettings(store.readLocalText());
    const config: AppConfig = { ...managed };
    const mine = (key: keyof AppConfig): boolean => !locked.has(key);
    if (mine('cloud') && local.cloud !== undefined) config.cloud = local.cloud;
    if (mine('tenantId') && local.tenantId !== undefined) config.tenantId = local.tenantId;
    if (mine('clientId') && local.clientId !== undefined) config.clientId = local.clientId;
    if (mine('thresholds') && local.thresholds !== undefined) config.thresholds = local.thresholds;
    if (mine('ingest') && local.ingest !== undefined) {
      // A row saved before hosts were checked may name a LAN address: it is reported and loopback is served.
      const hostProblem = ingestHostProblem(local.ingest.host);
      if (hostProblem) problems.push(hostProblem);
      else config.ingest = local.ingest;
    }
    if (!locked.has('credential') && local.credential) {
      config.credential =
        local.credential.type === 'secret' ? { type: 'secret', secret: '(stored)' } : { ...local.credential };
    }
    if (!locked.has('rooms') && local.rooms) {
      config.rooms = local.rooms.map((room) => ({ ...room, devices: room.devices.map((device) => ({ ...device, password: '(stored)' })) }));
    }
    if (!locked.has('alerts') && local.alertCooldownMinutes !== undefined) config.alerts = { cooldownMinutes: local.alertCooldownMinutes };
    if (!locked.has('telemetry') && local.telemetry) config.telemetry = telemetryConfigOfPatch(local.telemetry);
    return { config, local, problems };
  };

  const decrypt = async (name: string): Promise<string | undefined> => {
    const cipherText = store.readSecretCipherText(name);
    if (!cipherText || !cipher) return undefined;
    const value = await cipher.decrypt(cipherText);
    redactor.addSecret(value);
    return value;
  };

  /** Where the credential's secret and passphrase come from: the administrator's file, or the encrypted store. */
  const credentialSecrets = (config: AppConfig): CredentialSecrets =>
    locked.has('credential') && config.credential
      ? configFileSecrets(config.credential, env)
      : { secret: () => decrypt(SECRET_CREDENTIAL), passphrase: () => decrypt(SECRET_PASSPHRASE) };

  return {
    view(): SettingsView {
      const { config, local } = effective();
      const credential: SettingsView['credential'] = !config.credential
        ? { type: 'none' }
        : config.credential.type === 'secret'
          ? { type: 'secret', secretSet: locked.has('credential') || store.readSecretCipherText(SECRET_CREDENTIAL) !== undefined }
          : {
              type: 'certificate',
              certificatePath: config.credential.certificatePath,
              privateKeyPath: config.credential.privateKeyPath,
              privateKeyPassphraseSet: locked.has('credential') ? config.credential.privateKeyPassphrase !== undefined : store.readSecretCipherText(SECRET_PASSPHRASE) !== undefined,
            };
      return {
        cloud: config.cloud,
        tenantId: config.tenantId,
        clientId: config.clientId,
        credential,
        rooms: config.rooms.map((room) => ({
          id: room.id,
          name: room.name,
          ...(room.teamsRoomAccount !== undefined && { teamsRoomAccount: room.teamsRoomAccount }),
          devices: room.devices.map((device) => ({
            id: device.id,
            kind: device.kind,
            url: device.url,
            username: device.username,
            passwordSet: locked.has('rooms') || store.readSecretCipherText(devicePasswordName(device.id)) !== undefined,
            allowSelfSigned: device.allowSelfSigned,
            ...(device.certificateSha256 !== undefined && { certificateSha256: device.certificateSha256 }),
            ...(device.transport !== undefined && { transport: device.transport }),
            pollSeconds: device.pollSeconds,
          })),
        })),
        thresholds: config.thresholds ?? {},
        alertCooldownMinutes: config.alerts?.cooldownMinutes ?? 5,
        ingest: config.ingest,
        launchAtLogin: local.launchAtLogin ?? false,
        doNotDisturb: local.doNotDisturb ?? false,
        telemetry: telemetrySettingsView(config.telemetry),
        managedKeys: [...locked],
      };
    },

    async update(patch: SettingsPatch): Promise<SettingsView> {
      const lockedKeys = Object.keys(patch).filter((key) => locked.has(key === 'alertCooldownMinutes' ? 'alerts' : key));
      if (lockedKeys.length > 0) {
        throw new AppFailure('locked', `Managed by your administrator: ${lockedKeys.join(', ')}`, lockedKeys.map((path) => ({ path, message: 'is managed by your administrator' })));
      }
      // Checked before anything is written: a value that would stop the next start is refused, naming it.
      const problems = await checkSettingsPatch(patch, () => decrypt(SECRET_PASSPHRASE));
      if (problems.length > 0) throw new AppFailure('invalid_input', problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '), problems);
      const secrets: Array<[string, string]> = [];
      if (patch.credential?.type === 'secret' && patch.credential.secret) secrets.push([SECRET_CREDENTIAL, patch.credential.secret]);
      if (patch.credential?.type === 'certificate' && patch.credential.privateKeyPassphrase) secrets.push([SECRET_PASSPHRASE, patch.credential.privateKeyPassphrase]);
      for (const room of patch.rooms ?? []) for (const device of room.devices) if (device.password) secrets.push([devicePasswordName(device.id), device.password]);
      if (secrets.length > 0 && !cipher) {
        throw new AppFailure('unavailable', 'This agent does not store secrets: give them in the configuration file or as { "env": "NAME" } references.');
      }
      for (const [name, value] of secrets) {
        redactor.addSecret(value);
        store.writeSecretCipherText(name, await cipher!.encrypt(value));
      }
      // Values set aside when read (problems) are dropped here: the row written is always one this version reads.
      const { credential, rooms, ...plain } = patch;
      const next: StoredSettings = { ...parseStoredSettings(store.readLocalText()).settings, ...plain, version: STORED_SETTINGS_VERSION };
      if (credential) {
        next.credential = credential.type === 'secret' ? { type: 'secret' } : { type: 'certificate', certificatePath: credential.certificatePath, privateKeyPath: credential.privateKeyPath };
      }
      if (rooms) next.rooms = rooms.map((room) => ({ ...room, devices: room.devices.map(({ password: _password, ...device }) => device) }));
      store.writeLocal(next);
      return this.view();
    },

    /** The settings with every secret in clear, for the services; never sent to a UI or a log. */
    async resolve(): Promise<ResolvedSettings> {
      const { config, local, problems } = effective();
      let credential: ClientCredential | undefined;
      try {
        credential = config.credential ? await resolveCredential(config.credential, credentialSecrets(config)) : undefined;
      } catch (error) {
        // A certificate file gone or replaced is a problem to show, not a reason to stop monitoring the rooms.
        if (!(error instanceof CredentialProblem)) throw error;
        problems.push({ path: error.path, message: error.message });
      }
      if (credential?.type === 'certificate') redactor.addSecret(credential.privateKeyPem);
      const devices: ResolvedDevice[] = [];
      for (const room of config.rooms) {
        for (const device of room.devices) {
          const password = locked.has('rooms') ? resolveSecret(device.password, `rooms.${room.id}.devices.${device.id}.password`, env) : await decrypt(devicePasswordName(device.id));
          devices.push({
            id: device.id,
            kind: device.kind,
            roomId: room.id,
            roomName: room.name,
            url: device.url,
            username: device.username,
            password,
            allowSelfSigned: device.allowSelfSigned,
            certificateSha256: device.certificateSha256,
            transport: device.transport,
            pollSeconds: device.pollSeconds,
          });
        }
      }
      // Kept for `status` in another process: what the agent found when it last applied its settings. Best
      // effort: on a full or locked disk the agent must still start (and keep measured reports in memory);
      // the problems still reach this process's own status view through the return value.
      try {
        store.writeProblems(problems);
      } catch {
        // the next apply writes them again
      }
      return { config, credential, devices, doNotDisturb: local.doNotDisturb ?? false, launchAtLogin: local.launchAtLogin ?? false, problems };
    },

    /** "Test connection": the values on screen over the saved ones (connection-candidate.ts says which secret may be used). */
    async connectionCandidate(request: ConnectionTestRequest) {
      // Typed secrets are masked in the log before MSAL or Entra can quote them back in an error.
      const typed = request.credential;
      if (typed?.type === 'secret') redactor.addSecret(typed.secret);
      if (typed?.type === 'certificate') redactor.addSecret(typed.privateKeyPassphrase);
      const { config } = effective();
      const result = await connectionCandidate(request, config, credentialSecrets(config), (key) => locked.has(key));
      if (result.ok && result.candidate.credential.type === 'certificate') redactor.addSecret(result.candidate.credential.privateKeyPem);
      return result;
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
