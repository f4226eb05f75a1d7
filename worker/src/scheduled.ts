// The scheduled job (wrangler.toml [triggers]): repairs every user's search index from KV, so an
// index write that failed and was never retried is put right within a cron period.
import type { Bindings } from './context';
import { parseApiTokens } from './middleware/auth';
import { storeFor } from './store';

export async function repairAllIndexes(env: Bindings): Promise<void> {
  const users = [...new Set(parseApiTokens(env.API_TOKENS).map((entry) => entry.user))];
  for (const user of users) {
    try {
      const repair = await storeFor(env, user).repairIndex();
      if (repair.added > 0 || repair.removed > 0) console.log(`search index of ${user}: ${repair.added} added, ${repair.removed} removed`);
    } catch (error) {
      // One user's failure leaves the others' repair to go on; the next run tries again.
      console.error(`search index repair failed for ${user}`, error);
    }
  }
}
