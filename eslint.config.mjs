// Lint for the Node side (apps/api, apps/worker, apps/all, libs, test, bench); the portal has its own block.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const RUNTIME_SYNTAX = [
  { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Only libs/config reads process.env.' },
  { selector: "NewExpression[callee.name='DomainError']", message: "Throw a class from the library's errors.ts, whose code is checked against the library's codes." },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'apps/web/dist/**', 'apps/web/src/api/schema.d.ts', 'coverage/**', 'test-results/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-restricted-syntax': ['error', ...RUNTIME_SYNTAX],
    },
  },
  // A library throws the generic errors narrowed to its own codes (its errors.ts), so a misspelt code fails typecheck.
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/errors/**', 'libs/*/src/errors.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '#errors',
              importNames: ['ConflictError', 'ForbiddenError', 'InvalidInputError', 'TooManyAttemptsError', 'UnauthenticatedError'],
              message: "Import it from the library's errors.ts, which narrows its code to the library's codes.",
            },
          ],
        },
      ],
    },
  },
  // Inside a library the SQL of its tables sits in *.repository.ts classes (CONTRIBUTING.md): a service
  // neither writes SQL nor calls the entity manager with an entity class. #database is the SQL plumbing itself.
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/database/**', 'libs/config/**', '**/*.repository.ts', '**/migrations/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...RUNTIME_SYNTAX,
        { selector: "CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository)$/]", message: "SQL belongs in the library's *.repository.ts." },
        {
          selector:
            "CallExpression[callee.property.name=/^(find|findOne|findOneBy|findOneOrFail|findBy|findAndCount|save|insert|update|upsert|delete|remove|count|countBy|exists|existsBy|increment|decrement|softDelete)$/][arguments.0.type='Identifier'][arguments.0.name=/^[A-Z]/]",
          message: "Entity-manager calls belong in the library's *.repository.ts.",
        },
        {
          selector: "CallExpression[callee.property.name=/^(save|remove|softRemove|recover|increment|decrement)$/][callee.object.name=/^(tx|manager|em|entityManager)$/]",
          message: "Entity-manager calls belong in the library's *.repository.ts.",
        },
      ],
    },
  },
  { files: ['libs/config/**', 'bench/**', 'test/**', '**/*.config.*'], rules: { 'no-restricted-syntax': 'off' } },
  // Tests and benchmarks read untyped JSON bodies and load untyped CommonJS test servers.
  { files: ['bench/**', 'test/**'], rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['apps/web/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], languageOptions: { globals: { ...globals.node } } },
);
