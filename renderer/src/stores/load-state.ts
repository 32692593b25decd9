/**
 * The load state of anything fetched from the core: a discriminated union instead of isLoading/error flags
 * (../shared/design/examples-to-follow.md #11), so a view cannot show stale data and a spinner at the same time by accident.
 */
import type { AppError, Result } from '../../../shared/api/result';

export type LoadState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; value: T };

export const IDLE: { status: 'idle' } = { status: 'idle' };
export const LOADING: { status: 'loading' } = { status: 'loading' };

export function fromResult<T>(result: Result<T>): LoadState<T> {
  return result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error };
}

/** The value when ready, else undefined: for views that keep showing the last data while refreshing. */
export function valueOf<T>(state: LoadState<T>): T | undefined {
  return state.status === 'ready' ? state.value : undefined;
}

/** Wraps a thrown transport error (a client that broke its never-throw promise) in the error envelope. */
export async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}
