/**
 * The takeover chime: two short tones from a WebAudio oscillator, so no audio file
 * ships with the app. Off unless the wall's link says `?sound=on`.
 */

/** Plays 880 Hz then 660 Hz, 0.35 s each, with soft edges; the nodes disconnect when done. */
export function playChime(context: AudioContext): void {
  // Without a user gesture the context may start suspended; a kiosk browser allows autoplay.
  if (context.state === 'suspended') context.resume().catch(() => undefined)
  const start = context.currentTime
  ;[880, 660].forEach((frequency, i) => {
    const at = start + i * 0.4
    const oscillator = context.createOscillator()
    const gain = context.createGain()
    oscillator.type = 'sine'
    oscillator.frequency.value = frequency
    gain.gain.setValueAtTime(0.0001, at)
    gain.gain.exponentialRampToValueAtTime(0.3, at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35)
    oscillator.connect(gain).connect(context.destination)
    oscillator.onended = () => {
      oscillator.disconnect()
      gain.disconnect()
    }
    oscillator.start(at)
    oscillator.stop(at + 0.36)
  })
}

/** A new AudioContext, or null where the browser has none (or refuses one). */
export function createAudioContext(): AudioContext | null {
  if (typeof AudioContext === 'undefined') return null
  try {
    return new AudioContext()
  } catch {
    return null
  }
}
