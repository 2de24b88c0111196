// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules for every script,
// eslint-plugin-astro's for .astro files. Formatting is Prettier's (npm run format), not ESLint's.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['node_modules/', 'dist/', '.astro/', '.cache/', 'src/content/articles/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs.recommended,
  {
    // Build scripts, tests and site code run in Node; the search scripts in the browser.
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/client/**/*.ts', '**/*.astro'],
    languageOptions: { globals: globals.browser },
  },
  {
    rules: {
      // Unused names are errors, except those marked unused on purpose with a leading underscore
      // (`const { people: _omit, ...rest } = valid`, callback parameters kept for their position).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Off: the text stages match control characters on purpose (decoding bytes, refusing
      // control characters in seeds, telling ASCII from the rest).
      'no-control-regex': 'off',
    },
  },
  {
    // Astro's convention: a component declares its props as `interface Props`, read by the
    // compiler (Astro.props) even when the script never names it, and empty when it takes none
    // (`interface Props {}`, or `interface Props extends PageMeta {}`).
    files: ['**/*.astro'],
    rules: {
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'always' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^(_|Props$)', destructuredArrayIgnorePattern: '^_' }],
    },
  },
]);
