import { ApiClient } from '../../utils/api';
import { apiTokenItem, serverUrlItem } from '../../utils/storage';

/** An API client for the server and token currently in the settings. */
export async function currentApiClient(): Promise<ApiClient> {
  const [serverUrl, token] = await Promise.all([serverUrlItem.getValue(), apiTokenItem.getValue()]);
  return new ApiClient({ serverUrl, token });
}
