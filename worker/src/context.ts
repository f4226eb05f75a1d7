// The one Hono environment type every router and middleware shares.
// `Env` (the KV binding ARTICLES) is generated from wrangler.toml by `npm run types`;
// secrets are not in wrangler.toml, so API_TOKENS is declared here.
export type Bindings = Env & {
  /** Worker secret: comma-separated `user:token` pairs. */
  API_TOKENS?: string;
};

export interface Variables {
  /** The authenticated user; set by middleware/auth.ts on every /v1 route but health. */
  user: string;
}

export type App = { Bindings: Bindings; Variables: Variables };
