import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import type { Severity } from '@/domain/severity'
import { SeverityGuide } from './severity-guide'

const QUESTIONS = {
  down: 'Is the service completely down?',
  major: 'Is major functionality broken?',
  partial: 'Is only part of the functionality affected?',
  workaround: 'Is a workaround available?',
} as const

function Harness() {
  const [chosen, setChosen] = useState<Severity | ''>('')
  return (
    <>
      <SeverityGuide chosen={chosen} onUse={setChosen} />
      <output aria-label="Chosen severity">{chosen}</output>
    </>
  )
}

test.each<[string, (keyof typeof QUESTIONS)[], Severity, string, string, string]>([
  ['nothing affected', [], 'P4', 'Minor issue, workaround available', '4 hours', 'UI bug, minor latency issues'],
  ['completely down', ['down'], 'P1', 'Service completely down', 'Immediate (< 5 minutes)', 'All users cannot access service'],
  ['major functionality broken', ['major'], 'P2', 'Major functionality broken', '15 minutes', 'Voice agent not responding, high error rate'],
  ['partly affected', ['partial'], 'P3', 'Partial functionality affected', '1 hour', 'Specific feature not working, minor errors'],
  ['partly affected with a workaround', ['partial', 'workaround'], 'P4', 'Minor issue, workaround available', '4 hours', 'UI bug, minor latency issues'],
  ['down, even with a workaround', ['down', 'workaround'], 'P1', 'Service completely down', 'Immediate (< 5 minutes)', 'All users cannot access service'],
  ['major and partial: the worse wins', ['major', 'partial'], 'P2', 'Major functionality broken', '15 minutes', 'Voice agent not responding, high error rate'],
])('%s (yes to %j) suggests %s with the runbook’s impact, response time and example', async (_, yes, severity, impact, responseTime, example) => {
  const user = userEvent.setup()
  render(<Harness />)
  for (const key of yes) await user.click(screen.getByRole('switch', { name: QUESTIONS[key] }))

  for (const key of Object.keys(QUESTIONS) as (keyof typeof QUESTIONS)[]) {
    const toggle = screen.getByRole('switch', { name: QUESTIONS[key] })
    if (yes.includes(key)) expect(toggle).toBeChecked()
    else expect(toggle).not.toBeChecked()
  }
  expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual(['Suggested', 'Impact', 'Response time', 'Example'])
  const [suggested, ...facts] = screen.getAllByRole('definition').map((d) => d.textContent)
  expect(suggested).toMatch(new RegExp(`^${severity} — `))
  expect(facts).toEqual([impact, responseTime, example])

  await user.click(screen.getByRole('button', { name: `Use ${severity}` }))
  expect(screen.getByRole('status', { name: 'Chosen severity' })).toHaveTextContent(severity)
  expect(screen.queryByRole('button', { name: `Use ${severity}` })).not.toBeInTheDocument()
  expect(screen.getByText(`Severity is ${severity}`)).toBeInTheDocument()
})
