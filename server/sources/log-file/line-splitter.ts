/**
 * Bytes as they are read from a log file, into whole lines. A last line without its
 * newline yet is held until the writer finishes it. A line longer than the limit is cut
 * there, handed on marked as cut, and the rest of it up to its newline is skipped: the
 * held bytes, the one thing that grows with the file, stay bounded.
 * Lines are split on the byte 0x0A before decoding, so a UTF-8 character is never split
 * (except where a line is cut). Pure: no I/O.
 */

export interface SplitLine {
  text: string
  /** The line went on past the limit: what is here is its start. */
  cut: boolean
}

const NEWLINE = 0x0a
const decoder = new TextDecoder('utf-8')

export class LineSplitter {
  private held: Buffer[] = []
  private heldBytes = 0
  /** Dropping bytes up to the next newline: the rest of a cut line, or the tail of a line read from its middle. */
  private skipping = false

  constructor(
    private readonly maxLineBytes: number,
    private readonly emit: (line: SplitLine) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0
    while (start < chunk.length) {
      const end = chunk.indexOf(NEWLINE, start)
      const piece = chunk.subarray(start, end === -1 ? chunk.length : end)
      if (!this.skipping) this.hold(piece)
      if (end !== -1) {
        if (this.skipping) this.skipping = false
        else this.release(false)
      }
      if (end === -1) break
      start = end + 1
    }
  }

  /** The held partial line, handed on as it is (its file was rotated away: it will not be finished). */
  flush(): void {
    if (this.heldBytes > 0) this.release(false)
    this.skipping = false
  }

  /** Drops everything up to the next newline: reading starts in the middle of a line. */
  skipToNextLine(): void {
    this.held = []
    this.heldBytes = 0
    this.skipping = true
  }

  private hold(piece: Buffer): void {
    if (this.heldBytes + piece.length <= this.maxLineBytes) {
      // Copied: the reader may reuse its buffer for the next chunk.
      if (piece.length > 0) this.held.push(Buffer.from(piece))
      this.heldBytes += piece.length
      return
    }
    this.held.push(Buffer.from(piece.subarray(0, this.maxLineBytes - this.heldBytes)))
    this.heldBytes = this.maxLineBytes
    this.release(true)
    this.skipping = true
  }

  private release(cut: boolean): void {
    const bytes = Buffer.concat(this.held, this.heldBytes)
    this.held = []
    this.heldBytes = 0
    // A Windows line end, and the NULs a copytruncate leaves where a writer kept its old offset.
    // eslint-disable-next-line no-control-regex
    const text = decoder.decode(bytes).replace(/\u0000/g, '').replace(/\r$/, '')
    if (text.trim() !== '') this.emit({ text, cut })
  }
}
