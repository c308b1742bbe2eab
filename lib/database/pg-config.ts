import type { PoolConfig } from "pg";

// pg lets `connectionString` override `database`, so configs are built from discrete fields.
export function pgConfigFromUrl(databaseUrl: string, overrides: Partial<PoolConfig> = {}): PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname || "127.0.0.1",
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || "postgres"),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1) || "postgres"),
    ...overrides,
  };
}

export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export function isLocalDatabase(databaseUrl: string): boolean {
  const host = new URL(databaseUrl).hostname;
  return ["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(host);
}
