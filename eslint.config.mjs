import next from "eslint-config-next";

const config = [
  { ignores: ["generated/**", ".next/**", "data/**", "node_modules/**", "public/sw.js", "test-results/**", "playwright-report/**"] },
  ...next,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
