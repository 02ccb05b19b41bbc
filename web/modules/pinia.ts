/** Pinia; installed first, because the router guard and the i18n module read stores. */
import { createPinia } from 'pinia'
import type { AppModule } from './types.ts'

export const install: AppModule = ({ app }) => {
  app.use(createPinia())
}
