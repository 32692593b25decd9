/**
 * The SecretCipher the core uses to keep secrets on disk, backed by Electron safeStorage (async API:
 * DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). On Linux with the `basic_text` backend
 * safeStorage "encrypts" with a hard-coded key, so we refuse unless the operator explicitly accepted the
 * weaker protection.
 */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/settings/store';

export class WeakSecretStorageError extends Error {
  constructor() {
    super('No OS keyring is available (safeStorage backend basic_text): secrets would be stored with a fixed key. Accept the weaker protection in Settings, or install a keyring (gnome-keyring / kwallet).');
    this.name = 'WeakSecretStorageError';
  }
}

export function createSafeStorageCipher(options: { acceptWeakProtection: () => boolean }): SecretCipher {
  const assertStrongEnough = async (): Promise<void> => {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) throw new Error('Secret encryption is not available on this system.');
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' && !options.acceptWeakProtection()) {
      throw new WeakSecretStorageError();
    }
  };
  return {
    async encrypt(plainText) {
      await assertStrongEnough();
      return safeStorage.encryptStringAsync(plainText);
    },
    async decrypt(cipherText) {
      const { result } = await safeStorage.decryptStringAsync(cipherText);
      return result;
    },
  };
}
