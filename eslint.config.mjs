import tseslint from 'typescript-eslint';

/**
 * The walls between packages (docs/architecture.md): each entry says which workspace
 * packages a folder's sources may import. A package not listed is out of reach, and no
 * source imports the conformance suite (`@interflow/broker/conformance`): it is test code.
 */
const ALL = ['core', 'broker', 'broker-postgres', 'broker-rabbitmq', 'broker-move', 'registry', 'event-log', 'migrations', 'outbound', 'connector-sdk', 'client', 'test-kit', 'local-postgres'];
const walls = [
  { files: ['packages/core/src/**'], may: [] },
  { files: ['packages/broker/src/**'], may: ['core'] },
  { files: ['packages/broker-postgres/src/**', 'packages/broker-rabbitmq/src/**'], may: ['core', 'broker'] },
  // the move reaches into both brokers' halves of it; nothing else may
  { files: ['packages/broker-move/src/**'], may: ['core', 'broker', 'broker-postgres', 'broker-rabbitmq'] },
  { files: ['packages/registry/src/**'], may: ['core', 'broker'] },
  { files: ['packages/event-log/src/**'], may: ['core', 'registry'] },
  { files: ['migrations/src/**'], may: ['core'] },
  // daemons program against the broker contract; only their composition root picks an implementation
  { files: ['apps/api/src/**', 'apps/producer/src/**', 'apps/runner/src/**'], ignores: ['apps/*/src/main.ts'], may: ['core', 'broker', 'registry', 'event-log', 'migrations', 'outbound', 'connector-sdk'] },
  // the CLI and the dashboard reach Interflow through the REST API only
  { files: ['apps/cli/src/**', 'apps/dashboard/src/**'], may: ['client'] },
  { files: ['apps/example-connector/src/**', 'apps/http-connector/src/**'], may: ['core', 'connector-sdk', 'outbound'] },
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'error',
    },
  },
  ...walls.map(({ files, ignores, may }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ALL.filter((name) => !may.includes(name)).map((name) => `@interflow/${name}`).concat(['**/apps/*/src/**', '../../*/src/**', '@interflow/broker/conformance']),
              message: 'crosses a package wall (eslint.config.mjs lists what each package may import)',
            },
          ],
        },
      ],
    },
  })),
);
