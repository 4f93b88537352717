import { defineProject, mergeConfig } from 'vitest/config'
import { sharedConfig } from '../vitest.shared'

// One Chromium at a time: the files share the machine with every other suite.
export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: '@maxclient/browser-tests',
      fileParallelism: false,
      testTimeout: 60_000,
      globalSetup: ['./test/global-setup.ts'],
    },
  }),
)
