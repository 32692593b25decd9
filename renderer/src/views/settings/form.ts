/**
 * Form plumbing shared by the settings sections: which fields the fleet configuration locks, and client-side
 * validation of the section's patch with the shared `settingsPatchSchema`, so the message next to a field is
 * the same rule the core applies (e.g. "must be a GUID…" next to the tenant id).
 */
import { useState } from 'react';
import { settingsPatchSchema, type SettingsPatch } from '../../../../shared/api/requests';
import type { AppError } from '../../../../shared/api/result';
import { validate } from '../../../../shared/validation';
import { useIssueMessages } from '../../lib/validation-text';

/**
 * `managedKeys` are dotted keys of the fleet file. A field is locked when its key or a parent of it is
 * managed ("credential" locks "credential.secret"), or a child of it is (a managed "rooms[0]…" locks the
 * whole rooms editor). The fleet file nests the cooldown as alerts.cooldownMinutes; the view flattens it.
 */
const ALIASES: Record<string, string> = { 'alerts.cooldownMinutes': 'alertCooldownMinutes', alerts: 'alertCooldownMinutes' };

export function isLocked(managedKeys: readonly string[], key: string): boolean {
  return managedKeys.some((raw) => {
    const managed = ALIASES[raw] ?? raw;
    return managed === key || key.startsWith(`${managed}.`) || managed.startsWith(`${key}.`) || managed.startsWith(`${key}[`);
  });
}

export interface SectionForm {
  /** The message for a field once it was touched or a save was tried. */
  errorFor(path: string): string | undefined;
  touch(path: string): void;
  /** Marks every field as touched; true when the patch is valid. */
  trySubmit(): boolean;
  /** Shows the core's validation details (invalid_input) next to their fields. */
  showServerError(error: AppError): void;
  clientErrors: Record<string, string>;
}

export function useSectionForm(patch: SettingsPatch, extraErrors: Record<string, string> = {}): SectionForm {
  const issueText = useIssueMessages();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const result = validate(settingsPatchSchema, patch);
  const clientErrors = { ...(result.ok ? {} : issueText(result.issues)), ...extraErrors };
  return {
    clientErrors,
    errorFor(path) {
      const client = clientErrors[path];
      if (client !== undefined && (submitted || touched.has(path))) return client;
      return serverErrors[path];
    },
    touch(path) {
      if (!touched.has(path)) setTouched(new Set(touched).add(path));
      if (serverErrors[path] !== undefined) {
        const next = { ...serverErrors };
        delete next[path];
        setServerErrors(next);
      }
    },
    trySubmit() {
      setSubmitted(true);
      setServerErrors({});
      return Object.keys(clientErrors).length === 0;
    },
    showServerError(error) {
      if (error.code === 'invalid_input' && error.details !== undefined) setServerErrors(issueText(error.details));
    },
  };
}
