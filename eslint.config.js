// ESLint keeps the house (shared/DESIGN.md): TypeScript, React hooks, accessibility, the layering
// between app/, db/ and emails/, and the one clock.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const dbImports = ["**/db/*", "**/db/**", "../db", "../../db"];

/** Import boundaries: who may import whom. */
const boundary = (files, patterns) => ({
  files,
  rules: { "no-restricted-imports": ["error", { patterns }] },
});

export default tseslint.config(
  { ignores: ["node_modules/", "build/", "public/build/", ".cache/", "data/", "test-results/", "tests/.reports/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ["app/**/*.tsx", "emails/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: { ...reactHooks.configs.recommended.rules, ...jsxA11y.flatConfigs.recommended.rules },
  },

  // Layering. Routes and components talk to models, never to the database package.
  boundary(
    ["app/routes/**", "app/components/**"],
    [
      { group: dbImports, message: "Routes and components never import db/: go through a model (app/models/*.server.ts)." },
      {
        group: ["~/utils/db.server", "**/utils/db.server"],
        message: "Routes and components never touch the database: call a model.",
      },
    ],
  ),
  // db/ knows tables, migrations and reference data, nothing of the app.
  boundary(["db/**"], [{ group: ["~/*", "**/app/**", "../app", "../../app"], message: "db/ never imports app/." }]),
  // E-mails render what they are given; they never reach into models or the database.
  boundary(
    ["emails/**"],
    [
      { group: ["~/models/*", "**/models/**", ...dbImports], message: "E-mail templates never import models or db/." },
      { group: ["~/utils/*.server", "**/*.server"], message: "E-mail templates never import server modules." },
    ],
  ),

  // One clock (DESIGN.md rule 13): "now" comes from app/utils/clock.server.ts only.
  {
    files: ["app/**", "db/**", "emails/**", "tests/**"],
    ignores: ["app/utils/clock.server.ts", "tests/bench/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Read the time from ~/utils/clock.server (now(), monotonicMs()); tests pin it with setClock.",
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Read the time from ~/utils/clock.server (now()); tests pin it with setClock.",
        },
      ],
    },
  },
);
