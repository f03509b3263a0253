/**
 * Shared vocabulary of the risk engine. An equivalence class ("class") is the set of
 * records with equal values on every quasi-identifier after the transforms;
 * suppressed records are counted apart, never as a class (as ARX does).
 */

/** How many classes have each size: the input of every prosecutor/journalist/population figure. */
export interface ClassSizeHistogram {
  /** [class size, number of classes of that size], ascending by size. */
  entries: [size: number, classes: number][];
  /** Records in classes (suppressed records excluded). */
  records: number;
}
