import { DATE_SPACE_CLASS, ERA_START_CLASS } from '../../dates/normalize.ts';

/**
 * Cheap first-pass patterns (one regex per cell) that route each column to the costly
 * exact checks it can possibly pass. They only need to be supersets of what the exact
 * casts accept; the counts shown to the user always come from the casts themselves.
 */
const SPACE = DATE_SPACE_CLASS;
const DIGIT = '[0-9０-９]';

/**
 * Could a cell be anything but text? Numbers, dates, date-times and boolean words start,
 * after spaces, with a sign, dot or digit (also full-width), an era marker, or t/f/y/n.
 * Names and addresses, the bulk of many extracts, stop here at one regex per cell.
 */
export const TYPED_START = `^${SPACE}*(?:[-+.0-9０-９－＋．−]|${ERA_START_CLASS}|[tfynTFYN])`;

/**
 * Could a cell be a date or date-time? Four digits then a date separator (2020-, 2020/,
 * 2020年, 2020.1.), exactly eight digits (20200102), or an era name / initial and digit.
 * Keeps decimals such as 1234.5 and plain integers out of the date parser.
 */
export const DATE_LIKE =
  `^${SPACE}*(?:` +
  `${DIGIT}{4}${SPACE}*(?:[-/－／年]|[.．]${SPACE}*${DIGIT}{1,2}${SPACE}*[.．])` +
  `|${DIGIT}{8}${SPACE}*$` +
  `|[明大昭平令㍾㍽㍼㍻㋿]` +
  `|[MTSHRmtshrＭＴＳＨＲｍｔｓｈｒ]${SPACE}*${DIGIT})`;
