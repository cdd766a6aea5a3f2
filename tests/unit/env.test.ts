import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

describe("configuration", () => {
  it("has working defaults for a local start", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe("./data/komerbij.db");
    expect(env.SEED_DEMO_DATA).toBe(true);
    expect(env.MAP_TILE_URL).toContain("{z}");
  });

  it("stops with a clear message on an invalid port or tile URL", () => {
    expect(() => parseEnv({ PORT: "abc" })).toThrow(/PORT/);
    expect(() => parseEnv({ MAP_TILE_URL: "https://tiles.example/tile.png" })).toThrow(
      /MAP_TILE_URL: must be an http\(s\) URL with \{z\}/,
    );
  });

  it("refuses a production start without secret and mail key unless demo mode is asked for", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/SESSION_SECRET[\s\S]*RESEND_API_KEY/);
    expect(() => parseEnv({ NODE_ENV: "production", SESSION_SECRET: "short" })).toThrow(/at least 32/);
    expect(parseEnv({ NODE_ENV: "production", DEMO_MODE: "true" }).DEMO_MODE).toBe(true);
    const real = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(40), RESEND_API_KEY: "re_123" });
    expect(real.SEED_DEMO_DATA).toBe(false);
  });
});
