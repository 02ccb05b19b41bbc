/**
 * Which language the UI speaks. The wall is a Chinese operations-centre screen, so Chinese is the
 * default whatever the display PC's OS language; English is an explicit choice (`?lang=en`), which
 * is remembered so a wall configured once keeps it across reloads.
 */

export const LOCALES = ['zh-CN', 'en'] as const
export type AppLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: AppLocale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'gridwatch.locale'

/**
 * Maps a language tag to a supported locale, or null.
 *
 * @example
 * normaliseLocale('en-GB')   // 'en'
 * normaliseLocale('zh-Hans') // 'zh-CN'
 * normaliseLocale('fr')      // null
 */
export function normaliseLocale(tag: string | null | undefined): AppLocale | null {
  const t = (tag ?? '').trim().toLowerCase()
  if (t === '') return null
  const primary = t.split(/[-_]/)[0]
  if (primary === 'zh') return 'zh-CN'
  if (primary === 'en') return 'en'
  return null
}

/**
 * The query parameter wins, then the stored preference, then the default.
 *
 * @example
 * resolveLocale({ query: 'en', stored: null })     // 'en'
 * resolveLocale({ query: undefined, stored: 'en' }) // 'en'
 * resolveLocale({ query: 'xx', stored: null })     // 'zh-CN'
 */
export function resolveLocale(input: { query?: string | null; stored?: string | null }): AppLocale {
  return normaliseLocale(input.query) ?? normaliseLocale(input.stored) ?? DEFAULT_LOCALE
}
