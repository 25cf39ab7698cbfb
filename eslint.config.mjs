// Type-aware lint for the whole project; `npm test` runs it, so CI does too.
import nextPlugin from "@next/eslint-plugin-next";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-e2e/",
      ".next-bench/",
      "bench/framework-floor/.next/",
      ".data/",
      ".test-data/",
      "functions/lib/",
      "test-results/",
      "playwright-report/",
      "next-env.d.ts",
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ["*.mjs"] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // React handlers may be async; their errors are handled inside them.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // An AbortSignal's reason is whatever the aborter gave; passing it on is right.
      "@typescript-eslint/prefer-promise-reject-errors": [
        "error",
        { allowThrowingAny: true, allowThrowingUnknown: true },
      ],
      eqeqeq: ["error", "always"],
      "no-console": "error",
      // Adapters implement promise-returning ports with synchronous bodies; that is not a bug.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...reactHooks.configs.recommended.rules,
      // Pages load their data from our API in an effect and show a spinner first; that
      // first setState is the point, not a cascading render.
      "react-hooks/set-state-in-effect": "off",
    },
  },
  {
    // The Firebase client SDK stays behind one adapter; pages and components see our own types.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["components/account/firebase-client.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["firebase", "firebase/*"],
              message: "Use the functions of components/account/firebase-client.ts.",
            },
          ],
        },
      ],
    },
  },
  {
    // Command-line tools and tests talk to a terminal.
    files: ["scripts/**", "bench/**", "tests/**", "worker/**"],
    rules: { "no-console": "off" },
  },
  {
    // Asymmetric matchers (expect.any) are typed any by vitest.
    files: ["tests/**"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
);
