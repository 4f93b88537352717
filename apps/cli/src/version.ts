declare const __MAXCLI_VERSION__: string | undefined

/** The package version, injected by tsup at build time (`dev` when running from sources). */
export const version: string = typeof __MAXCLI_VERSION__ === 'string' ? __MAXCLI_VERSION__ : 'dev'
