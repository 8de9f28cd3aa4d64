// ESLint (flat config): the recommended JavaScript and TypeScript rules, and parentheses wherever operators mix.
import js from '@eslint/js';
import globals from 'globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tseslint from 'typescript-eslint';

const coreFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'src', 'core');

/**
 * The core runs in Node, in a browser and in a web worker, and the webview and tools load it alone: it
 * may import npm packages and its own files, never `vscode` nor the rest of src/ (a relative path that
 * leaves src/core/, at any depth).
 */
const coreStaysPure = {
  meta: { type: 'problem', messages: { vscode: 'src/core/ must not import vscode.', outside: 'src/core/ must not import "{{path}}", which is outside src/core/.' } },
  create(context) {
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier !== 'string') return;
      if (specifier === 'vscode') context.report({ node: node.source, messageId: 'vscode' });
      else if (specifier.startsWith('.') && path.relative(coreFolder, path.resolve(path.dirname(context.filename), specifier)).startsWith('..')) {
        context.report({ node: node.source, messageId: 'outside', data: { path: specifier } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

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
    files: ['src/core/**/*.ts'],
    plugins: { layering: { rules: { 'core-stays-pure': coreStaysPure } } },
    rules: { 'layering/core-stays-pure': 'error' },
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
