/** vue-i18n: Chinese by default, English on request (`?lang=en`, then remembered). */
import { watchEffect } from 'vue'
import { createI18n } from 'vue-i18n'
import { messages, type Messages } from '../i18n/messages.ts'
import { LOCALE_STORAGE_KEY, normaliseLocale, resolveLocale, type AppLocale } from '../i18n/resolve-locale.ts'
import type { AppModule } from './types.ts'

function readStored(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY)
  } catch {
    return null
  }
}

function store(locale: AppLocale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale)
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

const query = new URLSearchParams(window.location.search).get('lang')
const initial = resolveLocale({ query, stored: readStored() })
if (normaliseLocale(query)) store(initial)

export const i18n = createI18n<[Messages], AppLocale, false>({
  legacy: false,
  locale: initial,
  fallbackLocale: 'zh-CN',
  messages,
})

/** Switches the UI language and remembers the choice. */
export function setLocale(locale: AppLocale): void {
  i18n.global.locale.value = locale
  store(locale)
}

export const install: AppModule = ({ app }) => {
  app.use(i18n)
  watchEffect(() => {
    document.documentElement.lang = i18n.global.locale.value
    document.title = i18n.global.t('app.title')
  })
}
