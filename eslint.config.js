// Lint for the browser code (Gateway/wwwroot/js, plain ES modules served as they are) and its unit tests (tests/js).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["**/bin/", "**/obj/", "node_modules/", "docs/"] },
  js.configs.recommended,
  {
    files: ["Gateway/wwwroot/js/**/*.js"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: globals.browser },
  },
  {
    files: ["tests/js/**/*.mjs", "tests/franceconnect/**/*.mjs", "eslint.config.js"],
    languageOptions: { ecmaVersion: 2024, sourceType: "module", globals: globals.node },
  },
  {
    rules: {
      eqeqeq: "error",
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
];
