/**
 * The loader's warnings (a field it did not know and dropped, with its "did you mean"; a value it
 * read another way) as the sentence that follows "Imported …" or "Opened …" in a notice, so every
 * way a document comes in tells the user the same thing. Empty when there is nothing to say.
 */
export function warningNote(warnings: readonly string[]): string {
  return warnings.length > 0 ? ` Note: ${warnings.join('; ')}.` : '';
}
