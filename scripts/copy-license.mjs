#!/usr/bin/env node
// `prepack` of every published package: the licence text lives once, at the repository root,
// and is copied into the package folder so that each tarball carries it.
import { copyFileSync } from 'node:fs'

copyFileSync(new URL('../LICENSE', import.meta.url), 'LICENSE')
