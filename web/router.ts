/** The app's routes. Pages load lazily; every page but the login needs a signed-in user. */
import { createRouter, createWebHistory } from 'vue-router'
import { authRedirect, HOME_PATH, LOGIN_PATH, rootRedirect } from './auth/auth-redirect.ts'
import { useAuthStore } from './stores/auth.ts'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
  }
}

/** `/` and unknown paths: the user's home (a street user's is their post), or the login page. */
const toHome = () => {
  const auth = useAuthStore()
  return rootRedirect(auth.user, auth.signedIn)
}

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', redirect: toHome },
    { path: LOGIN_PATH, name: 'login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: HOME_PATH, name: 'wall', component: () => import('./pages/WallPage.vue') },
    // A street command post; `/post` alone lands on the user's own street (PostPage resolves it).
    { path: '/post/:streetId(\\d{9})?', name: 'post', component: () => import('./pages/PostPage.vue') },
    // The leaders' situation briefing (态势日报 / 周报); `?kind=&date=&street=` say which.
    { path: '/briefing', name: 'briefing', component: () => import('./pages/BriefingPage.vue') },
    // Any signed-in user may replay; a street user's replay holds only their street (the server scopes it).
    { path: '/replay', name: 'replay', component: () => import('./pages/ReplayPage.vue') },
    { path: '/:unknown(.*)*', redirect: toHome },
  ],
})

router.beforeEach((to) => {
  const auth = useAuthStore()
  return authRedirect({ fullPath: to.fullPath, isPublic: to.meta.public === true }, auth.signedIn) ?? true
})
