/** Who is signed in, kept across reloads so a wall comes back by itself after a power cut. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LoginReply, PublicUser } from '../../domain/auth.ts'
import { requestJson } from '../http/request-json.ts'
import { parseSession, SESSION_STORAGE_KEY, type Session } from '../auth/stored-session.ts'

function readSession(): Session | null {
  try {
    return parseSession(localStorage.getItem(SESSION_STORAGE_KEY), Date.now())
  } catch {
    return null // storage disabled
  }
}

function writeSession(session: Session | null): void {
  try {
    if (session) localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session))
    else localStorage.removeItem(SESSION_STORAGE_KEY)
  } catch {
    // Storage disabled: the session lives until the tab closes.
  }
}

export const useAuthStore = defineStore('auth', () => {
  const initial = readSession()
  /** The bearer token for the API and the socket; null when signed out. */
  const token = ref<string | null>(initial?.token ?? null)
  /** The signed-in user and their scope; null when signed out. */
  const user = ref<PublicUser | null>(initial?.user ?? null)

  const signedIn = computed(() => token.value !== null)

  /** Throws `ApiError` (401 for bad credentials, 0 when the server is unreachable). */
  async function login(username: string, password: string): Promise<void> {
    const reply = await requestJson<LoginReply>('/api/v1/auth/login', {
      method: 'POST',
      body: { username, password },
    })
    token.value = reply.token
    user.value = reply.user
    writeSession({ token: reply.token, user: reply.user })
  }

  /** Forgets the session; the router module notices and shows the login page. */
  function logout(): void {
    token.value = null
    user.value = null
    writeSession(null)
  }

  return { token, user, signedIn, login, logout }
})
