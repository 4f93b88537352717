import { defineProject, mergeConfig } from 'vitest/config'
import { sharedConfig } from '../../vitest.shared'

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: '@maxclient/cli',
      globalSetup: ['test/e2e/global-setup.ts'],
      // End-to-end tests start the built binary many times; one file at a time keeps them calm.
      fileParallelism: false,
      testTimeout: 60_000,
    },
  }),
)
