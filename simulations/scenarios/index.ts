/** Every scenario, by name. Add a file here and one line below. */
import type { Scenario } from '../scenario.ts'
import dogComplaints from './dog-complaints.ts'
import highriseFire from './highrise-fire.ts'
import hotlineSurge from './hotline-surge.ts'
import normalDay from './normal-day.ts'
import rainstorm from './rainstorm.ts'

export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.fromEntries(
  [normalDay, highriseFire, rainstorm, hotlineSurge, dogComplaints].map((s) => [s.name, s]),
)

/** The scenario of that name, or undefined. */
export const findScenario = (name: string): Scenario | undefined => SCENARIOS[name]
