/** 平常的一天 / A normal day: the district's ordinary day from every source, by the hour, with no end. */
import { defineScenario } from '../scenario.ts'

export default defineScenario({
  name: 'normal-day',
  title: '平常的一天 / A normal day',
  summary: 'The district’s day by the hour on the simulated Shanghai clock: ~1,000 hotline calls (peaks mid-morning and ' +
    'mid-afternoon) from compounds, markets and construction sites; grid workers’ patrols 08:30–18:00; dog detections ' +
    'at dawn and in the evening near parks and compounds; sensor faults, rare self-clearing alarms and the heartbeats ' +
    'of all 25,620 sensors; some compounds and streets persistently worse.',
  expectedEffect: [
    'Events from every source on the wall, busiest mid-morning and mid-afternoon; hotspot compounds and streets stand out on the map.',
    'Sensor alarms open in GET /api/v1/alarms now and then and read normal a few minutes later; every sensor shows online.',
  ],
  durationMin: Infinity,
  // The real district's rate; `--rate` (or the demo's SIMULATION_RATE) scales the same shape.
  steps: [{ name: 'day', source: 'normal-day', at: [0, Infinity], profile: 'calibrated', heartbeats: 1 }],
})
