import { defineProject, mergeConfig } from 'vitest/config'
import { sharedConfig } from '../../vitest.shared'

export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: '@maxclient/cli',
      // End-to-end tests start the built binary many times; run files one by one to keep them calm.
      fileParallelism: false,
    },
  }),
)
