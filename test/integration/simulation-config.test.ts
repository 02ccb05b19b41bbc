/** The demo's drill settings are checked at boot: a misspelt drill stops the start and names the drills. */
import { describe, expect, it } from 'vitest'
import { startTestServer } from '../helpers/build-app.ts'

describe('SIMULATION_DRILLS', () => {
  it('refuses a drill that does not exist, naming the ones that do', async () => {
    await expect(startTestServer({ SIMULATION_DRILLS: 'highrise-fire,earthquake' })).rejects.toThrow(
      /SIMULATION_DRILLS: no drill named earthquake; drills are .*highrise-fire.*rainstorm/,
    )
  })

  it('takes real drills, and off', async () => {
    for (const value of ['rainstorm,dog-complaints', 'off']) {
      const server = await startTestServer({ SIMULATION_DRILLS: value })
      await server.close()
    }
  })
})
