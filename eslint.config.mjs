// ESLint (flat config): the recommended JavaScript and TypeScript rules, and parentheses wherever operators mix.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'out/',
      '.vscode-test/',
    ],
  },
  js.configs.recommended,
  // Without type information: fast, and tsc (npm run typecheck) does the type checking.
  tseslint.configs.recommended,
  {
    rules: {
      // Default groups, same precedence allowed: `a && b || c` needs parentheses, `a + b - c` does not.
      'no-mixed-operators': 'error',
    },
  },
  {
    // The build, test and bench scripts run in Node.
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS is require()'s home.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The benches and the screenshot script hand functions to page.evaluate, which runs them in Chromium.
    files: ['bench/**', 'scripts/screenshots.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Tests spell out control characters to check that output has none.
    files: ['test/**'],
    rules: { 'no-control-regex': 'off' },
  },
);
