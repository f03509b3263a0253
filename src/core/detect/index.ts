export { detectRoles, decide, type DetectOptions } from './detect.ts';
export { renderDetection } from './render.ts';
export { isValidMyNumber, myNumberCheckDigit } from './my-number.ts';
export { matchName, nameForms, NAME_RULES } from './name-rules.ts';
export type { DetectCategory, DetectedColumn, DetectionResult, DetectReason } from './types.ts';
