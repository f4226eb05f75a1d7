// KV and D1 calls as the store makes them: a failure is a StorageError (answered 503), never a 500.
import { StorageError } from '../lib/errors';

async function guarded<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new StorageError(`${what} failed`, { cause: error });
  }
}

export const kv = <T>(operation: string, call: () => Promise<T>) => guarded(`KV ${operation}`, call);
export const d1 = <T>(operation: string, call: () => Promise<T>) => guarded(`D1 ${operation}`, call);
