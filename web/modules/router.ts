/** vue-router, plus the one rule that a sign-out anywhere (an expired token, say) shows the login page. */
import { watch } from 'vue'
import { authRedirect } from '../auth/auth-redirect.ts'
import { useAuthStore } from '../stores/auth.ts'
import type { AppModule } from './types.ts'

export const install: AppModule = ({ app, router }) => {
  app.use(router)
  const auth = useAuthStore()
  watch(
    () => auth.signedIn,
    (signedIn) => {
      const current = router.currentRoute.value
      const to = authRedirect({ fullPath: current.fullPath, isPublic: current.meta.public === true }, signedIn)
      if (to) void router.replace(to)
    },
  )
}
