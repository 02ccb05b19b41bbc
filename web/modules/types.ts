/** What every file in modules/ exports: one installer for one app-wide side effect. */
import type { App } from 'vue'
import type { Router } from 'vue-router'

export interface AppContext {
  app: App
  router: Router
}

export type AppModule = (ctx: AppContext) => void
