/**
 * The daily rhythm of traffic: users talk to the agent most in the mid-afternoon
 * (UTC) and least at night. Load is normalised so its daily mean is 1.
 */
import { BASE_STEP_S } from '@/domain/catalog'

/** Base samples in one day. */
export const SAMPLES_PER_DAY = (24 * 3600) / BASE_STEP_S

const PEAK_HOUR_UTC = 15
const SWING = 0.55

function loadAtHour(hour: number): number {
  const phase = (2 * Math.PI * (hour - PEAK_HOUR_UTC)) / 24
  // A small second harmonic makes the evening tail longer than the morning ramp.
  return 1 + SWING * Math.cos(phase) + 0.08 * Math.sin(2 * phase)
}

/**
 * Traffic load (daily mean 1, about 0.45 at night to 1.55 at the peak) by base-sample
 * slot of the day; a table so the hot loop does no trigonometry.
 */
export const LOAD_BY_SLOT: Float64Array = (() => {
  const table = new Float64Array(SAMPLES_PER_DAY)
  for (let s = 0; s < SAMPLES_PER_DAY; s++) table[s] = loadAtHour((s * BASE_STEP_S) / 3600)
  return table
})()
