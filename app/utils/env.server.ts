import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000), // 0: any free port (tests)
    DATABASE_PATH: z.string().min(1).default("./data/komerbij.db"),
    // Defaults to this server on localhost (see parseEnv), so e-mail links follow PORT.
    PUBLIC_URL: z.string().url().optional(),
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
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    // The built-in secret is public (it is in this repository): with it anyone can forge sessions and
    // attendance links. It is only acceptable while no real e-mail leaves the server.
    if (!env.SESSION_SECRET && env.RESEND_API_KEY)
      problem(
        "SESSION_SECRET",
        "is required when RESEND_API_KEY is set: otherwise real e-mail carries links anyone can forge with the public demo secret",
      );
    else if (!env.SESSION_SECRET && env.NODE_ENV === "production" && !env.DEMO_MODE)
      problem("SESSION_SECRET", "is required in production (or set DEMO_MODE=true)");
    if (env.NODE_ENV === "production" && !env.DEMO_MODE && !env.RESEND_API_KEY)
      problem(
        "RESEND_API_KEY",
        "is required in production: without it login codes would only reach the public demo mailbox (set DEMO_MODE=true to run a demo on purpose)",
      );
  });

export type Env = z.infer<typeof EnvSchema> & { PUBLIC_URL: string; SESSION_SECRET: string; SEED_DEMO_DATA: boolean };

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
    PUBLIC_URL: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
    SESSION_SECRET: env.SESSION_SECRET ?? "demo-only-session-secret-not-for-production-use",
    SEED_DEMO_DATA: env.SEED_DEMO_DATA ?? (env.DEMO_MODE || env.NODE_ENV !== "production"),
  };
}

function loadEnv(): Env {
  try {
    const parsed = parseEnv(process.env);
    if (!process.env.VITEST) console.log(`Links in e-mails use ${parsed.PUBLIC_URL} (PUBLIC_URL)`);
    return parsed;
  } catch (error) {
    if (process.env.VITEST) throw error;
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

export const env = loadEnv();

/** Demo mode without a Resend key: mail is shown in the public on-site demo mailbox. */
export const isDemoMailbox = () => env.DEMO_MODE && !env.RESEND_API_KEY;
