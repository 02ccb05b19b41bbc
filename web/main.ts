// Entry point: create the app, install each module in order, mount.
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router.ts'
import { install as installPinia } from './modules/pinia.ts'
import { install as installI18n } from './modules/i18n.ts'
import { install as installMapLibre } from './modules/maplibre.ts'
import { install as installPmtiles } from './modules/pmtiles.ts'
import { install as installRouter } from './modules/router.ts'
import './styles/global.css'

const app = createApp(App)
// Order matters: the router's guard reads the auth store, so Pinia comes before the router.
for (const install of [installPinia, installI18n, installMapLibre, installPmtiles, installRouter]) install({ app, router })
app.mount('#app')
