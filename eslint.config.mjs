// Lint (`npm run lint`, run by .ci/run before the tests): typescript-eslint's recommended rules over the TypeScript
// sources, without type information so it stays fast (a few seconds). The compiler's strict mode
// already covers what type-aware rules would add.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'media/**', 'node_modules/**', 'test/e2e/**', '**/*.js', '**/*.mjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      // `_name` marks a parameter kept for its position in a callback signature.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters are matched on purpose: input is cleaned of them (file names, terminal
      // output, XML text, decoded bytes).
      'no-control-regex': 'off',
      // Test patterns match YAML and aligned text as written; a run of spaces reads as the indentation it is.
      'no-regex-spaces': 'off',
      // Full-width spaces (U+3000) are the domain: comments and patterns quote what reports contain.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipComments: true, skipRegExps: true, skipTemplates: true }],
    },
  },
  {
    // The custom requests follow vscode-languageserver-protocol's own pattern: a namespace per
    // request holding its method and RequestType.
    files: ['server/src/shared/protocol.ts', 'server/src/shared/overviewProtocol.ts'],
    rules: { '@typescript-eslint/no-namespace': 'off' },
  },
);
