import { defineProject, mergeConfig } from 'vitest/config'
import { sharedConfig } from '../vitest.shared'

// One Chromium at a time: the files share the machine with every other suite, so a browser's
// launch (in beforeAll) and a page's load get more time than the shared defaults give.
export default mergeConfig(
  sharedConfig,
  defineProject({
    test: {
      name: '@maxclient/browser-tests',
      fileParallelism: false,
      testTimeout: 90_000,
      hookTimeout: 90_000,
      globalSetup: ['./test/global-setup.ts'],
    },
  }),
)
