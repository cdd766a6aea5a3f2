import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    DATABASE_PATH: z.string().min(1).default("./data/komerbij.db"),
    PUBLIC_URL: z.string().url().default("http://localhost:3000"),
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DEMO_MODE: booleanFlag.default("false"),
    SEED_DEMO_DATA: booleanFlag.optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    EMAIL_FROM: z.string().min(3).default("Week tegen Eenzaamheid <noreply@weektegeneenzaamheid.nl>"),
    MAP_TILE_URL: z
      .string()
      .regex(/^https?:\/\/.+\{z\}.*\{x\}.*\{y\}/, "must be an http(s) URL with {z}, {x} and {y}")
      .default("https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png"),
    MAP_TILE_ATTRIBUTION: z
      .string()
      .min(1)
      .default('Kaart: <a href="https://www.pdok.nl/">PDOK</a> BRT-Achtergrondkaart, © Kadaster'),
    PDOK_LOCATIESERVER_URL: z.string().url().default("https://api.pdok.nl/bzk/locatieserver/search/v3_1"),
    // Fixes the platform's clock (ISO instant). Meant for demos and browser tests only.
    FAKE_NOW: z.string().datetime({ offset: true }).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.DEMO_MODE) {
      if (!env.SESSION_SECRET)
        ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "is required in production (or set DEMO_MODE=true)" });
      if (!env.RESEND_API_KEY)
        ctx.addIssue({
          code: "custom",
          path: ["RESEND_API_KEY"],
          message:
            "is required in production: without it login codes would only reach the public demo mailbox (set DEMO_MODE=true to run a demo on purpose)",
        });
    }
  });

export type Env = z.infer<typeof EnvSchema> & { SESSION_SECRET: string; SEED_DEMO_DATA: boolean };

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(
      `Invalid configuration, the platform cannot start:\n${lines.join("\n")}\nSee README.md, section "Configuration".`,
    );
  }
  const env = result.data;
  return {
    ...env,
    SESSION_SECRET: env.SESSION_SECRET ?? "demo-only-session-secret-not-for-production-use",
    SEED_DEMO_DATA: env.SEED_DEMO_DATA ?? (env.DEMO_MODE || env.NODE_ENV !== "production"),
  };
}

function loadEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (process.env.VITEST) throw error;
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

export const env = loadEnv();

/** Demo mode: mail goes to the on-site demo mailbox instead of Resend. */
export const isDemoMailbox = () => !env.RESEND_API_KEY;
