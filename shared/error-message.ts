import { isObject, str } from './json';

/** What an operator or a log reads of anything thrown: an Error's message, or the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The `code` a thrown value carries (Node's ENOENT, a store's token_name_taken…), when it is a string. */
export function errorCode(error: unknown): string | undefined {
  return isObject(error) ? str(error['code']) : undefined;
}
