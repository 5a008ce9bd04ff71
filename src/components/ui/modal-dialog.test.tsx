import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { ModalDialog } from './modal-dialog'

function Harness({ dismissable, focusDialog = false }: { dismissable: boolean; focusDialog?: boolean }) {
  const [open, setOpen] = useState(false)
  const close = () => {
    setOpen(false)
  }
  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true)
        }}
      >
        Open
      </button>
      <button type="button">Behind</button>
      {open && (
        <ModalDialog title="Choose" onDismiss={dismissable ? close : undefined} initialFocus={focusDialog ? 'dialog' : undefined}>
          <button type="button">First</button>
          <button type="button" onClick={close}>
            Last
          </button>
        </ModalDialog>
      )}
    </>
  )
}

test('focus starts on the first control, Tab stays inside, the page behind is inert, Escape closes and returns focus', async () => {
  const user = userEvent.setup()
  // The container is the page's layer under <body>; the dialog is portalled beside it.
  const { container } = render(<Harness dismissable />)
  const opener = screen.getByRole('button', { name: 'Open' })
  await user.click(opener)

  const dialog = screen.getByRole('dialog', { name: 'Choose' })
  expect(dialog).toHaveAttribute('aria-modal', 'true')
  expect(screen.getByRole('button', { name: 'First' })).toHaveFocus()
  await user.tab()
  expect(screen.getByRole('button', { name: 'Last' })).toHaveFocus()
  await user.tab()
  expect(screen.getByRole('button', { name: 'First' })).toHaveFocus()
  await user.tab({ shift: true })
  expect(screen.getByRole('button', { name: 'Last' })).toHaveFocus()
  // The page behind is out of reach (inert; jsdom keeps the property but does not act on it).
  expect(container.inert).toBe(true)
  expect(container).not.toContainElement(dialog)

  await user.keyboard('{Escape}')
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(opener).toHaveFocus()
  expect(container.inert).toBe(false)
})

test('a dialog that must be answered ignores Escape and can take focus itself', async () => {
  const user = userEvent.setup()
  render(<Harness dismissable={false} focusDialog />)
  const opener = screen.getByRole('button', { name: 'Open' })
  await user.click(opener)
  const dialog = screen.getByRole('dialog', { name: 'Choose' })
  expect(dialog).toHaveFocus()

  await user.keyboard('{Escape}')
  expect(dialog).toBeInTheDocument()

  await user.tab()
  expect(screen.getByRole('button', { name: 'First' })).toHaveFocus()
  await user.click(screen.getByRole('button', { name: 'Last' }))
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  expect(opener).toHaveFocus()
})
