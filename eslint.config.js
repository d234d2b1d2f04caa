import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.astro/', 'test-results/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Library code reports problems as diagnostics; only the CLI entry ends the process.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Return an exit code; only scripts/cli/bin.mjs calls process.exit.',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      // Refusing control characters in paths and scalars is the point of several patterns.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['astro.config.mjs'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['scripts/cli/bin.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
