// Grade symbols the rater can emit; config/rulesets maps each to an indicator-5 score.
export type Letter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type TlsGradeSymbol = 'A+' | 'A' | 'A-' | Exclude<Letter, 'A'> | 'T' | 'M';
export const tlsGradeSymbols: readonly TlsGradeSymbol[] = ['A+', 'A', 'A-', 'B', 'C', 'D', 'E', 'F', 'T', 'M'];
export const letters: readonly Letter[] = ['A', 'B', 'C', 'D', 'E', 'F'];

/** The worse of two letters (F is worst). */
export function worseLetter(a: Letter, b: Letter): Letter {
  return letters.indexOf(a) >= letters.indexOf(b) ? a : b;
}
