/** Unit specs sit beside the code; test/ holds suites that boot the real app on real Postgres, Redis and S3. */
module.exports = {
  testEnvironment: 'node',
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons', 'development'] },
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
  // A handle a suite forgets (a socket, a timer) must not hold CI until its deadline: the run ends when the
  // last suite does. Leaks are still hunted with `npx jest --detectOpenHandles`.
  forceExit: true,
};
