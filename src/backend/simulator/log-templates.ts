/**
 * What the voice agent writes to its log in each scenario. A line's numbers come from
 * its own hash `h`, so the same line always reads the same.
 */
import type { LogLine } from '@/api/schemas'
import type { ScenarioName } from '@/domain/catalog'

export interface LogTemplate {
  readonly service: string
  readonly level: LogLine['level']
  readonly errorType: string | null
  readonly weight: number
  readonly text: (h: number) => string
}

/** A number in [min, max] drawn from bits of `h` (`shift` picks which bits). */
const num = (h: number, shift: number, min: number, max: number) => min + ((h >>> shift) % (max - min + 1))
const room = (h: number) => `room-${(h & 0xfff).toString(16).padStart(3, '0')}`
const conversation = (h: number) => `conv-${num(h, 7, 10_000, 99_999)}`

const t = (
  service: string,
  level: LogLine['level'],
  errorType: string | null,
  weight: number,
  text: (h: number) => string,
): LogTemplate => ({ service, level, errorType, weight, text })

const joined = t('agent', 'INFO', null, 3, (h) => `Participant joined room ${room(h)}`)
const left = t('livekit', 'INFO', null, 2, (h) => `Participant left room ${room(h)}`)
const transcribed = t('stt', 'INFO', null, 4, (h) => `Transcribed ${num(h, 3, 800, 6000)} ms of audio in ${num(h, 11, 180, 420)} ms`)
const generated = t('llm', 'INFO', null, 4, (h) => `Generated reply (${num(h, 5, 20, 180)} tokens) in ${num(h, 13, 450, 1100)} ms via ollama`)
const synthesised = t('tts', 'INFO', null, 4, (h) => `Synthesised ${num(h, 4, 20, 400)} characters in ${num(h, 12, 150, 380)} ms`)
const saved = t('database', 'INFO', null, 2, (h) => `Saved conversation ${conversation(h)} (${num(h, 20, 2, 40)} turns)`)
const retryingTimeout = (service: 'stt' | 'tts', weight: number) =>
  t(service, 'WARN', null, weight, (h) => `Retrying ${service.toUpperCase()} request after timeout (attempt ${num(h, 9, 2, 3)}/3)`)
const slowLlm = (weight: number, min: number, max: number) =>
  t('llm', 'WARN', null, weight, (h) => `Slow LLM response: ${num(h, 6, min, max)} ms`)

const openai503 = (service: 'stt' | 'tts', path: string, weight: number) =>
  t(service, 'ERROR', 'upstream_5xx', weight, () => `OpenAI API error 503: Service Unavailable (POST ${path})`)
const openai429 = (service: 'stt' | 'tts', weight: number) =>
  t(service, 'ERROR', 'rate_limited', weight, () => 'OpenAI API error 429 Too Many Requests: rate limit exceeded')
const openaiTimeout = (service: string, weight: number) =>
  t(service, 'ERROR', 'timeout', weight, () => 'OpenAI API request timed out after 10000 ms')

export const LOG_TEMPLATES: Record<ScenarioName, readonly LogTemplate[]> = {
  healthy: [joined, left, transcribed, generated, synthesised, saved, slowLlm(0.6, 1500, 2400), retryingTimeout('stt', 0.4)],
  // The agent's own log ends at the crash; what follows is its supervisor restarting
  // it in vain, the health check and LiveKit finding no agent to hand a caller to.
  'agent-down': [
    t('agent', 'ERROR', 'process_exit', 0.7, () => 'voice-agent.service: Main process exited, code=dumped, status=6/ABRT'),
    t('agent', 'ERROR', 'process_exit', 0.5, (h) => `voice-agent.service: Failed to start after ${num(h, 4, 3, 5)} restarts; giving up`),
    t('agent', 'ERROR', 'connection_error', 3, () => 'Health check failed: GET /health: connect ECONNREFUSED 127.0.0.1:8081'),
    t('livekit', 'ERROR', 'no_agent', 3, (h) => `No agent worker available to dispatch to ${room(h)}: agent not responding`),
    t('livekit', 'WARN', null, 1.5, (h) => `Participant left ${room(h)} after ${num(h, 6, 8, 60)} s without an agent`),
    t('database', 'INFO', null, 0.5, () => 'Connection pool idle: 0 clients connected'),
  ],
  'openai-outage': [
    openai503('stt', '/v1/audio/transcriptions', 4),
    openai503('tts', '/v1/audio/speech', 3),
    t('stt', 'ERROR', 'connection_error', 1.5, () => 'OpenAI API connection error: ECONNRESET'),
    t('tts', 'ERROR', 'connection_error', 1.5, () => 'OpenAI API connection error: connect ETIMEDOUT'),
    openaiTimeout('stt', 1.5),
    openaiTimeout('tts', 1),
    t('stt', 'WARN', null, 2, (h) => `Retrying OpenAI request (attempt ${num(h, 9, 2, 3)}/3)`),
    t('agent', 'ERROR', 'upstream_5xx', 1, (h) => `Agent not responding in ${room(h)}: STT failed (OpenAI API error 503)`),
    { ...generated, weight: 1 },
    { ...joined, weight: 1 },
  ],
  'llm-timeout': [
    t('llm', 'ERROR', 'timeout', 5, () => 'LLM request timed out after 30000 ms (ollama)'),
    slowLlm(3, 8000, 29_000),
    t('llm', 'WARN', null, 2, (h) => `Retrying LLM request (attempt ${num(h, 9, 2, 3)}/3)`),
    t('llm', 'ERROR', 'upstream_5xx', 0.6, () => 'Ollama API error 502: Bad Gateway'),
    t('agent', 'WARN', null, 1, (h) => `Agent not responding in ${room(h)}: waiting for LLM`),
    { ...transcribed, weight: 1 },
    { ...synthesised, weight: 0.6 },
  ],
  'livekit-outage': [
    t('livekit', 'ERROR', 'connection_error', 4, () => 'LiveKit connection failed: could not establish signal connection'),
    t('livekit', 'ERROR', 'connection_error', 3, () => 'LiveKit connection failed: websocket closed with code 1006'),
    t('agent', 'WARN', null, 1.5, (h) => `Users cannot join ${room(h)}: token issued but room connect failed`),
    t('livekit', 'WARN', null, 1.5, (h) => `Reconnecting to LiveKit Cloud (attempt ${num(h, 5, 2, 12)})`),
    t('agent', 'INFO', null, 0.5, () => 'No active rooms'),
  ],
  'db-connection-lost': [
    t('database', 'ERROR', 'connection_error', 3, () => 'database connection lost: connection refused (db-host:5432)'),
    t('database', 'ERROR', 'save_failed', 4, (h) => `Cannot save conversations: could not save conversation ${conversation(h)}`),
    t('database', 'ERROR', 'timeout', 2, () => 'Database query error: timeout acquiring connection from pool'),
    t('database', 'WARN', null, 1.5, () => 'Connection pool exhausted (20/20 in use)'),
    { ...transcribed, weight: 1 },
    { ...generated, weight: 1 },
    { ...synthesised, weight: 1 },
  ],
  'rate-limiting': [
    openai429('stt', 4),
    openai429('tts', 3),
    t('llm', 'ERROR', 'rate_limited', 1.5, () => 'Groq API error 429 Too Many Requests: rate limit exceeded (LLM fallback)'),
    t('stt', 'WARN', null, 2, (h) => `rate limit reached, backing off ${num(h, 6, 500, 8000)} ms`),
    t('agent', 'WARN', null, 1, () => 'API quota exceeded for openai (100 % of limit used)'),
    { ...generated, weight: 1 },
  ],
  'slow-degradation': [
    slowLlm(4, 2500, 6000),
    t('host', 'WARN', null, 1.5, (h) => `High memory use: ${num(h, 8, 81, 90)} %`),
    t('host', 'WARN', null, 1.5, (h) => `High CPU use: ${num(h, 8, 81, 93)} %`),
    t('llm', 'ERROR', 'timeout', 1, () => 'LLM request timed out after 30000 ms (ollama)'),
    openaiTimeout('stt', 0.5),
    t('database', 'WARN', null, 0.5, (h) => `Slow query: ${num(h, 6, 120, 900)} ms`),
    { ...transcribed, weight: 1 },
    { ...generated, weight: 1 },
    { ...synthesised, weight: 1 },
  ],
}

/** Lines per second: a quiet hum when healthy, a flood during an incident. */
export const LOG_RATE = { healthy: 0.12, incident: 0.45 } as const
