/**
 * The effective settings: the configuration file (agent --config, or the fleet file) is authoritative for
 * every top-level key it sets — those are "managed by your administrator" and locked in the UI — and the
 * operator's own changes (SettingsStore) fill the rest. Secrets are write-only: views say set / not set.
 */
import { readFileSync } from 'node:fs';
import type { SettingsPatch } from '../../../shared/api/requests';
import type { SettingsView } from '../../../shared/api/views';
import type { AppConfig } from '../../../shared/config/schema';
import { AppFailure } from '../api/failure';
import { resolveSecret } from '../config/load';
import type { Redactor } from '../log/redact';
import type { SecretCipher, SettingsStore } from './store';

export type ResolvedCredential =
  | { type: 'secret'; secret: string }
  | { type: 'certificate'; certificatePem: string; privateKeyPem: string; certificatePath: string };

export interface ResolvedDevice {
  id: string;
  roomId: string;
  roomName: string;
  url: string;
  username: string;
  password?: string;
  allowSelfSigned: boolean;
  pollSeconds: number;
}

export interface ResolvedSettings {
  config: AppConfig;
  credential?: ResolvedCredential;
  devices: ResolvedDevice[];
  doNotDisturb: boolean;
  launchAtLogin: boolean;
}

interface LocalSettings extends Omit<SettingsPatch, 'credential' | 'rooms'> {
  credential?: { type: 'secret' } | { type: 'certificate'; certificatePath: string; privateKeyPath: string };
  rooms?: Array<{ id: string; name: string; devices: Array<Omit<NonNullable<SettingsPatch['rooms']>[number]['devices'][number], 'password'>> }>;
}

const SECRET_CREDENTIAL = 'credential.secret';
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

  const effective = (): { config: AppConfig; local: LocalSettings } => {
    const local = store.readLocal() as LocalSettings;
    const config: AppConfig = { ...managed };
    const take = <K extends keyof AppConfig & keyof LocalSettings>(key: K): void => {
      if (!locked.has(key) && local[key] !== undefined) (config as Record<string, unknown>)[key] = local[key];
    };
    take('cloud');
    take('tenantId');
    take('clientId');
    take('thresholds');
    take('ingest');
    if (!locked.has('credential') && local.credential) {
      config.credential =
        local.credential.type === 'secret' ? { type: 'secret', secret: '(stored)' } : { ...local.credential };
    }
    if (!locked.has('rooms') && local.rooms) {
      config.rooms = local.rooms.map((room) => ({ ...room, devices: room.devices.map((device) => ({ ...device, password: '(stored)' })) }));
    }
    if (!locked.has('alerts') && local.alertCooldownMinutes !== undefined) config.alerts = { cooldownMinutes: local.alertCooldownMinutes };
    return { config, local };
  };

  const decrypt = async (name: string): Promise<string | undefined> => {
    const cipherText = store.readSecretCipherText(name);
    if (!cipherText || !cipher) return undefined;
    const value = await cipher.decrypt(cipherText);
    redactor.addSecret(value);
    return value;
  };

  return {
    view(): SettingsView {
      const { config, local } = effective();
      const credential: SettingsView['credential'] = !config.credential
        ? { type: 'none' }
        : config.credential.type === 'secret'
          ? { type: 'secret', secretSet: locked.has('credential') || store.readSecretCipherText(SECRET_CREDENTIAL) !== undefined }
          : { type: 'certificate', certificatePath: config.credential.certificatePath, privateKeyPath: config.credential.privateKeyPath };
      return {
        cloud: config.cloud,
        tenantId: config.tenantId,
        clientId: config.clientId,
        credential,
        rooms: config.rooms.map((room) => ({
          id: room.id,
          name: room.name,
          devices: room.devices.map((device) => ({
            id: device.id,
            kind: device.kind,
            url: device.url,
            username: device.username,
            passwordSet: locked.has('rooms') || store.readSecretCipherText(devicePasswordName(device.id)) !== undefined,
            allowSelfSigned: device.allowSelfSigned,
            pollSeconds: device.pollSeconds,
          })),
        })),
        thresholds: config.thresholds ?? {},
        alertCooldownMinutes: config.alerts?.cooldownMinutes ?? 5,
        ingest: config.ingest,
        launchAtLogin: local.launchAtLogin ?? false,
        doNotDisturb: local.doNotDisturb ?? false,
        managedKeys: [...locked],
      };
    },

    async update(patch: SettingsPatch): Promise<SettingsView> {
      const lockedKeys = Object.keys(patch).filter((key) => locked.has(key === 'alertCooldownMinutes' ? 'alerts' : key));
      if (lockedKeys.length > 0) {
        throw new AppFailure('locked', `Managed by your administrator: ${lockedKeys.join(', ')}`, lockedKeys.map((path) => ({ path, message: 'is managed by your administrator' })));
      }
      const secrets: Array<[string, string]> = [];
      if (patch.credential?.type === 'secret' && patch.credential.secret) secrets.push([SECRET_CREDENTIAL, patch.credential.secret]);
      for (const room of patch.rooms ?? []) for (const device of room.devices) if (device.password) secrets.push([devicePasswordName(device.id), device.password]);
      if (secrets.length > 0 && !cipher) {
        throw new AppFailure('unavailable', 'This agent does not store secrets: give them in the configuration file or as { "env": "NAME" } references.');
      }
      for (const [name, value] of secrets) {
        redactor.addSecret(value);
        store.writeSecretCipherText(name, await cipher!.encrypt(value));
      }
      const local = store.readLocal() as LocalSettings;
      const next: LocalSettings = { ...local, ...patch } as LocalSettings;
      if (patch.credential) next.credential = patch.credential.type === 'secret' ? { type: 'secret' } : patch.credential;
      if (patch.rooms) next.rooms = patch.rooms.map((room) => ({ ...room, devices: room.devices.map(({ password: _password, ...device }) => device) }));
      store.writeLocal(next as Record<string, unknown>);
      return this.view();
    },

    /** The settings with every secret in clear, for the services; never sent to a UI or a log. */
    async resolve(): Promise<ResolvedSettings> {
      const { config, local } = effective();
      let credential: ResolvedCredential | undefined;
      if (config.credential?.type === 'secret') {
        const secret = locked.has('credential') ? resolveSecret(config.credential.secret, 'credential.secret', env) : await decrypt(SECRET_CREDENTIAL);
        if (secret) credential = { type: 'secret', secret };
      } else if (config.credential?.type === 'certificate') {
        const privateKeyPem = readFileSync(config.credential.privateKeyPath, 'utf8');
        redactor.addSecret(privateKeyPem);
        credential = { type: 'certificate', certificatePem: readFileSync(config.credential.certificatePath, 'utf8'), privateKeyPem, certificatePath: config.credential.certificatePath };
      }
      const devices: ResolvedDevice[] = [];
      for (const room of config.rooms) {
        for (const device of room.devices) {
          const password = locked.has('rooms') ? resolveSecret(device.password, `rooms.${room.id}.devices.${device.id}.password`, env) : await decrypt(devicePasswordName(device.id));
          devices.push({ id: device.id, roomId: room.id, roomName: room.name, url: device.url, username: device.username, password, allowSelfSigned: device.allowSelfSigned, pollSeconds: device.pollSeconds });
        }
      }
      return { config, credential, devices, doNotDisturb: local.doNotDisturb ?? false, launchAtLogin: local.launchAtLogin ?? false };
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
