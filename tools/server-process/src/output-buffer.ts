// Keeps the tail of a child's output stream for diagnostics without growing without bound
// (the fuzz test makes the server log thousands of protocol errors).

export class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly maxChars = 256 * 1024) {}

  push(text: string): void {
    this.chunks.push(text);
    this.size += text.length;
    while (this.size > this.maxChars && this.chunks.length > 1) {
      this.size -= this.chunks.shift()!.length;
    }
  }

  text(): string {
    return this.chunks.join('');
  }

  /** The last `lines` lines, for error messages. */
  tail(lines = 40): string {
    return this.text().split('\n').slice(-lines).join('\n');
  }
}
