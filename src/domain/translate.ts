/**
 * The shape of a translate function (key + named values → text), shared by the i18n layer that makes one
 * (src/i18n/translate.ts) and the pure option builders that take one (src/charts): it lives here, below both.
 */
export type Translate = (key: string, named?: Record<string, unknown>) => string
