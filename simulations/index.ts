export { startLiveSimulation, type LiveOptions } from './run-live.ts'
export { createNormalDay, type NormalDay } from './generators/normal-day.ts'
export { createHttpProducer, IngestRefused, type HttpProducer } from './http-producer.ts'
